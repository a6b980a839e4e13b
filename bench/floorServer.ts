/**
 * The floor for submissions: a bare node:http server doing only JSON parse + ajv
 * validation + one transaction (a counter and an insert) for the same submission, on SQLite
 * (FLOOR_DB, a file) or PostgreSQL (FLOOR_PG, a URL). Run as its own process.
 */
import http from "node:http";
import Database from "better-sqlite3";
import pg from "pg";
import { createAjv } from "@/runtime/forms/ajv";
import { exampleForm } from "./submissionFixture";

const port = Number(process.env.PORT);
const validate = createAjv().compile(exampleForm().schema);

type Save = (key: string, data: string) => Promise<void>;

function sqliteFloor(file: string): Save {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE IF NOT EXISTS submission (id INTEGER PRIMARY KEY, key TEXT UNIQUE, data TEXT, at TEXT)");
  db.exec("CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER)");
  const insert = db.prepare("INSERT INTO submission (key, data, at) VALUES (?, ?, ?)");
  const bump = db.prepare("INSERT INTO counter (name, value) VALUES ('case', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1");
  const save = db.transaction((key: string, data: string) => {
    bump.run();
    insert.run(key, data, new Date().toISOString());
  });
  return async (key, data) => save(key, data);
}

async function postgresFloor(url: string): Promise<Save> {
  const pool = new pg.Pool({ connectionString: url });
  await pool.query("CREATE TABLE IF NOT EXISTS floor_submission (id SERIAL PRIMARY KEY, key TEXT UNIQUE, data JSONB, at TIMESTAMP(3))");
  await pool.query("CREATE TABLE IF NOT EXISTS floor_counter (name TEXT PRIMARY KEY, value INTEGER)");
  return async (key, data) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query({ name: "bump", text: "INSERT INTO floor_counter (name, value) VALUES ('case', 1) ON CONFLICT (name) DO UPDATE SET value = floor_counter.value + 1" });
      await client.query({ name: "insert", text: "INSERT INTO floor_submission (key, data, at) VALUES ($1, $2, $3)", values: [key, data, new Date().toISOString().slice(0, 23)] });
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
}

const save = process.env.FLOOR_PG ? await postgresFloor(process.env.FLOOR_PG) : sqliteFloor(process.env.FLOOR_DB as string);

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          if (!validate(body.formData.registration)) {
            res.writeHead(400).end();
            return;
          }
          await save(body.idempotencyKey, JSON.stringify(body.formData));
          res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
        } catch {
          res.writeHead(500).end();
        }
      })();
    });
  })
  .listen(port, "127.0.0.1", () => process.send?.("ready"));

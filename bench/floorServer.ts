/**
 * The floor for submissions: a bare node:http server doing only JSON parse + ajv
 * validation + one SQLite transaction for the same submission. Run as its own process.
 */
import http from "node:http";
import Database from "better-sqlite3";
import { createAjv } from "@/runtime/forms/ajv";
import { exampleForm } from "./submissionFixture";

const port = Number(process.env.PORT);
const db = new Database(process.env.FLOOR_DB as string);
db.pragma("journal_mode = WAL");
db.exec("CREATE TABLE IF NOT EXISTS submission (id INTEGER PRIMARY KEY, key TEXT UNIQUE, data TEXT, at TEXT)");
db.exec("CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER)");
const insert = db.prepare("INSERT INTO submission (key, data, at) VALUES (?, ?, ?)");
const bump = db.prepare("INSERT INTO counter (name, value) VALUES ('case', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1");
const save = db.transaction((key: string, data: string) => {
  bump.run();
  insert.run(key, data, new Date().toISOString());
});
const validate = createAjv().compile(exampleForm().schema);

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        if (!validate(body.formData.registration)) {
          res.writeHead(400).end();
          return;
        }
        save(body.idempotencyKey, JSON.stringify(body.formData));
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      } catch {
        res.writeHead(500).end();
      }
    });
  })
  .listen(port, "127.0.0.1", () => process.send?.("ready"));

/**
 * Seeding the whole document: parsing it into templates (pure) and loading them into a
 * fresh SQLite database as published version 1, side by side with the reference: the
 * same rows written with raw better-sqlite3 statements in one transaction.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb, migrate } from "@/runtime/db";
import { parseSeed } from "@/seed/pipeline";
import { loadTemplates } from "@/seed/loadTemplates";
import { seedOrganisations } from "@/seed/organisations";
import { figure, type Figure } from "./figure";

const source = path.join(import.meta.dirname, "..", "seed", "source");

export async function benchSeed(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hrss-seed-bench-"));
  try {
    const text = readFileSync(path.join(source, "000_f296b97e2ab141b6.txt"), "utf8");
    const entries = readFileSync(path.join(source, "ENTRIES.tsv"), "utf8");
    const parseStart = performance.now();
    const { services } = parseSeed(text, entries);
    const parseMs = performance.now() - parseStart;

    const url = `file:${path.join(dir, "seed.db")}`;
    const loadStart = performance.now();
    await migrate(url);
    const db = createDb(url);
    await seedOrganisations(db);
    await loadTemplates(db, services);
    const loadMs = performance.now() - loadStart;
    await db.$disconnect();

    const rawFile = path.join(dir, "raw.db");
    const raw = new Database(rawFile);
    const rawStart = performance.now();
    raw.exec("CREATE TABLE service (id TEXT PRIMARY KEY, code TEXT UNIQUE, title TEXT); CREATE TABLE version (id TEXT PRIMARY KEY, service TEXT, number INT, definition TEXT)");
    const insertService = raw.prepare("INSERT INTO service VALUES (?, ?, ?)");
    const insertVersion = raw.prepare("INSERT INTO version VALUES (?, ?, 1, ?)");
    raw.transaction(() => {
      for (const s of services) {
        insertService.run(s.code, s.code, s.title);
        insertVersion.run(`${s.code}-1`, s.code, JSON.stringify(s));
      }
    })();
    const rawMs = performance.now() - rawStart;
    raw.close();

    console.log(`  解析文档 ${parseMs.toFixed(0)} ms（${services.length} 个服务事项），写入 SQLite ${loadMs.toFixed(0)} ms`);
    return [
      figure("seed: parse document + load into SQLite (incl. migrations)", parseMs + loadMs, "ms", "goal: well under 10 s", 10_000),
      figure("seed: load templates into SQLite (Prisma)", loadMs, "ms", "same rows via raw better-sqlite3", rawMs),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Seeding the whole document: parsing it into templates (pure) and loading them into a
 * fresh SQLite database as published version 1 (through Prisma, as `npm run db:seed` does),
 * side by side with the reference: the very same rows (read back from that database) written
 * into a second database, migrated and prepared the same way, with prepared better-sqlite3
 * inserts in one transaction.
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
    const setupStart = performance.now();
    await migrate(url);
    const db = createDb(url);
    await seedOrganisations(db);
    const setupMs = performance.now() - setupStart;
    const loadStart = performance.now();
    await loadTemplates(db, services);
    const loadMs = performance.now() - loadStart;
    await db.$disconnect();

    const rawUrl = `file:${path.join(dir, "raw.db")}`;
    await migrate(rawUrl);
    const rawDb = createDb(rawUrl);
    await seedOrganisations(rawDb);
    await rawDb.$disconnect();
    const loaded = new Database(path.join(dir, "seed.db"), { readonly: true });
    const rows = {
      Service: loaded.prepare(`SELECT * FROM "Service"`).all() as Record<string, unknown>[],
      ServiceVersion: loaded.prepare(`SELECT * FROM "ServiceVersion"`).all() as Record<string, unknown>[],
    };
    loaded.close();
    if (rows.Service.length !== services.length || rows.ServiceVersion.length !== services.length) throw new Error("写入的服务事项数与解析结果不一致");
    const raw = new Database(path.join(dir, "raw.db"));
    const rawStart = performance.now();
    const insert = (table: string, sample: Record<string, unknown>) =>
      raw.prepare(`INSERT INTO "${table}" (${Object.keys(sample).map((c) => `"${c}"`).join(", ")}) VALUES (${Object.keys(sample).map((c) => `@${c}`).join(", ")})`);
    const insertService = insert("Service", rows.Service[0]);
    const insertVersion = insert("ServiceVersion", rows.ServiceVersion[0]);
    raw.transaction(() => {
      for (const row of rows.Service) insertService.run(row);
      for (const row of rows.ServiceVersion) insertVersion.run(row);
    })();
    const rawMs = performance.now() - rawStart;
    raw.close();

    console.log(`  解析文档 ${parseMs.toFixed(0)} ms（${services.length} 个服务事项），建库与机构 ${setupMs.toFixed(0)} ms，写入事项 ${loadMs.toFixed(0)} ms`);
    return [
      figure("seed: parse document + load into SQLite (incl. migrations)", parseMs + setupMs + loadMs, "ms", "goal: well under 10 s", 10_000),
      figure(`seed: load ${services.length} templates into SQLite (Prisma, one transaction)`, loadMs, "ms", "the same rows via prepared better-sqlite3 inserts, one transaction, same schema", rawMs),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

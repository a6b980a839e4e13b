/**
 * Where the end-to-end server's database is (tests/e2e/serve.ts writes its URL here at start):
 * a spec that needs state no screen can make yet writes it straight into that database.
 */
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function e2eDatabaseFile(port: number | string): string {
  return path.join(os.tmpdir(), `hrss-e2e-database-${port}.txt`);
}

export function recordE2eDatabase(port: number | string, url: string): void {
  writeFileSync(e2eDatabaseFile(port), url);
}

export function e2eDatabaseUrl(port: number | string): string {
  return readFileSync(e2eDatabaseFile(port), "utf8").trim();
}

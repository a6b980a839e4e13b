/**
 * Fresh, migrated databases for tests.
 *
 *   describeOnDatabases("designer", (kind) => { … await createTestDb(kind) … })
 *
 * - SQLite: a new file in a temporary folder.
 * - PostgreSQL: a new database per call on the shared throwaway cluster that
 *   vitest.global-setup.ts starts once per run (its URL arrives as TEST_PG_URL). A URL given from
 *   outside in TEST_PG_URL is used the same way (it must allow CREATE DATABASE). Without either,
 *   the first call starts a cluster in this process, stopped when the process exits.
 * - describeOnDatabases() declares the suite once per kind; when PostgreSQL is unavailable its
 *   suite is still listed, as skipped, with the reason in its title. databaseKinds() is the kinds
 *   that can run: ["sqlite", "postgres"], or ["sqlite"] without PostgreSQL. With REQUIRE_PG=1
 *   an unavailable PostgreSQL is an error, not a skip.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe } from "vitest";
import { createDb, type Db } from "@/runtime/db/client";
import { migrate, type MigrateResult } from "@/runtime/db/migrate";
import { PG_UNAVAILABLE_ENV, pgClusterUnavailableReason, startPgCluster, type PgCluster } from "./pgCluster";

export type DatabaseKind = "sqlite" | "postgres";

export interface TestDb {
  kind: DatabaseKind;
  url: string;
  db: Db;
  migration: MigrateResult;
  /** Disconnect and delete the database. */
  cleanup(): Promise<void>;
}

export { PG_UNAVAILABLE_ENV };

function requirePg(): boolean {
  return process.env.REQUIRE_PG === "1" || process.env.REQUIRE_PG === "true";
}

/** Why PostgreSQL cannot be used in this run, or null when it can. */
export function pgUnavailableReason(): string | null {
  if (process.env.TEST_PG_URL) return null;
  if (process.env[PG_UNAVAILABLE_ENV]) return process.env[PG_UNAVAILABLE_ENV]!;
  return pgClusterUnavailableReason();
}

/** The database kinds to run database tests on. Throws when REQUIRE_PG=1 and PostgreSQL is unavailable. */
export function databaseKinds(): DatabaseKind[] {
  const reason = pgUnavailableReason();
  if (reason && requirePg()) throw new Error(`REQUIRE_PG=1 but PostgreSQL is unavailable: ${reason}`);
  return reason ? ["sqlite"] : ["sqlite", "postgres"];
}

const ALL_KINDS: readonly DatabaseKind[] = ["sqlite", "postgres"];

/**
 * Declares `body` as a suite titled "<title> on <kind>" for SQLite and for PostgreSQL. Without
 * PostgreSQL its suite is skipped, not dropped: the run lists it, and its tests, as skipped with
 * the reason ("… on postgres — skipped: PostgreSQL unavailable (TEST_PG=0)").
 */
export function describeOnDatabases(title: string, body: (kind: DatabaseKind) => void): void {
  const runnable = databaseKinds();
  for (const kind of ALL_KINDS) {
    if (runnable.includes(kind)) describe(`${title} on ${kind}`, () => body(kind));
    else describe.skip(`${title} on ${kind} — skipped: PostgreSQL unavailable (${pgUnavailableReason()})`, () => body(kind));
  }
}

// ------------------------------------------------------------ PostgreSQL admin URL

let localCluster: Promise<PgCluster> | undefined;

async function pgAdminUrl(): Promise<string> {
  if (process.env.TEST_PG_URL) return process.env.TEST_PG_URL;
  const reason = pgUnavailableReason();
  if (reason) throw new Error(`PostgreSQL is unavailable: ${reason}`);
  // No global setup (e.g. a script or another runner): start a cluster for this process.
  localCluster ??= startPgCluster({ database: "tests" });
  return (await localCluster).url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = await pgAdminUrl();
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

// ------------------------------------------------------------ createTestDb

export interface CreateTestDbOptions {
  /** Apply the migrations (default true). */
  migrate?: boolean;
  /** Migrations folder (default prisma/migrations/<kind>). */
  migrationsDir?: string;
}

export async function createTestDb(kind: DatabaseKind, options: CreateTestDbOptions = {}): Promise<TestDb> {
  let url: string;
  let remove: () => Promise<void>;
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "testdb-"));
    url = `file:${path.join(dir, "test.db")}`;
    remove = async () => rmSync(dir, { recursive: true, force: true });
  } else if (kind === "postgres") {
    const created = await createPgDatabase();
    url = created.url;
    remove = created.drop;
  } else {
    throw new Error(`Unknown database kind ${String(kind)}`);
  }
  try {
    const migration =
      options.migrate === false
        ? { kind, applied: [], alreadyApplied: [] }
        : await migrate(url, { dir: options.migrationsDir });
    const db = createDb(url, { poolSize: 5 });
    let cleaned = false;
    return {
      kind,
      url,
      db,
      migration,
      cleanup: async () => {
        if (cleaned) return;
        cleaned = true;
        await db.$disconnect().catch(() => {});
        await remove();
      },
    };
  } catch (err) {
    await remove().catch(() => {});
    throw err;
  }
}

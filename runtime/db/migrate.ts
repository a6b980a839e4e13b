/**
 * Applies the committed migrations (prisma/migrations/{sqlite,postgres}/<ts>_<name>/migration.sql)
 * in name order, each in its own transaction, recording them in `_migrations`
 * (name, checksum, appliedAt). No Prisma engine involved: better-sqlite3 / pg directly.
 *
 * - Idempotent: applied migrations are skipped.
 * - Refuses (MigrationChecksumError) when an applied migration's file changed.
 * - Safe when several instances start at once: PostgreSQL serialises on
 *   pg_advisory_lock; SQLite on its write lock (BEGIN IMMEDIATE + busy timeout) and
 *   re-checks `_migrations` inside each transaction.
 */
import "server-only";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind, databaseUrl, redactUrl, sqliteFilePath, type DbKind } from "./url";

export interface MigrationFile {
  /** The folder name, e.g. `20261127090000_init`. */
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateOptions {
  /** Folder holding the migration folders; default `<cwd>/prisma/migrations/<kind>` (env MIGRATIONS_DIR overrides the base). */
  dir?: string;
  /** Progress messages; default silent. */
  log?: (message: string) => void;
}

export interface MigrateResult {
  kind: DbKind;
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationChecksumError extends Error {
  constructor(
    readonly migration: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `Migration ${migration} was already applied, but its migration.sql has changed since ` +
        `(applied checksum ${expected.slice(0, 12)}…, file checksum ${actual.slice(0, 12)}…). ` +
        `Applied migrations must never be edited: restore the file and add a new migration instead.`,
    );
    this.name = "MigrationChecksumError";
  }
}

const MIGRATIONS_TABLE = "_migrations";
/** Arbitrary constant key for pg_advisory_lock (shared by every instance of the app). */
export const MIGRATION_LOCK_KEY = 727_100_150_000;

/** SHA-256 of the script with line endings normalised (a CRLF checkout must not look "edited"). */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}

export function defaultMigrationsDir(kind: DbKind): string {
  const base = process.env.MIGRATIONS_DIR || path.resolve(process.cwd(), "prisma/migrations");
  return path.join(base, kind);
}

/** The migrations in a folder, in name (= timestamp) order. */
export function loadMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`Migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}

function verify(applied: Map<string, string>, files: MigrationFile[], log: (m: string) => void): void {
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const [name, checksum] of applied) {
    const file = byName.get(name);
    if (!file) {
      log(`warning: migration ${name} is applied in the database but missing from the migrations folder`);
    } else if (file.checksum !== checksum) {
      throw new MigrationChecksumError(name, checksum, file.checksum);
    }
  }
}

// ---------------------------------------------------------------- SQLite

export function migrateSqlite(db: Database.Database, options: MigrateOptions = {}): MigrateResult {
  const log = options.log ?? (() => {});
  const files = loadMigrations(options.dir ?? defaultMigrationsDir("sqlite"));
  db.exec(
    `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (` +
      `"name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`,
  );
  const readApplied = () =>
    new Map(
      (db.prepare(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`).all() as { name: string; checksum: string }[]).map(
        (r) => [r.name, r.checksum],
      ),
    );
  const initial = readApplied();
  verify(initial, files, log);

  const applied: string[] = [];
  const alreadyApplied: string[] = [];
  // Table redefinitions (DROP TABLE inside a migration) must not fire ON DELETE actions:
  // foreign keys are switched off around each migration (the pragma is a no-op inside a
  // transaction) and checked with foreign_key_check before committing.
  const fkWasOn = Number(db.pragma("foreign_keys", { simple: true })) === 1;
  try {
    for (const file of files) {
      if (initial.has(file.name)) {
        alreadyApplied.push(file.name);
        continue;
      }
      db.pragma("foreign_keys = OFF");
      db.exec("BEGIN IMMEDIATE");
      try {
        // Another instance may have applied it while we waited for the write lock.
        const now = readApplied();
        if (now.has(file.name)) {
          verify(new Map([[file.name, now.get(file.name)!]]), [file], log);
          db.exec("COMMIT");
          alreadyApplied.push(file.name);
          continue;
        }
        log(`applying ${file.name}`);
        db.exec(file.sql);
        const violations = db.pragma("foreign_key_check") as unknown[];
        if (violations.length > 0) {
          throw new Error(`Migration ${file.name} leaves ${violations.length} foreign key violation(s)`);
        }
        db.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "appliedAt") VALUES (?, ?, ?)`).run(
          file.name,
          file.checksum,
          new Date().toISOString(),
        );
        db.exec("COMMIT");
        applied.push(file.name);
      } catch (err) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw wrapFailure(file.name, err);
      }
    }
  } finally {
    if (fkWasOn) db.pragma("foreign_keys = ON");
  }
  return { kind: "sqlite", applied, alreadyApplied };
}

/** Open (creating folder and file) a SQLite database with the settings the app uses. */
export function openSqlite(file: string): Database.Database {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  if (file !== ":memory:") db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 10000");
  db.pragma("foreign_keys = ON");
  return db;
}

// ---------------------------------------------------------------- PostgreSQL

/** Run on a dedicated client (the advisory lock is held by the session). */
export async function migratePostgres(client: pg.ClientBase, options: MigrateOptions = {}): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const files = loadMigrations(options.dir ?? defaultMigrationsDir("postgres"));
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (` +
        `"name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`,
    );
    const initial = new Map(rows.map((r) => [r.name, r.checksum]));
    verify(initial, files, log);

    const applied: string[] = [];
    const alreadyApplied: string[] = [];
    for (const file of files) {
      if (initial.has(file.name)) {
        alreadyApplied.push(file.name);
        continue;
      }
      log(`applying ${file.name}`);
      await client.query("BEGIN");
      try {
        await client.query(file.sql); // simple query protocol: multi-statement scripts are fine
        await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum") VALUES ($1, $2)`, [
          file.name,
          file.checksum,
        ]);
        await client.query("COMMIT");
        applied.push(file.name);
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw wrapFailure(file.name, err);
      }
    }
    return { kind: "postgres", applied, alreadyApplied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
  }
}

// ---------------------------------------------------------------- entry point

/** Apply pending migrations to the database at `url` (default DATABASE_URL / file:./data/app.db). */
export async function migrate(url?: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const target = databaseUrl(url);
  const kind = databaseKind(target);
  if (kind === "sqlite") {
    const db = openSqlite(sqliteFilePath(target));
    try {
      return migrateSqlite(db, options);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`Cannot connect to ${redactUrl(target)}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return await migratePostgres(client, options);
  } finally {
    await client.end();
  }
}

function wrapFailure(name: string, err: unknown): Error {
  if (err instanceof MigrationChecksumError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return new Error(`Migration ${name} failed and was rolled back: ${msg}`, { cause: err });
}

/**
 * The Prisma client for DATABASE_URL (default `file:./data/app.db`).
 *
 * SQLite goes through PrismaBetterSqlite3 (WAL, busy timeout), PostgreSQL through PrismaPg.
 * Both generated clients have the same models; the rest of the code uses `Db`, the SQLite
 * client's type. The PostgreSQL client is cast to it in one place (createDb) — keep models to
 * what both databases support so that the cast stays honest.
 */
import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaClient as SqlitePrismaClient, type Prisma } from "@/prisma/generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "@/prisma/generated/postgres/client";
import { databaseKind, databaseUrl, sqliteFilePath, type DbKind } from "./url";
import { log } from "@/runtime/ops/log";
import { isDriverUniqueViolation, PostgresSql, SqliteSql, type SqlDb, type SqliteAdapterHandle } from "./sql";

export type Db = SqlitePrismaClient;
/** The client handed to interactive transaction callbacks. */
export type Tx = Prisma.TransactionClient;

export interface CreateDbOptions {
  /** SQLite busy timeout in ms (default 10 000). */
  busyTimeoutMs?: number;
  /** PostgreSQL pool size (default pg's 10). */
  poolSize?: number;
  /** Prisma log levels, e.g. ["query"]. */
  log?: ("query" | "info" | "warn" | "error")[];
}

/**
 * What each client is (its kind, its plain-SQL port), kept on globalThis like the process-wide
 * client: Next's page bundle has a module instance of its own, and must know the clients server.ts made.
 */
const registry = globalThis as typeof globalThis & { __hrssDbKinds?: WeakMap<object, DbKind>; __hrssSqlPorts?: WeakMap<object, SqlDb> };
const kinds = (registry.__hrssDbKinds ??= new WeakMap<object, DbKind>());
const sqlPorts = (registry.__hrssSqlPorts ??= new WeakMap<object, SqlDb>());

/**
 * Prisma's SQLite adapter factory, wrapped so that plain SQL (runtime/db/sql.ts) can use the
 * adapter's own connection and transaction lock.
 */
function sharedSqliteAdapter(file: string, busy: number) {
  const factory = new PrismaBetterSqlite3({ url: file, timeout: busy });
  let connected: SqliteAdapterHandle | undefined;
  const wrapped = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      connected = adapter as unknown as SqliteAdapterHandle;
      // The savepoint of each write in a group commit keeps the pages it changes in a sub-journal;
      // on a temporary file (the default), that cost each write a file write per page. Measured:
      // SQL time per submission 230 → 165 µs. Only rollback to a savepoint reads it: not durability.
      connected.client.pragma("temp_store = MEMORY");
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  } as unknown as PrismaBetterSqlite3;
  return { factory: wrapped, adapter: () => connected };
}

/** A new client for `url` (default DATABASE_URL). Prefer getDb(); the caller owns this one ($disconnect). */
export function createDb(url?: string, options: CreateDbOptions = {}): Db {
  const target = databaseUrl(url);
  const kind = databaseKind(target);
  let db: Db;
  if (kind === "sqlite") {
    const file = sqliteFilePath(target);
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    const busy = options.busyTimeoutMs ?? 10_000;
    if (file !== ":memory:") {
      // journal_mode=WAL is stored in the file: set it once through a short-lived connection.
      const raw = new Database(file, { timeout: busy });
      try {
        raw.pragma("journal_mode = WAL");
      } finally {
        raw.close();
      }
    }
    // The adapter opens its own better-sqlite3 connection: `timeout` sets its busy timeout;
    // better-sqlite3 enables foreign keys by default.
    const shared = sharedSqliteAdapter(file, busy);
    const client = new SqlitePrismaClient({ adapter: shared.factory, log: options.log });
    db = client;
    sqlPorts.set(
      db,
      new SqliteSql(async () => {
        if (!shared.adapter()) await client.$connect();
        const adapter = shared.adapter();
        if (!adapter) throw new Error("SQLite adapter did not connect");
        return adapter;
      }),
    );
  } else {
    // Pass the URL as-is: no shadow database is ever made from this adapter (see
    // scripts/create-migration.ts for why that matters). Prisma and plain SQL share the pool.
    const pool = new pg.Pool({ connectionString: target, max: options.poolSize });
    // An idle connection the server ends (a restart, a dropped database) is discarded by the pool;
    // unheard, its error would end the process.
    pool.on("error", (error) => log.warn({ err: error }, "PostgreSQL 空闲连接已断开"));
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    db = new PostgresPrismaClient({ adapter, log: options.log }) as unknown as Db;
    sqlPorts.set(db, new PostgresSql(pool));
  }
  kinds.set(db, kind);
  return db;
}

/** Plain SQL on the same connections as `db` (hot write paths only; see runtime/db/sql.ts). */
export function sqlOf(db: Db): SqlDb {
  const port = sqlPorts.get(db);
  if (!port) throw new Error("sqlOf: not a client made by createDb/getDb");
  return port;
}

/** Which database a client talks to. */
export function dbKind(db: Db): DbKind {
  const kind = kinds.get(db);
  if (!kind) throw new Error("dbKind: not a client made by createDb/getDb");
  return kind;
}

type Cache = { url: string; db: Db };
const globalCache = globalThis as typeof globalThis & { __hrssDb?: Cache };

/**
 * The process-wide client for DATABASE_URL (default `file:./data/app.db`, folder created).
 * Cached on globalThis so that Next.js dev reloads do not open a new pool each time.
 */
export function getDb(): Db {
  const url = databaseUrl();
  const cached = globalCache.__hrssDb;
  if (cached && cached.url === url) return cached.db;
  if (cached) void cached.db.$disconnect().catch(() => {});
  const db = createDb(url);
  globalCache.__hrssDb = { url, db };
  return db;
}

/** Disconnect and forget the cached client (tests, graceful shutdown). */
export async function closeDb(): Promise<void> {
  const cached = globalCache.__hrssDb;
  globalCache.__hrssDb = undefined;
  if (cached) await cached.db.$disconnect();
}

/** True when `err` is a unique-constraint violation (Prisma P2002), on either database. */
export function isUniqueViolation(err: unknown): boolean {
  if (isDriverUniqueViolation(err)) return true;
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

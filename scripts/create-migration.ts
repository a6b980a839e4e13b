/**
 * npm run migrations:create -- <name> [--sqlite-only | --postgres-only] [--allow-empty]
 * npm run migrations:create -- --check     (exit 1 when the schema has changes without a migration)
 *
 * Creates prisma/migrations/{sqlite,postgres}/<UTC timestamp>_<name>/migration.sql from the
 * difference between the committed migrations and prisma/schema.prisma (and the derived
 * prisma/postgres/schema.prisma), offline.
 *
 * The native schema engine cannot be downloaded here, so this drives Prisma's WebAssembly schema
 * engine (@prisma/schema-engine-wasm, the build matching prisma 7.10.0) through the driver
 * adapters. To stay clear of the 7.10.0 adapter bugs it never uses a shadow database:
 *   1. a throwaway database is made (SQLite: a temp file; PostgreSQL: a throwaway cluster),
 *   2. the committed migration.sql files are executed on it, in order,
 *   3. the engine diffs that live database ("schemaDatasource", read through the adapter)
 *      against the schema file ("schemaDatamodel"), producing the script,
 *   4. the script is executed on the throwaway database and diffed again: it must come out empty.
 * Bugs worked around: adapter-pg cannot deserialize Postgres' internal "char" type (OID 18) that
 * the schema describer reads → reported as text (patch below); PrismaPg built from a
 * connectionString makes its "shadow database" the main database → host/port/user/database are
 * passed separately; SQLite createMigration wants an external shadow factory and its shadow
 * replay sends multi-statement scripts to prepare() → not used (diff instead of createMigration).
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm";
import type { SchemaEngine as WasmSchemaEngine } from "@prisma/schema-engine-wasm";
import { loadMigrations } from "@/runtime/db/migrate";
import type { DbKind } from "@/runtime/db/url";
import { startPgCluster } from "@/tests/support/pgCluster";
import { derivePostgresSchema, POSTGRES_SCHEMA, ROOT, SQLITE_SCHEMA, writePostgresSchema } from "./prisma-generate";

const MIGRATIONS_ROOT = path.join(ROOT, "prisma/migrations");
const PROVIDER: Record<DbKind, string> = { sqlite: "sqlite", postgres: "postgresql" };
const SCHEMA_FILE: Record<DbKind, string> = { sqlite: SQLITE_SCHEMA, postgres: POSTGRES_SCHEMA };

/** The schema text for a kind, derived in memory from prisma/schema.prisma (the source). */
function schemaText(kind: DbKind): string {
  const source = readFileSync(SQLITE_SCHEMA, "utf8");
  return kind === "sqlite" ? source : derivePostgresSchema(source);
}

// ------------------------------------------------------------ the wasm engine

/** Load @prisma/schema-engine-wasm by hand: its entry imports the .wasm as an ES module, which Node 20 cannot. */
async function loadWasmEngine() {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg = (await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href)) as typeof SchemaEngineWasm & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const { instance } = await WebAssembly.instantiate(readFileSync(path.join(dir, "schema_engine_bg.wasm")), {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

/** adapter-pg 7.10.0 throws on columns of Postgres' internal "char" type (OID 18); report them as text (25). */
function patchPgCharColumns(adapterFactory: PrismaPg): Promise<void> {
  return adapterFactory.connect().then(async (adapter) => {
    let proto: { performIO?: (q: unknown) => Promise<{ fields: { dataTypeID: number }[] }> } | null =
      Object.getPrototypeOf(adapter);
    while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) proto = Object.getPrototypeOf(proto);
    await adapter.dispose();
    if (!proto?.performIO) throw new Error("adapter-pg internals changed: performIO not found (remove the OID 18 patch?)");
    const original = proto.performIO as ((q: unknown) => Promise<{ fields: { dataTypeID: number }[] }>) & { patched?: true };
    if (original.patched) return;
    const patched = async function (this: unknown, q: unknown) {
      const result = await original.call(this, q);
      for (const f of result?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
      return result;
    };
    (patched as typeof original).patched = true;
    proto.performIO = patched;
  });
}

// ------------------------------------------------------------ throwaway databases

interface Scratch {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

async function sqliteScratch(): Promise<Scratch> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "migration-sqlite-"));
  const file = path.join(dir, "scratch.db");
  const raw = new Database(file);
  return {
    // The shadow URL only matters if the engine ever asks for one (it must not: see above).
    adapter: new PrismaBetterSqlite3({ url: file }, { shadowDatabaseUrl: ":memory:" }),
    exec: async (sql) => void raw.exec(sql),
    close: async () => {
      raw.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A throwaway PostgreSQL database: on a throwaway cluster, or — when `serverUrl` is given (e.g.
 * the test run's cluster) — a new database on that server, dropped afterwards.
 */
async function postgresScratch(serverUrl?: string): Promise<Scratch> {
  let config: pg.ClientConfig & { host: string; port: number; user: string; database: string };
  let release: () => Promise<void>;
  if (serverUrl) {
    const u = new URL(serverUrl);
    const server = {
      host: decodeURIComponent(u.hostname),
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username),
      password: u.password ? decodeURIComponent(u.password) : undefined,
    };
    const database = `migration_scratch_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ ...server, database: decodeURIComponent(u.pathname.slice(1)) || "postgres" });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    config = { ...server, database };
    release = async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
      await admin.end();
    };
  } else {
    const cluster = await startPgCluster({ database: "scratch" });
    config = { host: cluster.host, port: cluster.port, user: cluster.user, database: cluster.database };
    release = () => cluster.stop();
  }
  // host/port/user/database separately: never a connectionString (see the header).
  const adapter = new PrismaPg(config);
  await patchPgCharColumns(adapter);
  const client = new pg.Client(config);
  await client.connect();
  return {
    adapter,
    exec: async (sql) => void (await client.query(sql)),
    close: async () => {
      await client.end().catch(() => {});
      await release();
    },
  };
}

// ------------------------------------------------------------ diff

async function diffAgainstSchema(
  wasm: Awaited<ReturnType<typeof loadWasmEngine>>,
  kind: DbKind,
  scratch: Scratch,
): Promise<string> {
  const schemaPath = SCHEMA_FILE[kind];
  const files = [{ path: schemaPath, content: schemaText(kind) }];
  const bound = bindMigrationAwareSqlAdapterFactory(scratch.adapter);
  const debug = process.env.DEBUG_SCHEMA_ENGINE ? (m: string) => console.error("[schema-engine]", m) : () => {};
  const engine: WasmSchemaEngine = await wasm.SchemaEngine.new({ datamodels: [[schemaPath, files[0].content]] }, debug, bound);
  try {
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: path.dirname(schemaPath) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return normaliseScript(result.stdout ?? "");
  } catch (err) {
    throw explainEngineError(err, bound.errorRegistry);
  } finally {
    engine.free();
  }
}

/** Engine errors may point at a driver error kept in the adapter's registry (by id). */
function explainEngineError(err: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): Error {
  const e = err as { message?: string; id?: unknown; cause?: unknown };
  const id = typeof e?.id === "number" ? e.id : typeof (e?.cause as { id?: unknown })?.id === "number" ? (e.cause as { id: number }).id : null;
  const driverError = id === null ? undefined : registry.consumeError(id)?.error;
  const msg = `schema engine: ${e?.message ?? String(err)}` + (driverError ? `\ndriver error: ${JSON.stringify(driverError)}` : "");
  return new Error(msg, { cause: err });
}

function normaliseScript(sql: string): string {
  const trimmed = sql.replace(/\r\n/g, "\n").trim();
  if (trimmed === "" || /^-- This is an empty migration\.?$/.test(trimmed)) return "";
  return trimmed + "\n";
}

// ------------------------------------------------------------ main

function timestamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

export async function createMigration(
  name: string,
  opts: { kinds?: DbKind[]; allowEmpty?: boolean; log?: (m: string) => void } = {},
): Promise<Record<DbKind, string | null>> {
  if (!/^[a-z0-9][a-z0-9_]*$/.test(name)) throw new Error(`Migration name must match [a-z0-9_]+ (got "${name}")`);
  const log = opts.log ?? console.log;
  const kinds = opts.kinds ?? (["sqlite", "postgres"] as DbKind[]);
  if (writePostgresSchema()) log("prisma/postgres/schema.prisma regenerated");

  const folder = `${timestamp()}_${name}`;
  const wasm = await loadWasmEngine();
  const out = { sqlite: null, postgres: null } as Record<DbKind, string | null>;
  for (const kind of kinds) {
    const dir = path.join(MIGRATIONS_ROOT, kind);
    const existing = existsSync(dir) ? loadMigrations(dir) : [];
    if (existing.some((m) => m.name.replace(/^\d+_/, "") === name)) {
      throw new Error(`A ${kind} migration named "${name}" already exists`);
    }
    const scratch = kind === "sqlite" ? await sqliteScratch() : await postgresScratch();
    try {
      for (const m of existing) await scratch.exec(m.sql);
      const script = await diffAgainstSchema(wasm, kind, scratch);
      if (!script && !opts.allowEmpty) {
        log(`${kind}: the schema matches the migrations — nothing to create`);
        continue;
      }
      if (script) {
        // The script must bring the database exactly to the schema.
        await scratch.exec(script);
        const rest = await diffAgainstSchema(wasm, kind, scratch);
        if (rest) throw new Error(`${kind}: the generated script does not converge; remaining diff:\n${rest}`);
      }
      const target = path.join(dir, folder);
      mkdirSync(target, { recursive: true });
      writeFileSync(path.join(target, "migration.sql"), script || "-- This is an empty migration.\n");
      writeFileSync(
        path.join(dir, "migration_lock.toml"),
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${PROVIDER[kind]}"\n`,
      );
      out[kind] = path.relative(ROOT, path.join(target, "migration.sql"));
      log(`${kind}: created ${out[kind]}`);
    } finally {
      await scratch.close();
    }
  }
  return out;
}

/**
 * What a new migration would contain for each database ("" when the committed migrations match
 * prisma/schema.prisma), and whether prisma/postgres/schema.prisma is stale. Writes nothing.
 */
export async function pendingSchemaChanges(
  kinds: DbKind[] = ["sqlite", "postgres"],
  options: { pgServerUrl?: string } = {},
): Promise<{ scripts: Partial<Record<DbKind, string>>; postgresSchemaStale: boolean }> {
  const wasm = await loadWasmEngine();
  const scripts: Partial<Record<DbKind, string>> = {};
  for (const kind of kinds) {
    const dir = path.join(MIGRATIONS_ROOT, kind);
    const scratch = kind === "sqlite" ? await sqliteScratch() : await postgresScratch(options.pgServerUrl);
    try {
      for (const m of existsSync(dir) ? loadMigrations(dir) : []) await scratch.exec(m.sql);
      scripts[kind] = await diffAgainstSchema(wasm, kind, scratch);
    } finally {
      await scratch.close();
    }
  }
  const onDisk = existsSync(POSTGRES_SCHEMA) ? readFileSync(POSTGRES_SCHEMA, "utf8") : "";
  return { scripts, postgresSchemaStale: onDisk !== schemaText("postgres") };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const kinds: DbKind[] = args.includes("--sqlite-only")
    ? ["sqlite"]
    : args.includes("--postgres-only")
      ? ["postgres"]
      : ["sqlite", "postgres"];
  const fail = (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  };
  const name = args.find((a) => !a.startsWith("--"));
  if (args.includes("--check")) {
    // CI: fail when prisma/schema.prisma has changes that no committed migration carries.
    pendingSchemaChanges(kinds)
      .then(({ scripts, postgresSchemaStale }) => {
        let ok = true;
        for (const [kind, script] of Object.entries(scripts)) {
          if (script) {
            ok = false;
            console.error(`${kind}: prisma/schema.prisma has changes without a migration:\n${script}`);
          }
        }
        if (postgresSchemaStale) {
          ok = false;
          console.error("prisma/postgres/schema.prisma is stale: run npm run prisma:generate");
        }
        if (ok) console.log("migrations match prisma/schema.prisma");
        process.exit(ok ? 0 : 1);
      })
      .catch(fail);
  } else if (!name) {
    console.error(
      "usage: npm run migrations:create -- <name> [--sqlite-only | --postgres-only] [--allow-empty]\n" +
        "       npm run migrations:create -- --check",
    );
    process.exit(2);
  } else {
    createMigration(name, { kinds, allowEmpty: args.includes("--allow-empty") })
      .then(() => process.exit(0))
      .catch(fail);
  }
}

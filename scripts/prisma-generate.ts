/**
 * Offline `prisma generate` for both databases (runs at postinstall).
 *
 * 1. Derives prisma/postgres/schema.prisma from prisma/schema.prisma (the SQLite source):
 *    only the datasource provider and the generator output differ.
 * 2. Runs `prisma generate` for each schema with PRISMA_SCHEMA_ENGINE_BINARY pointing at a
 *    stub (prints a version for --version, exits 1 otherwise): the native schema engine
 *    cannot be downloaded here, and generate only wants to see that it exists.
 *
 * Usage: node --import tsx scripts/prisma-generate.ts [--schema-only]
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA = path.join(ROOT, "prisma/schema.prisma");
export const POSTGRES_SCHEMA = path.join(ROOT, "prisma/postgres/schema.prisma");
/** The engines hash of prisma 7.10.0 (also the build of @prisma/schema-engine-wasm we use). */
export const ENGINES_HASH = "0edf323efd1d98336f3f0a68684b56f689b900d3";

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.ts — do not edit.\n" +
  "// Edit prisma/schema.prisma and run `npm run prisma:generate`.\n\n";

/** Derive the PostgreSQL schema text from the SQLite source schema text. */
export function derivePostgresSchema(source: string): string {
  const blockRe = (kind: string) => new RegExp(`(${kind}\\s+\\w+\\s*\\{)([^}]*)(\\})`, "g");
  let ds = 0;
  let gen = 0;
  let out = source.replace(blockRe("datasource"), (_m, open: string, body: string, close: string) => {
    ds++;
    const next = body.replace(/(provider\s*=\s*)"sqlite"/, '$1"postgresql"');
    if (next === body) throw new Error('prisma/schema.prisma: datasource provider must be "sqlite"');
    return open + next + close;
  });
  out = out.replace(blockRe("generator"), (_m, open: string, body: string, close: string) => {
    gen++;
    const next = body.replace(/(output\s*=\s*)"\.\/generated\/sqlite"/, '$1"../generated/postgres"');
    if (next === body) throw new Error('prisma/schema.prisma: generator output must be "./generated/sqlite"');
    return open + next + close;
  });
  if (ds !== 1 || gen !== 1) throw new Error("prisma/schema.prisma: expected exactly one datasource and one generator");
  return HEADER + out;
}

/** Write prisma/postgres/schema.prisma when it differs; returns whether it changed. */
export function writePostgresSchema(): boolean {
  const next = derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  const prev = existsSync(POSTGRES_SCHEMA) ? readFileSync(POSTGRES_SCHEMA, "utf8") : null;
  if (prev === next) return false;
  mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, next);
  return true;
}

/** Create (once) the schema-engine stub and return its path. */
export function schemaEngineStub(): string {
  const dir = path.join(ROOT, "prisma/generated/.bin");
  const file = path.join(dir, "schema-engine-stub");
  const body =
    "#!/bin/sh\n" +
    "# Stand-in for Prisma's native schema engine, which cannot be downloaded here.\n" +
    "# `prisma generate` only asks for its version; anything else must fail loudly.\n" +
    `if [ "$1" = "--version" ] || [ "$1" = "-V" ]; then echo "schema-engine-cli ${ENGINES_HASH}"; exit 0; fi\n` +
    'echo "schema-engine stub: the native schema engine is not available offline; use npm run migrations:create / db:migrate" >&2\n' +
    "exit 1\n";
  if (!existsSync(file) || readFileSync(file, "utf8") !== body) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, body);
  }
  chmodSync(file, 0o755);
  return file;
}

function prismaCli(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");
}

export function generateClients(): void {
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: schemaEngineStub(),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  };
  for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
    const res = spawnSync(process.execPath, [prismaCli(), "generate", "--schema", schema], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (res.status !== 0) {
      throw new Error(`prisma generate failed for ${path.relative(ROOT, schema)} (exit ${res.status ?? res.signal})`);
    }
  }
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  try {
    const changed = writePostgresSchema();
    console.log(`prisma/postgres/schema.prisma ${changed ? "written" : "up to date"}`);
    if (!process.argv.includes("--schema-only")) generateClients();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}

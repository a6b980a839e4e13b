import "server-only";
import path from "node:path";

export type DbKind = "sqlite" | "postgres";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

/** DATABASE_URL, or the default SQLite file `file:./data/app.db` (relative to the working directory). */
export function databaseUrl(url?: string): string {
  return url || process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** Which database a URL points at: `file:` → SQLite, `postgres://` / `postgresql://` → PostgreSQL. */
export function databaseKind(url: string): DbKind {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (/^file:/i.test(url)) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres(ql):// (PostgreSQL); got ${redactUrl(url)}`);
}

/** The file path of a `file:` URL, resolved against the working directory (query string dropped). */
export function sqliteFilePath(url: string): string {
  const p = url.replace(/^file:/i, "").replace(/\?.*$/, "");
  if (p === ":memory:") return p;
  return path.resolve(p.startsWith("//") ? p.slice(2) : p);
}

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

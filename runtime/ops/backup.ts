/**
 * Backups that can be taken while the product serves: SQLite through its online backup API (a
 * consistent copy, writers keep writing), PostgreSQL through `pg_dump` (one consistent snapshot);
 * the uploaded files are copied beside. A backup is a folder: `database.sqlite` or
 * `database.pgdump`, `files/`, `backup.json` (what, when, from which database kind).
 */
import "server-only";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseKind, databaseUrl, redactUrl, sqliteFilePath } from "@/runtime/db";

export interface BackupManifest {
  kind: "sqlite" | "postgres";
  takenAt: string;
  from: string;
  files: boolean;
}

/** Folder holding pg_dump/pg_restore: PG_BIN, the newest /usr/lib/postgresql/<v>/bin, or PATH. */
export function pgTool(name: "pg_dump" | "pg_restore"): string {
  const candidates = [process.env.PG_BIN].filter(Boolean) as string[];
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    for (const v of readdirSync(base).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(base, v, "bin"));
  }
  const found = candidates.map((dir) => path.join(dir, name)).find((file) => existsSync(file));
  return found ?? name;
}

export async function backup(out: string, options: { url?: string; dataDir?: string } = {}): Promise<BackupManifest> {
  const url = databaseUrl(options.url);
  const kind = databaseKind(url);
  mkdirSync(out, { recursive: true });
  if (kind === "sqlite") {
    const source = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
    try {
      await source.backup(path.join(out, "database.sqlite"));
    } finally {
      source.close();
    }
  } else {
    execFileSync(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--file", path.join(out, "database.pgdump"), url], { stdio: ["ignore", "ignore", "pipe"] });
  }
  const dataDir = options.dataDir ?? process.env.DATA_DIR ?? "./data/files";
  const files = existsSync(dataDir);
  if (files) cpSync(dataDir, path.join(out, "files"), { recursive: true });
  const manifest: BackupManifest = { kind, takenAt: new Date().toISOString(), from: redactUrl(url), files };
  writeFileSync(path.join(out, "backup.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Restores a backup folder into `url` (an empty database: a new SQLite file, or a new PostgreSQL database) and `dataDir`. */
export function restore(from: string, options: { url?: string; dataDir?: string } = {}): BackupManifest {
  const manifest = JSON.parse(readFileSync(path.join(from, "backup.json"), "utf8")) as BackupManifest;
  const url = databaseUrl(options.url);
  if (databaseKind(url) !== manifest.kind) throw new Error(`备份来自 ${manifest.kind}，不能恢复到 ${databaseKind(url)} 数据库`);
  if (manifest.kind === "sqlite") {
    const target = sqliteFilePath(url);
    if (existsSync(target)) throw new Error(`目标数据库文件已存在：${target}（请恢复到新的位置）`);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join(from, "database.sqlite"), target);
  } else {
    execFileSync(pgTool("pg_restore"), ["--no-owner", "--exit-on-error", "--dbname", url, path.join(from, "database.pgdump")], { stdio: ["ignore", "ignore", "pipe"] });
  }
  const dataDir = options.dataDir ?? process.env.DATA_DIR ?? "./data/files";
  if (manifest.files) cpSync(path.join(from, "files"), dataDir, { recursive: true });
  return manifest;
}

/**
 * Start-up work that several instances must not do at once (seeding what is missing): on
 * PostgreSQL under a session advisory lock held on a dedicated connection; on SQLite (one file,
 * one machine) under a lock file beside the database, created exclusively, taken over when its
 * holder's process is gone.
 */
import "server-only";
import { openSync, closeSync, readFileSync, rmSync, writeSync } from "node:fs";
import pg from "pg";
import { databaseKind, databaseUrl, sqliteFilePath } from "./url";

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function withLockFile<T>(file: string, work: () => Promise<T>): Promise<T> {
  const until = Date.now() + 300_000;
  for (;;) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(file, { encoding: "utf8", flag: "r" }) || "0");
      if (holder && !processAlive(holder)) rmSync(file, { force: true });
      else if (Date.now() > until) throw new Error(`启动锁 ${file} 被进程 ${holder} 长时间占用`);
      else await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(file, { force: true });
  }
}

export const STARTUP_LOCK_KEY = 727_100_150_001;

export async function withStartupLock<T>(url: string | undefined, work: () => Promise<T>): Promise<T> {
  const target = databaseUrl(url);
  if (databaseKind(target) !== "postgres") {
    const file = sqliteFilePath(target);
    return file === ":memory:" ? work() : withLockFile(`${file}.startup-lock`, work);
  }
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [STARTUP_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}

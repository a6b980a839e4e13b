/**
 * Files an upload left behind when the process died between writing the file and committing its
 * row (or mid-write, as a `.tmp`): removed at start. Only files older than a grace period, so an
 * upload in flight on another instance sharing the folder is never touched.
 */
import "server-only";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/runtime/db";
import { DiskStorage, getStorage } from "@/runtime/storage";

const PREFIX = "attachments";

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : Promise.resolve([path.join(dir, e.name)]))));
  return nested.flat();
}

export async function removeOrphanUploads(db: Db, options: { olderThanMs?: number; now?: Date } = {}): Promise<{ checked: number; removed: number }> {
  const storage = getStorage();
  if (!(storage instanceof DiskStorage)) return { checked: 0, removed: 0 };
  const root = storage.root;
  const cutoff = (options.now ?? new Date()).getTime() - (options.olderThanMs ?? 10 * 60_000);
  const old: { file: string; key: string }[] = [];
  for (const file of await filesUnder(path.join(root, PREFIX))) {
    const info = await stat(file).catch(() => null);
    if (info && info.mtimeMs < cutoff) old.push({ file, key: path.relative(root, file).split(path.sep).join("/") });
  }
  let removed = 0;
  for (let i = 0; i < old.length; i += 500) {
    const page = old.slice(i, i + 500);
    const known = new Set((await db.attachment.findMany({ where: { storageKey: { in: page.map((f) => f.key) } }, select: { storageKey: true } })).map((a) => a.storageKey));
    for (const { file, key } of page) {
      if (known.has(key)) continue;
      await rm(file, { force: true });
      removed++;
    }
  }
  return { checked: old.length, removed };
}

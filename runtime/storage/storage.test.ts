import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DiskStorage,
  getStorage,
  newStorageKey,
  StorageKeyError,
  StorageNotFoundError,
  StorageTooLargeError,
  validateKey,
} from "./index";

const sha = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

/** Every file under a folder, relative, recursively. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

describe("DiskStorage", () => {
  let base: string;
  let root: string;
  let storage: DiskStorage;

  beforeEach(() => {
    base = mkdtempSync(path.join(os.tmpdir(), "storage-test-"));
    root = path.join(base, "files");
    storage = new DiskStorage(root);
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it("puts bytes and gets them back with size and sha256", async () => {
    const bytes = new TextEncoder().encode("申请材料 — hello");
    const res = await storage.put("a/b/c.txt", bytes);
    expect(res).toEqual({ size: bytes.length, sha256: sha(bytes) });
    expect(await text(await storage.get("a/b/c.txt"))).toBe("申请材料 — hello");
    expect(Buffer.compare(await storage.getBuffer("a/b/c.txt"), Buffer.from(bytes))).toBe(0);
    expect(await storage.stat("a/b/c.txt")).toEqual({ size: bytes.length });
  });

  it("accepts node streams, async iterables and web streams", async () => {
    const chunks = ["one,", "two,", "three"];
    const expected = chunks.join("");
    const r1 = await storage.put("s/node.bin", Readable.from(chunks.map((c) => Buffer.from(c))));
    const r2 = await storage.put(
      "s/iter.bin",
      (async function* () {
        for (const c of chunks) yield Buffer.from(c);
      })(),
    );
    const r3 = await storage.put("s/web.bin", new Blob(chunks).stream());
    for (const r of [r1, r2, r3]) expect(r).toEqual({ size: expected.length, sha256: sha(expected) });
    expect((await storage.getBuffer("s/web.bin")).toString()).toBe(expected);
  });

  it("overwrites atomically and leaves no temp files", async () => {
    await storage.put("x.bin", Buffer.from("first"));
    await storage.put("x.bin", Buffer.from("second"));
    expect((await storage.getBuffer("x.bin")).toString()).toBe("second");
    expect(listFiles(root)).toEqual(["x.bin"]);
  });

  it("keeps the previous content and no temp file when a put fails midway", async () => {
    await storage.put("doc.pdf", Buffer.from("old"));
    async function* failing() {
      yield Buffer.from("partial");
      throw new Error("client went away");
    }
    await expect(storage.put("doc.pdf", failing())).rejects.toThrow("client went away");
    expect((await storage.getBuffer("doc.pdf")).toString()).toBe("old");
    expect(listFiles(root)).toEqual(["doc.pdf"]);
  });

  it("enforces maxBytes without storing anything", async () => {
    await expect(storage.put("big.bin", Buffer.alloc(2048), { maxBytes: 1024 })).rejects.toBeInstanceOf(
      StorageTooLargeError,
    );
    expect(await storage.stat("big.bin")).toBeNull();
    expect(listFiles(root)).toEqual([]);
    expect(await storage.put("ok.bin", Buffer.alloc(1024), { maxBytes: 1024 })).toMatchObject({ size: 1024 });
  });

  it("reports missing objects", async () => {
    await expect(storage.get("nope.txt")).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.getBuffer("nope.txt")).rejects.toBeInstanceOf(StorageNotFoundError);
    expect(await storage.stat("nope.txt")).toBeNull();
    expect(await storage.delete("nope.txt")).toBe(false);
  });

  it("deletes", async () => {
    await storage.put("d/e.txt", Buffer.from("x"));
    expect(await storage.delete("d/e.txt")).toBe(true);
    expect(await storage.stat("d/e.txt")).toBeNull();
  });

  it.each([
    "../escape.txt",
    "a/../../escape.txt",
    "a/./b",
    "/etc/passwd",
    "a//b",
    "a\\..\\b",
    "",
    "a/",
    "..",
    "name with space",
    "a/.hidden",
    "nul\0byte",
    "x.tmp",
  ])("refuses the key %j", async (key) => {
    expect(() => validateKey(key)).toThrow(StorageKeyError);
    await expect(storage.put(key, Buffer.from("x"))).rejects.toBeInstanceOf(StorageKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(StorageKeyError);
  });

  it("never touches files outside the root", async () => {
    const outside = path.join(base, "secret.txt");
    writeFileSync(outside, "secret");
    await expect(storage.getBuffer("../secret.txt")).rejects.toBeInstanceOf(StorageKeyError);
    await expect(storage.delete("../secret.txt")).rejects.toBeInstanceOf(StorageKeyError);
    expect(existsSync(outside)).toBe(true);
  });

  it("makes fresh valid keys", () => {
    const k = newStorageKey("attachments", "PDF", new Date("2026-03-05T00:00:00Z"));
    expect(k).toMatch(/^attachments\/2026\/03\/[0-9a-f]{32}\.pdf$/);
    expect(newStorageKey()).not.toBe(newStorageKey());
    expect(newStorageKey(undefined, "../x")).toMatch(/^\d{4}\/\d{2}\/[0-9a-f]{32}$/);
  });

  it("getStorage() uses DATA_DIR", async () => {
    const prev = process.env.DATA_DIR;
    process.env.DATA_DIR = path.join(base, "env-root");
    try {
      const s = getStorage() as DiskStorage;
      expect(s.root).toBe(path.join(base, "env-root"));
      await s.put("k.txt", Buffer.from("v"));
      expect(existsSync(path.join(base, "env-root", "k.txt"))).toBe(true);
    } finally {
      if (prev === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = prev;
    }
  });
});

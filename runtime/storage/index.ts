/**
 * Blob storage for attachments and exports.
 *
 * Keys are relative, slash-separated paths ("2026/11/abc123.pdf"): letters, digits, `.`, `_`,
 * `-` per segment, no empty, `.` or `..` segments, no leading slash. Anything else is refused
 * with StorageKeyError, so a key can never name a file outside the storage root.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";

export interface PutResult {
  size: number;
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: string;
}

export type StorageInput = Uint8Array | Readable | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export interface PutOptions {
  /** Refuse (StorageTooLargeError) and store nothing once more bytes than this arrive. */
  maxBytes?: number;
}

export interface Storage {
  /** Store bytes under key (replacing what was there), atomically. */
  put(key: string, data: StorageInput, options?: PutOptions): Promise<PutResult>;
  /** A stream of the stored bytes; StorageNotFoundError when absent. */
  get(key: string): Promise<Readable>;
  /** All the stored bytes at once; StorageNotFoundError when absent. */
  getBuffer(key: string): Promise<Buffer>;
  /** Size in bytes, or null when absent. */
  stat(key: string): Promise<{ size: number } | null>;
  /** Remove; returns false when there was nothing to remove. */
  delete(key: string): Promise<boolean>;
}

export class StorageKeyError extends Error {
  constructor(key: string, reason: string) {
    super(`Invalid storage key ${JSON.stringify(key)}: ${reason}`);
    this.name = "StorageKeyError";
  }
}

export class StorageNotFoundError extends Error {
  readonly code = "ENOENT";
  constructor(readonly key: string) {
    super(`No stored object for key ${JSON.stringify(key)}`);
    this.name = "StorageNotFoundError";
  }
}

export class StorageTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`Upload larger than ${maxBytes} bytes`);
    this.name = "StorageTooLargeError";
  }
}

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const MAX_KEY_LENGTH = 512;

/** Throw StorageKeyError unless `key` is a safe relative key; returns its segments. */
export function validateKey(key: string): string[] {
  if (typeof key !== "string" || key.length === 0) throw new StorageKeyError(String(key), "empty");
  if (key.length > MAX_KEY_LENGTH) throw new StorageKeyError(key, `longer than ${MAX_KEY_LENGTH} characters`);
  if (key.includes("\\") || key.includes("\0")) throw new StorageKeyError(key, "backslash or NUL");
  if (key.startsWith("/")) throw new StorageKeyError(key, "absolute");
  const segments = key.split("/");
  for (const s of segments) {
    if (s === "" || s === "." || s === "..") throw new StorageKeyError(key, "empty, '.' or '..' segment");
    if (!SEGMENT.test(s)) throw new StorageKeyError(key, `segment ${JSON.stringify(s)} has characters outside [A-Za-z0-9._-]`);
    if (s.endsWith(".tmp")) throw new StorageKeyError(key, "'.tmp' suffix is reserved");
  }
  return segments;
}

/** A fresh random key under an optional prefix, e.g. newStorageKey("attachments") → "attachments/2026/11/…". */
export function newStorageKey(prefix?: string, ext?: string, now = new Date()): string {
  const yyyy = String(now.getUTCFullYear());
  const mm = String(now.getUTCMonth() + 1).padStart(2, "0");
  const suffix = ext && /^[A-Za-z0-9]{1,10}$/.test(ext) ? `.${ext.toLowerCase()}` : "";
  const key = [prefix, yyyy, mm, randomBytes(16).toString("hex") + suffix].filter(Boolean).join("/");
  validateKey(key);
  return key;
}

function toReadable(data: StorageInput): Readable {
  if (data instanceof Uint8Array) return Readable.from([data]);
  if (data instanceof Readable) return data;
  if (typeof (data as ReadableStream<Uint8Array>).getReader === "function") {
    return Readable.fromWeb(data as NodeWebReadableStream<Uint8Array>);
  }
  return Readable.from(data as AsyncIterable<Uint8Array>);
}

export class DiskStorage implements Storage {
  readonly root: string;

  constructor(root: string = process.env.DATA_DIR || "./data/files") {
    this.root = path.resolve(root);
  }

  /** Absolute path of a key; also guards against anything escaping the root. */
  pathOf(key: string): string {
    const p = path.resolve(this.root, ...validateKey(key));
    if (!p.startsWith(this.root + path.sep)) throw new StorageKeyError(key, "outside the storage root");
    return p;
  }

  async put(key: string, data: StorageInput, options: PutOptions = {}): Promise<PutResult> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    const hash = createHash("sha256");
    let size = 0;
    const max = options.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (max !== undefined && size > max) return cb(new StorageTooLargeError(max));
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      const out = createWriteStream(tmp, { flags: "wx" });
      await pipeline(toReadable(data), meter, out);
      // Flush to disk before the rename makes the file visible.
      const fh = await open(tmp, "r");
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    return { size, sha256: hash.digest("hex") };
  }

  async get(key: string): Promise<Readable> {
    const p = this.pathOf(key);
    // Open first so that a missing file is an error here, not on the stream later.
    try {
      const fh = await open(p, "r");
      return fh.createReadStream(); // closes the handle when done
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new StorageNotFoundError(key);
      throw err;
    }
  }

  async getBuffer(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new StorageNotFoundError(key);
      throw err;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const s = await stat(this.pathOf(key));
      return s.isFile() ? { size: s.size } : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      await unlink(this.pathOf(key));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw err;
    }
  }
}

let defaultStorage: DiskStorage | undefined;

/** The process-wide storage under DATA_DIR (default ./data/files). */
export function getStorage(): Storage {
  const root = path.resolve(process.env.DATA_DIR || "./data/files");
  if (!defaultStorage || defaultStorage.root !== root) defaultStorage = new DiskStorage(root);
  return defaultStorage;
}

/**
 * Ids for rows the plain-SQL paths insert, in the shape of Prisma's cuid() (25 characters,
 * starting with "c", time-ordered prefix) so that both kinds of rows look alike.
 */
import "server-only";
import { randomFillSync } from "node:crypto";

let counter = Math.floor(Math.random() * 36 ** 4);
// Random bytes drawn 4 KB at a time (one system call per ~340 ids, not one per id).
const pool = Buffer.alloc(4096);
let offset = pool.length;

function randomChunk(size: number): Buffer {
  if (offset + size > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += size;
  return pool.subarray(offset - size, offset);
}

export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0");
  const count = counter.toString(36).padStart(4, "0");
  let random = "";
  for (const byte of randomChunk(12)) random += (byte % 36).toString(36);
  return `c${time}${count}${random}`;
}

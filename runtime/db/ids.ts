/**
 * Ids for rows the plain-SQL paths insert, in the shape of Prisma's cuid() (25 characters,
 * starting with "c", time-ordered prefix) so that both kinds of rows look alike.
 */
import "server-only";
import { randomBytes } from "node:crypto";

let counter = Math.floor(Math.random() * 36 ** 4);

export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0");
  const count = counter.toString(36).padStart(4, "0");
  let random = "";
  for (const byte of randomBytes(12)) random += (byte % 36).toString(36);
  return `c${time}${count}${random}`;
}

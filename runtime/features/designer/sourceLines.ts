/**
 * The lines of the source document a service definition was extracted from (its `source`
 * range), read from the repository's seed/source folder.
 */
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { notFound } from "@/runtime/errors";
import type { Source } from "@/runtime/definition/schema";
import type { SourceText } from "@/runtime/definition/sourceText";
import { readableService } from "./access";

export const SOURCE_DIR = path.resolve(import.meta.dirname, "../../../seed/source");
/** The most lines served at once. */
export const MAX_SOURCE_LINES = 5000;

const documents = new Map<string, Promise<string[]>>();

function documentLines(name: string): Promise<string[]> {
  let lines = documents.get(name);
  if (!lines) {
    lines = readFile(path.join(SOURCE_DIR, name), "utf8").then((text) => text.split(/\r?\n/));
    lines.catch(() => documents.delete(name));
    documents.set(name, lines);
  }
  return lines;
}

export async function sourceText(db: Db, user: SessionUser, serviceId: string): Promise<SourceText | null> {
  await readableService(db, user, serviceId);
  const version =
    (await db.serviceVersion.findFirst({ where: { serviceId, status: "draft" }, select: { definition: true } })) ??
    (await db.serviceVersion.findFirst({ where: { serviceId, status: "published" }, orderBy: { number: "desc" }, select: { definition: true } }));
  const source = (version?.definition as { source?: Source | null } | undefined)?.source;
  if (!source) return null;
  // Only plain file names inside seed/source: no paths.
  if (!/^[\w.-]+\.txt$/.test(source.document)) throw notFound("来源文档");
  let all: string[];
  try {
    all = await documentLines(source.document);
  } catch {
    throw notFound("来源文档");
  }
  const first = Math.max(1, source.first);
  const last = Math.min(all.length, source.last, first + MAX_SOURCE_LINES - 1);
  return { document: source.document, first, last, lines: all.slice(first - 1, last), parts: source.parts ?? {} };
}

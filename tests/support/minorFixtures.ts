/**
 * Test helper: the document cut into items (read once), and one item by seq.
 * Only the tests of the minor-layout parsers import this module.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ItemText } from "@/seed/parse/types";
import { cutItems, numberLines, parseEntries } from "@/seed/parse/items";

const SOURCE_DIR = path.join(import.meta.dirname, "../../seed/source");
export const DOCUMENT = "000_f296b97e2ab141b6.txt";

let cache: ItemText[] | null = null;

export function allItems(): ItemText[] {
  if (!cache) {
    const entries = parseEntries(readFileSync(path.join(SOURCE_DIR, "ENTRIES.tsv"), "utf8"));
    const lines = numberLines(readFileSync(path.join(SOURCE_DIR, DOCUMENT), "utf8"));
    cache = cutItems(lines, entries, DOCUMENT);
  }
  return cache;
}

export function itemBySeq(seq: number): ItemText {
  const item = allItems().find((candidate) => candidate.entry.seq === seq);
  if (!item) throw new Error(`no item ${seq}`);
  return item;
}

/**
 * The document's items: ENTRIES.tsv rows, and the cutting of the document into one
 * ItemText per entry by locating each entry's title line in the body.
 */
import type { EntryRow, ItemText, SourceLine } from "./types";
import { normalizeTitle } from "./text/markup";

const COLUMNS = [
  "seq",
  "part",
  "group",
  "title_in_body",
  "title_in_toc",
  "layout",
  "first_line",
  "last_line",
  "note",
] as const;

/** Parses the text of ENTRIES.tsv (header row + one row per entry). */
export function parseEntries(tsv: string): EntryRow[] {
  const [header, ...rows] = tsv.split(/\r?\n/).filter((row) => row.trim() !== "");
  const names = header.split("\t");
  COLUMNS.forEach((column, i) => {
    if (names[i] !== column) throw new Error(`ENTRIES.tsv: column ${i + 1} is "${names[i]}", expected "${column}"`);
  });
  return rows.map((row) => {
    const cells = row.split("\t");
    return {
      seq: Number(cells[0]),
      part: cells[1],
      group: cells[2],
      titleInBody: cells[3],
      titleInToc: cells[4],
      layout: cells[5],
      firstLine: Number(cells[6]),
      lastLine: Number(cells[7]),
      note: cells[8] ?? "",
    };
  });
}

/** Numbers the lines of a document (1-based). */
export function numberLines(text: string): SourceLine[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((line, i) => ({ no: i + 1, text: line.replace(/\r$/, "") }));
}

/** The last line of the table of contents: the body starts after it. */
function endOfContents(lines: SourceLine[]): number {
  let last = 0;
  for (const line of lines) if (/\t(?:-\s*\d+\s*-|\d+\t-)$/.test(line.text)) last = line.no;
  return last;
}

/** Part headings (`一、社会保险公共服务 标 准 化`) and group headings that sit between items. */
function isBetweenItemsHeading(text: string, groupTitles: Set<string>): boolean {
  const title = normalizeTitle(text);
  return /^[一二三]、.*标准化$/.test(title) || groupTitles.has(title);
}

/**
 * Finds each entry's title line in the body (after the table of contents), in order;
 * a title matches when it equals the entry's body or TOC title after normalisation, or,
 * for a title split over two lines, when two lines joined do. Throws when one is missing.
 */
export function locateTitles(lines: SourceLine[], entries: EntryRow[]): number[] {
  const starts: number[] = [];
  let from = endOfContents(lines);
  for (const entry of entries) {
    const wanted = new Set([normalizeTitle(entry.titleInBody), normalizeTitle(entry.titleInToc)]);
    const index = lines.findIndex((line, i) => i >= from && wanted.has(normalizeTitle(line.text)));
    if (index < 0) throw new Error(`Entry ${entry.seq} 「${entry.titleInToc}」: title not found after line ${from}`);
    starts.push(lines[index].no);
    from = index + 1;
  }
  return starts;
}

/**
 * Cuts the document into one ItemText per entry: from its title line to the last
 * non-blank line before the next entry's title, skipping part and group headings.
 */
export function cutItems(lines: SourceLine[], entries: EntryRow[], document: string): ItemText[] {
  const starts = locateTitles(lines, entries);
  const groupTitles = new Set(entries.map((entry) => normalizeTitle(entry.group)).filter((title) => title !== ""));
  return entries.map((entry, i) => {
    const first = starts[i];
    let last = (starts[i + 1] ?? lines.length + 1) - 1;
    while (last > first) {
      const text = lines[last - 1].text;
      if (text.trim() !== "" && !isBetweenItemsHeading(text, groupTitles)) break;
      last--;
    }
    return { entry, lines: lines.slice(first - 1, last), document };
  });
}


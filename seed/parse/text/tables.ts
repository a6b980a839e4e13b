/** Tab-separated table rows of the document: recognising them, their cells, and the tables they form. */
import type { SourceLine } from "../types";
import { isBlank } from "./lines";
import { stripMarkup } from "./markup";

/** True for a tab-separated table row. */
export function isTableRow(text: string): boolean {
  return text.includes("\t");
}

/** True for a markdown separator row (`------⇥---⇥---`) or a stray `--` line. */
export function isSeparatorRow(text: string): boolean {
  const cells = text.split("\t").map((cell) => cell.trim());
  return cells.some((cell) => cell !== "") && cells.every((cell) => cell === "" || /^-{2,}$/.test(cell));
}

/** Splits a tab row into cells, each stripped of markup (`<p>` boundaries become spaces). */
export function splitCells(row: string): string[] {
  return row.split("\t").map(stripMarkup);
}

/** A table: consecutive tab rows with the lines they came from. */
export interface TableBlock {
  first: number;
  last: number;
  rows: string[][];
}

/**
 * Collects the tables in `lines`: runs of tab rows, separator rows dropped. Blank lines
 * inside a run do not end it (a markdown separator is often followed by one); any other
 * line does.
 */
export function findTables(lines: SourceLine[]): TableBlock[] {
  const tables: TableBlock[] = [];
  let current: TableBlock | null = null;
  for (const line of lines) {
    if (isTableRow(line.text) || (current && isSeparatorRow(line.text))) {
      if (!current) {
        current = { first: line.no, last: line.no, rows: [] };
        tables.push(current);
      }
      current.last = line.no;
      if (!isSeparatorRow(line.text)) current.rows.push(splitCells(line.text));
    } else if (!isBlank(line.text)) {
      current = null;
    }
  }
  return tables;
}

/** A table's header row as comparable names (spaces removed): `是否信息共享 可获得` → `是否信息共享可获得`. */
export function headerNames(row: string[]): string[] {
  return row.map((cell) => cell.replace(/\s+/g, ""));
}

/** The numbered clauses (`6.2.1 title`) of GB/T-style specifications, found by outline continuity. */
import type { SourceLine } from "../types";
import { stripMarkup } from "./markup";
import { isTableRow } from "./tables";

export interface Clause {
  /** `6.2.1` */
  number: string;
  /** [6, 2, 1] */
  path: number[];
  title: string;
  line: number;
  /** Lines after the heading up to the next clause heading. */
  body: SourceLine[];
}

const CLAUSE_RE = /^(\d{1,2}(?:\.\d{1,2})*)\s+(\S.*)$/;
/** Values that look like clause numbers: `1 个工作日。`, `100 年（H）。` */
const VALUE_AFTER_NUMBER_RE = /^(?:个\s*(?:工作日|自然日|月|小时)|(?:年|月|日|天|周|小时)(?:[（(。内]|$)|%|倍|元|万元)/;
/** Largest jump tolerated between sibling numbers (the document skips 6.5 once). */
const MAX_SIBLING_GAP = 2;

/** Parses `6.2.1 审核要点如下：` into its number path and title. */
export function parseClauseHeading(text: string): { number: string; path: number[]; title: string } | null {
  const match = CLAUSE_RE.exec(stripMarkup(text));
  if (!match) return null;
  const title = match[2].trim();
  if (VALUE_AFTER_NUMBER_RE.test(title)) return null;
  return { number: match[1], path: match[1].split(".").map(Number), title };
}

/** Whether `next` may follow `current` in an outline: its first child or a later sibling of it or an ancestor. */
export function continuesOutline(current: number[], next: number[]): boolean {
  if (current.length === 0) return next.length === 1 && next[0] === 1;
  if (next.length === current.length + 1 && next[next.length - 1] === 1) {
    return next.slice(0, -1).every((part, i) => part === current[i]);
  }
  if (next.length > current.length) return false;
  const level = next.length - 1;
  const prefixMatches = next.slice(0, level).every((part, i) => part === current[i]);
  const step = next[level] - current[level];
  return prefixMatches && step >= 1 && step <= MAX_SIBLING_GAP;
}

export interface ClauseOptions {
  /** The outline to continue (for a block that starts mid-document); default starts at `1`. */
  startAfter?: number[];
  /** Lines that end the clause area (e.g. `附录 A`); they and everything after are not scanned. */
  isEnd?: (text: string) => boolean;
}

/**
 * Finds the numbered clause headings by outline continuity: a candidate `N.M title` is a
 * heading only if it is the first child or a later sibling (gap ≤ 2) of the current clause
 * or one of its ancestors; shallow (depth ≤ 2) candidates must not read as sentences.
 * Returns the clauses in order; lines before the first clause are the `preamble`.
 */
export function findClauses(
  lines: SourceLine[],
  options: ClauseOptions = {},
): { preamble: SourceLine[]; clauses: Clause[]; rest: SourceLine[] } {
  const preamble: SourceLine[] = [];
  const clauses: Clause[] = [];
  let current = options.startAfter ?? [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (options.isEnd?.(line.text)) return { preamble, clauses, rest: lines.slice(i) };
    const heading = isTableRow(line.text) ? null : parseClauseHeading(line.text);
    const accepted =
      heading !== null &&
      continuesOutline(current, heading.path) &&
      !(heading.path.length <= 2 && /[。；;]$/.test(heading.title));
    if (accepted) {
      clauses.push({ number: heading.number, path: heading.path, title: heading.title, line: line.no, body: [] });
      current = heading.path;
    } else if (clauses.length > 0) {
      clauses[clauses.length - 1].body.push(line);
    } else {
      preamble.push(line);
    }
  }
  return { preamble, clauses, rest: [] };
}

/** The clauses nested under `clauses[index]` (its descendants, in order). */
export function childClauses(clauses: Clause[], index: number): Clause[] {
  const parent = clauses[index];
  const children: Clause[] = [];
  for (let i = index + 1; i < clauses.length; i++) {
    const clause = clauses[i];
    if (clause.path.length <= parent.path.length) break;
    children.push(clause);
  }
  return children;
}

/** All lines of a clause including its descendants' headings and bodies, in order. */
export function clauseLines(clauses: Clause[], index: number): SourceLine[] {
  const own = clauses[index];
  const lines = [...own.body];
  for (const child of childClauses(clauses, index)) {
    lines.push({ no: child.line, text: `${child.number} ${child.title}` }, ...child.body);
  }
  return lines;
}

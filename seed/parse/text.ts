/**
 * Pure text utilities shared by every family parser: markup stripping, title
 * normalisation, wrapped-line joining, table cells, picture placeholders, list
 * items and heading detection (Chinese-numeral `N、name` and numbered clauses).
 * See seed/source/FORMATS.md for the conventions these functions encode.
 */
import type { SourceLine } from "./types";

// ---------------------------------------------------------------------------
// Markup and normalisation

/** Marker that replaces an unchecked `<input type="checkbox"/>`. */
export const CHECKBOX = "☐";
/** Marker that replaces a checked `<input checked="" type="checkbox"/>`. */
export const CHECKBOX_CHECKED = "☑";
/** Marker that replaces a text input `<input type="text"/>` (a blank to fill). */
export const BLANK = "_____";

const CHECKED_BOX_RE = /<input\b[^>]*\bchecked\b[^>]*type="checkbox"[^>]*\/?>/g;
const CHECKBOX_RE = /<input\b[^>]*type="checkbox"[^>]*\/?>/g;
const BUTTON_RE = /<input\b[^>]*type="button"[^>]*value="([^"]*)"[^>]*\/?>/g;
const TEXT_INPUT_RE = /<input\b[^>]*type="text"[^>]*\/?>/g;
const ANGLE_URL_RE = /<((?:https?|ftp):\/\/[^>\s]+)>/g;
const TAG_RE = /<\/?(?:p|div|ol|ul|li|span|br)\b[^>]*\/?>/g;

/**
 * Strips the inline markup left by the PDF→markdown conversion: `**bold**`, `<p>`,
 * `<div …>`, `<ol …>`, angle-bracketed URLs; turns checkboxes into ☐ / ☑, buttons into
 * their label and text inputs into a blank `_____`. Collapses runs of spaces and trims.
 */
export function stripMarkup(text: string): string {
  return text
    .replace(CHECKED_BOX_RE, CHECKBOX_CHECKED)
    .replace(CHECKBOX_RE, CHECKBOX)
    .replace(BUTTON_RE, "$1")
    .replace(TEXT_INPUT_RE, BLANK)
    .replace(ANGLE_URL_RE, "$1")
    .replace(TAG_RE, " ")
    .replace(/\*\*/g, "")
    .replace(/[ \u00a0\u3000]+/g, " ")
    .trim();
}

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕—…";
const SPACE_BETWEEN_CJK_RE = new RegExp(`(?<=[${CJK}${CJK_PUNCT}])\\s+(?=[${CJK}${CJK_PUNCT}])`, "g");

/** Removes spaces between two Chinese characters (wrap and letter-spacing artefacts). */
export function removeCjkSpaces(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK_RE, "");
}

/**
 * Collapses letter spacing (`姓 名` → `姓名`, `参 加 工 作 时 间` → `参加工作时间`) when
 * every space-separated token is a single character; other text is returned unchanged.
 */
export function collapseLetterSpacing(text: string): string {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length > 1 && tokens.every((token) => [...token].length === 1)) return tokens.join("");
  return text;
}

/** Half-width → full-width brackets, as the document's own titles mostly use. */
export function fullWidthParens(text: string): string {
  return text.replace(/\(/g, "（").replace(/\)/g, "）");
}

/**
 * The form a title is compared in: markup stripped, all whitespace removed,
 * `()` → `（）`. `机关事业单位工作人员基本 养老保险待遇申领` and the TOC text compare equal.
 */
export function normalizeTitle(text: string): string {
  return fullWidthParens(stripMarkup(text)).replace(/\s+/g, "");
}

/** A title as it should be displayed: markup stripped, wrap spaces between Chinese removed, full-width parens. */
export function displayTitle(text: string): string {
  return removeCjkSpaces(fullWidthParens(stripMarkup(text))).replace(/\s*（\s*/g, "（").replace(/\s*）\s*/g, "）");
}

/** Cleans running text for output: markup stripped and wrap spaces between Chinese removed. */
export function cleanText(text: string): string {
  return removeCjkSpaces(stripMarkup(text));
}

// ---------------------------------------------------------------------------
// Lines, placeholders and tables

/** True for an empty line (the document's paragraph separator). */
export function isBlank(text: string): boolean {
  return text === "";
}

const CAPTION_RE = /^(?:图\s*[A-Z]?[.．]?\s*\d+(?:[.．]\d+)?|[A-Z][.．]\d+\s+\S*流程图$)/;

/**
 * True for a picture placeholder: a line holding only whitespace (` `), a caption
 * `图 B.1 …流程图` / bare label `图 1`, or a caption that lost its `图` (`B.1 …流程图`).
 */
export function isPicturePlaceholder(text: string): boolean {
  if (text !== "" && text.trim() === "") return true;
  return CAPTION_RE.test(text.trim());
}

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

// ---------------------------------------------------------------------------
// Paragraphs (joining wrapped lines)

/** A logical paragraph: wrapped lines joined, with the source lines it spans. */
export interface Paragraph {
  text: string;
  first: number;
  last: number;
}

/** Punctuation that ends a sentence or clause; a line ending with one is not continued. */
const TERMINAL_RE = /[。；;：:）)」』”！？!?]$/;
/** Display width (CJK = 2) a line must reach to be a PDF wrap rather than a short label. */
const MIN_WRAP_WIDTH = 30;

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}

/**
 * Whether `next` continues the sentence of `previous` (FORMATS.md rule of thumb):
 * the previous line does not end with `。；：）`, is long enough to be a wrap, and the
 * next line is not a list item, table row, picture or (caller-defined) heading.
 */
export function continuesSentence(
  previous: string,
  next: string,
  isBreak: (text: string) => boolean = () => false,
): boolean {
  const prev = stripMarkup(previous);
  if (prev === "" || TERMINAL_RE.test(prev) || displayWidth(prev) < MIN_WRAP_WIDTH) return false;
  if (isTableRow(previous) || isTableRow(next) || isPicturePlaceholder(next) || isPicturePlaceholder(previous)) return false;
  const following = stripMarkup(next);
  if (following === "" || parseListMarker(following) || isBreak(next)) return false;
  return true;
}

/** Joins two fragments of one sentence: no space between Chinese text, one space between Latin words. */
export function joinFragments(left: string, right: string): string {
  if (/[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(right) && !/[/:.#-]$/.test(left)) return `${left} ${right}`;
  return left + right;
}

/**
 * Groups lines into paragraphs: blank lines separate paragraphs unless the previous
 * line is an unfinished sentence (then the lines are joined, as are consecutive hard
 * wraps); `- ` bullet lines and table rows each stay separate. Picture placeholders
 * are dropped. `isBreak` marks lines that never continue a sentence (headings).
 */
export function joinParagraphs(lines: SourceLine[], isBreak?: (text: string) => boolean): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let open: (Paragraph & { raw: string }) | null = null;
  for (const line of lines) {
    if (isBlank(line.text)) continue;
    if (isPicturePlaceholder(line.text)) {
      open = null;
      continue;
    }
    const text = stripMarkup(line.text);
    if (open && continuesSentence(open.raw, line.text, isBreak)) {
      open.text = joinFragments(open.text, text);
      open.last = line.no;
      open.raw = line.text;
      continue;
    }
    open = { text, first: line.no, last: line.no, raw: line.text };
    paragraphs.push(open);
  }
  return paragraphs.map(({ text, first, last }) => ({ text: cleanText(text), first, last }));
}

// ---------------------------------------------------------------------------
// List items

export type ListMarkerKind =
  | "letter" // a) / a）
  | "chineseParen" // （一） / (四)
  | "numberParen" // (1) / （1）
  | "numberDot" // 1. / 1、 / 1．
  | "numberClose" // 1) / 1）
  | "circled" // ①
  | "dash"; // a bare `- ` bullet

export interface ListMarker {
  kind: ListMarkerKind;
  /** The marker as written, without the `- ` bullet (`a)`, `（一）`, `1.` …). */
  marker: string;
  /** The item's ordinal (a → 1, 四 → 4, ③ → 3); null for a bare bullet. */
  ordinal: number | null;
  /** The text after the marker. */
  rest: string;
}

const MARKER_PATTERNS: [ListMarkerKind, RegExp][] = [
  ["letter", /^([a-z])\s*[)）]\s*/],
  ["chineseParen", /^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*/],
  ["numberParen", /^[（(]\s*(\d{1,2})\s*[)）]\s*/],
  ["numberDot", /^(\d{1,2})\s*[.．、](?!\d)\s*/],
  ["numberClose", /^(\d{1,2})\s*[)）]\s*/],
  ["circled", /^([①-⑳])\s*/],
];

function ordinalOf(kind: ListMarkerKind, token: string): number | null {
  if (kind === "letter") return token.charCodeAt(0) - 96;
  if (kind === "chineseParen") return parseChineseNumeral(token);
  if (kind === "circled") return token.charCodeAt(0) - 0x2460 + 1;
  return Number(token);
}

/** Recognises a list-item marker at the start of `text` (after an optional `- ` bullet). */
export function parseListMarker(text: string): ListMarker | null {
  const trimmed = text.trim();
  const unbulleted = trimmed.replace(/^-\s+/, "");
  for (const [kind, pattern] of MARKER_PATTERNS) {
    const match = pattern.exec(unbulleted);
    if (match) {
      return {
        kind,
        marker: match[0].trim(),
        ordinal: ordinalOf(kind, match[1]),
        rest: unbulleted.slice(match[0].length).trim(),
      };
    }
  }
  if (unbulleted !== trimmed) return { kind: "dash", marker: "-", ordinal: null, rest: unbulleted };
  return null;
}

export interface ListItem extends Paragraph {
  /** The marker (`a)`, `（一）` …) or null for a paragraph that carries none. */
  marker: string | null;
}

/**
 * Turns paragraphs into list items: each paragraph with a marker starts an item (its text
 * without the marker); a paragraph without one stays an item of its own with marker null.
 */
export function toListItems(paragraphs: Paragraph[]): ListItem[] {
  return paragraphs.map((paragraph) => {
    const marker = parseListMarker(paragraph.text);
    return marker
      ? { ...paragraph, text: marker.rest, marker: marker.marker }
      : { ...paragraph, marker: null };
  });
}

/**
 * Splits one paragraph that carries an inline numbered list — `（1）…（2）…` or `①…②…` —
 * into its lead text and items. Requires at least two markers numbered 1, 2, … in order.
 */
export function splitInlineList(text: string): { lead: string; items: string[] } | null {
  const patterns: [RegExp, (token: string) => number | null][] = [
    [/[（(](\d{1,2})[)）]/g, Number],
    [/[（(]([一二三四五六七八九十]{1,3})[)）]/g, parseChineseNumeral],
    [/([①-⑳])/g, (token) => token.charCodeAt(0) - 0x2460 + 1],
  ];
  for (const [pattern, ordinalOf] of patterns) {
    const sequential: RegExpMatchArray[] = [];
    for (const hit of text.matchAll(pattern)) {
      if (ordinalOf(hit[1]) === sequential.length + 1) sequential.push(hit);
    }
    if (sequential.length < 2) continue;
    const items = sequential.map((hit, i) => {
      const start = hit.index! + hit[0].length;
      const end = i + 1 < sequential.length ? sequential[i + 1].index! : text.length;
      return text.slice(start, end).trim();
    });
    return { lead: text.slice(0, sequential[0].index).trim(), items };
  }
  return null;
}

const OPENING = "（(《〈【〔“‘[";
const CLOSING = "）)》〉】〕”’]";

/** Splits `text` on any of `separators` that is not inside brackets or quotes; parts trimmed, empties dropped. */
export function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (OPENING.includes(char)) depth++;
    else if (CLOSING.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(char)) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}

/** The first sentence of `text` (up to and including the first top-level `。`). */
export function firstSentence(text: string): string {
  const [first] = splitTopLevel(text, "。");
  return first ? `${first}。` : "";
}

/** Strips trailing list punctuation (`；`, `。`, `;`, `，`). */
export function trimPunctuation(text: string): string {
  return text.trim().replace(/[；;。，,、.]+$/, "").trim();
}

// ---------------------------------------------------------------------------
// Chinese-numeral headings (`N、name`)

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `一` → 1, `十二` → 12, `二十六` → 26; null when `text` is not a numeral below 100. */
export function parseChineseNumeral(text: string): number | null {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === "") return null;
  const [, tensOrUnit, ten, unit] = match;
  if (!ten) return unit ? null : DIGITS[tensOrUnit!];
  return (tensOrUnit ? DIGITS[tensOrUnit] : 1) * 10 + (unit ? DIGITS[unit] : 0);
}

const NUMERAL_HEADING_RE = /^([一二三四五六七八九十]{1,3})(?:\s*、\s*|\s+)(\S.*)$/;

/** Parses `二十五、业务表单` / `二十五 业务表单` / `二十六、 结果反馈` into numeral and name. */
export function parseNumeralHeading(text: string): { numeral: number; name: string } | null {
  const match = NUMERAL_HEADING_RE.exec(stripMarkup(text));
  if (!match) return null;
  const numeral = parseChineseNumeral(match[1]);
  if (numeral === null) return null;
  return { numeral, name: removeCjkSpaces(match[2].trim()) };
}

/** A heading vocabulary: section key → pattern its name must match. */
export type HeadingVocabulary = Record<string, RegExp>;

export interface Section {
  /** The vocabulary key the heading's name matched; null when none did. */
  key: string | null;
  name: string;
  numeral: number;
  /** Line number of the heading. */
  line: number;
  /** The lines after the heading up to the next heading (or the end of `lines`). */
  body: SourceLine[];
}

export interface NumeralHeadingOptions {
  vocabulary?: HeadingVocabulary;
  /** Longest heading name accepted (longer `一、…` lines are text). Default 24. */
  maxNameLength?: number;
}

/**
 * Finds the `N、name` headings of a guide-style item and cuts it into sections. A line is
 * a heading when it continues the numbering (N = previous + 1, starting at 一) — or, when
 * its name matches the vocabulary, when N is greater than the previous — its name is short
 * and not a sentence. Outline headings inside forms, which restart at 一、, are therefore
 * text. Lines before the first heading are returned as `preamble`.
 */
export function findNumeralSections(
  lines: SourceLine[],
  options: NumeralHeadingOptions = {},
): { preamble: SourceLine[]; sections: Section[] } {
  const { vocabulary = {}, maxNameLength = 24 } = options;
  const preamble: SourceLine[] = [];
  const sections: Section[] = [];
  let previous = 0;
  for (const line of lines) {
    const heading = isTableRow(line.text) ? null : parseNumeralHeading(line.text);
    const key = heading ? matchVocabulary(heading.name, vocabulary) : null;
    const accepted =
      heading !== null &&
      [...heading.name].length <= maxNameLength &&
      !/[。；;]$/.test(heading.name) &&
      (heading.numeral === previous + 1 || (key !== null && heading.numeral > previous));
    if (accepted) {
      sections.push({ key, name: heading.name, numeral: heading.numeral, line: line.no, body: [] });
      previous = heading.numeral;
    } else if (sections.length > 0) {
      sections[sections.length - 1].body.push(line);
    } else {
      preamble.push(line);
    }
  }
  return { preamble, sections };
}

/** The vocabulary key whose pattern matches `name` (whitespace removed), or null. */
export function matchVocabulary(name: string, vocabulary: HeadingVocabulary): string | null {
  const compact = name.replace(/\s+/g, "");
  for (const [key, pattern] of Object.entries(vocabulary)) if (pattern.test(compact)) return key;
  return null;
}

// ---------------------------------------------------------------------------
// Numbered clauses (`6.2.1 title`) of GB/T-style specifications

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

/** The line range covered by a list of lines (null when empty). */
export function rangeOf(lines: { no: number }[]): { first: number; last: number } | null {
  if (lines.length === 0) return null;
  return { first: lines[0].no, last: lines[lines.length - 1].no };
}


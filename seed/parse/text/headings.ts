/**
 * The `N、name` headings of guide-style items (Chinese numerals continuing their numbering) and
 * the sections they cut an item into; `（N）name` sub-headings inside a section.
 */
import type { LineRange } from "@/runtime/definition/schema";
import type { SourceLine } from "../types";
import { cleanText, removeCjkSpaces, stripMarkup } from "./markup";
import { parseChineseNumeral } from "./numerals";
import { isTableRow } from "./tables";

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

/** The sections of an item body keyed by vocabulary; the first section with each key wins. */
export function sectionsByKey(
  lines: SourceLine[],
  vocabulary: HeadingVocabulary,
): { preamble: SourceLine[]; sections: Section[]; byKey: Map<string, Section> } {
  const { preamble, sections } = findNumeralSections(lines, { vocabulary });
  const byKey = new Map<string, Section>();
  for (const section of sections) if (section.key && !byKey.has(section.key)) byKey.set(section.key, section);
  return { preamble, sections, byKey };
}

/** Lines of a section including its heading line, up to its last non-blank line (for source ranges). */
export function sectionRange(section: Section): LineRange {
  const last = [...section.body].reverse().find((line) => line.text.trim() !== "");
  return { first: section.line, last: last?.no ?? section.line };
}

// ---------------------------------------------------------------------------
// `（N）name` sub-headings

/** `（一）name` / `(一) name`: the numeral and the rest of the line. */
const CHINESE_PAREN_HEADING_RE = /^\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*(.*)$/;

/** A short `N、name` / `（N）name` heading line (never joined with the text before or after it). */
export function isHeadingLine(text: string): boolean {
  const heading = parseNumeralHeading(text);
  if (heading) return [...heading.name].length <= 24 && !/[。；;：:]$/.test(heading.name);
  const paren = CHINESE_PAREN_HEADING_RE.exec(text);
  return paren !== null && [...paren[2].trim()].length <= 20 && !/[。；;：:，,]/.test(paren[2]);
}

/**
 * Sub-sections introduced by `（一）name` / `(一) name` lines inside a section body (the
 * basicInfo field list, 101's three material blocks …). A marker line is a heading when
 * its text is short (≤ maxNameLength) and not a sentence.
 */
export function chineseParenSubsections(
  lines: SourceLine[],
  maxNameLength = 20,
): { preamble: SourceLine[]; subsections: { name: string; line: number; body: SourceLine[] }[] } {
  const preamble: SourceLine[] = [];
  const subsections: { name: string; line: number; body: SourceLine[] }[] = [];
  for (const line of lines) {
    const match = CHINESE_PAREN_HEADING_RE.exec(line.text);
    const name = match ? cleanText(match[2]).replace(/\s+/g, "") : "";
    if (match && name !== "" && [...name].length <= maxNameLength && !/[。；;：:]$/.test(name)) {
      subsections.push({ name, line: line.no, body: [] });
    } else if (subsections.length > 0) {
      subsections[subsections.length - 1].body.push(line);
    } else {
      preamble.push(line);
    }
  }
  return { preamble, subsections };
}

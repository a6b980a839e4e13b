/**
 * Paragraphs: the PDF's hard-wrapped lines joined back into sentences (FORMATS.md rule of thumb),
 * list items, table rows and pictures kept apart.
 */
import type { SourceLine } from "../types";
import { parseListMarker } from "./lists";
import { isBlank, isPicturePlaceholder } from "./lines";
import { cleanText, stripMarkup } from "./markup";
import { isTableRow } from "./tables";

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

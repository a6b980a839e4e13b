/**
 * What a section body says: its paragraphs (heading lines never joined with the text around
 * them), its list items and entries (inline lists split), its running text.
 */
import type { SourceLine } from "../types";
import { isHeadingLine } from "./headings";
import { splitInlineList, toListItems, type ListItem } from "./lists";
import { joinParagraphs, type Paragraph } from "./paragraphs";

/** A section body's paragraphs; heading lines are paragraphs of their own (never joined either way). */
export function paragraphsOf(lines: SourceLine[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let run: SourceLine[] = [];
  const flush = () => {
    if (run.length > 0) paragraphs.push(...joinParagraphs(run, isHeadingLine));
    run = [];
  };
  for (const line of lines) {
    if (isHeadingLine(line.text)) {
      flush();
      paragraphs.push(...joinParagraphs([line]));
    } else {
      run.push(line);
    }
  }
  flush();
  return paragraphs;
}

/** A section body's list items (markers removed). */
export function listItemsOf(lines: SourceLine[]): ListItem[] {
  return toListItems(paragraphsOf(lines));
}

/** The running text of lines: paragraphs joined by newlines, table rows as `a | b | c`. */
export function textOf(lines: SourceLine[]): string {
  return paragraphsOf(lines)
    .map((paragraph) =>
      paragraph.text.includes("\t")
        ? paragraph.text
            .split("\t")
            .map((cell) => cell.trim())
            .filter((cell) => cell !== "")
            .join(" | ")
        : paragraph.text,
    )
    .join("\n");
}

/**
 * The entries of a section: list items, with a paragraph that carries an inline list
 * (`（1）…（2）…`) split into its items (its lead, if any, first).
 */
export function entriesOf(lines: SourceLine[]): { text: string; marker: string | null; first: number; last: number }[] {
  const entries: { text: string; marker: string | null; first: number; last: number }[] = [];
  for (const paragraph of paragraphsOf(lines)) {
    const inline = splitInlineList(paragraph.text);
    if (inline && inline.items.length >= 2) {
      if (inline.lead !== "") entries.push({ text: inline.lead, marker: null, first: paragraph.first, last: paragraph.last });
      inline.items.forEach((text, i) => entries.push({ text, marker: `（${i + 1}）`, first: paragraph.first, last: paragraph.last }));
    } else {
      entries.push(...toListItems([paragraph]));
    }
  }
  return entries;
}

/** What a single line of the document is: blank, a picture placeholder; and the range lines cover. */

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

/** The line range covered by a list of lines (null when empty). */
export function rangeOf(lines: { no: number }[]): { first: number; last: number } | null {
  if (lines.length === 0) return null;
  return { first: lines[0].no, last: lines[lines.length - 1].no };
}

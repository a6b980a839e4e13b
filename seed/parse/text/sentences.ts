/** Sentences and enumerations within a text: splitting outside brackets and quotes, trailing punctuation. */

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

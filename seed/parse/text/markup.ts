/**
 * Markup and normalisation of the document's text: inline markup stripped (checkboxes, buttons
 * and text inputs turned into markers), wrap and letter-spacing artefacts removed, titles put in
 * the form they are compared and displayed in. See seed/source/FORMATS.md.
 */

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

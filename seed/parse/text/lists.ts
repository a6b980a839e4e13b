/** List items: their markers (`a)`, `（一）`, `1.`, `①`, `- ` …), and numbered lists written inline in one paragraph. */
import { parseChineseNumeral } from "./numerals";
import type { Paragraph } from "./paragraphs";

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

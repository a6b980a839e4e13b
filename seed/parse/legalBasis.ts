/**
 * Legal basis (政策依据 / 相关法律法规、政策文件 / 规范性引用文件) as a list of citations:
 * from numbered paragraphs (`a) 《X》（文号）；`, `1.《X》（…）第十六条：“…”`) or from the
 * `层级⇥文号⇥政策名称⇥章节` tables of parts 2 and 3.
 */
import type { Guide } from "@/runtime/definition/schema";
import { parseListMarker } from "./text/lists";
import { stripMarkup } from "./text/markup";
import { type Paragraph } from "./text/paragraphs";
import { trimPunctuation } from "./text/sentences";
import { headerNames } from "./text/tables";

export type LegalBasisItem = Guide["legalBasis"][number];

/** The first `《…》` of `text` with nesting (`《关于印发《〈X〉》的通知》`): its start and end offsets. */
function firstTitleSpan(text: string): { start: number; end: number } | null {
  const start = text.indexOf("《");
  if (start < 0) return null;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "《") depth++;
    else if (text[i] === "》" && --depth === 0) return { start, end: i + 1 };
  }
  return null;
}

const DOC_NO_RE = /^\s*[（(]([^（）()]*?(?:〔|\[|号|令)[^（）()]*)[)）]\s*(号)?/;
const WRAPPER_RE = /^(?:的通知|的决定|的意见|的批复|的函)/;

/**
 * One citation: `title` is the document name (the `《》` content, or `X关于印发《Y》的通知`
 * when the name wraps a quoted title), `docNo` the 文号 in the brackets after it, `clause`
 * whatever follows (章节/条款 and quoted article text). A leading list marker is ignored.
 */
export function parseCitation(raw: string): LegalBasisItem | null {
  const marker = parseListMarker(raw);
  const text = trimPunctuation(stripMarkup(marker ? marker.rest : raw));
  if (text === "") return null;
  const span = firstTitleSpan(text);
  let title: string;
  let end: number;
  if (span) {
    const prefix = text.slice(0, span.start).trim();
    const wrapper = WRAPPER_RE.exec(text.slice(span.end));
    if (prefix !== "" && (wrapper || /关于印发$|印发$/.test(prefix)) && !/[。；：:]/.test(prefix)) {
      end = span.end + (wrapper?.[0].length ?? 0);
      title = text.slice(0, end);
    } else {
      end = span.end;
      title = text.slice(span.start + 1, span.end - 1);
    }
  } else {
    const bracket = /[（(][^（）()]*(?:〔|号|令)[^（）()]*[)）]/.exec(text);
    end = bracket ? bracket.index : text.length;
    title = text.slice(0, end);
  }
  const item: LegalBasisItem = { title: title.replace(/\s+/g, "").trim() || text };
  const rest = text.slice(end);
  const docNo = DOC_NO_RE.exec(rest);
  if (docNo) item.docNo = (docNo[1] + (docNo[2] ?? "")).replace(/\s+/g, "");
  const clause = trimPunctuation(rest.slice(docNo ? docNo[0].length : 0).replace(/^[\s：:，,。]+/, ""));
  if (clause !== "") item.clause = clause;
  return item;
}

/**
 * Citations of a legal-basis section given as paragraphs. A paragraph whose list marker
 * has the kind of the first citation's marker starts a new citation; other paragraphs
 * (quoted sub-lists `（1）…`, further `第N条` paragraphs) continue the current one. Without
 * markers, every paragraph that names a `《document》` starts one. The lead sentence
 * `本文件涉及到的法律法规、政策文件包括：` is skipped.
 */
export function legalBasisFromParagraphs(paragraphs: Paragraph[]): LegalBasisItem[] {
  const content = paragraphs.filter((paragraph) => !/^本(文件|工作指南)涉及到?的法律法规/.test(paragraph.text));
  const entryKind = content.map((paragraph) => parseListMarker(paragraph.text)).find((marker) => marker !== null)?.kind;
  const groups: string[] = [];
  for (const paragraph of content) {
    const marker = parseListMarker(paragraph.text);
    const starts = entryKind ? marker?.kind === entryKind : /《/.test(paragraph.text);
    if (starts || groups.length === 0) groups.push(paragraph.text);
    else groups[groups.length - 1] += paragraph.text;
  }
  return groups.map(parseCitation).filter((item): item is LegalBasisItem => item !== null);
}

const TABLE_COLUMNS: [keyof LegalBasisItem, RegExp][] = [
  ["level", /层级/],
  ["docNo", /文号/],
  ["title", /政策名称|名称/],
  ["clause", /章节|条款/],
];

/** True for the header of a `层级⇥文号⇥政策名称⇥章节` table. */
export function isLegalBasisHeader(row: string[]): boolean {
  const names = headerNames(row);
  return names.some((name) => /政策名称/.test(name)) && names.some((name) => /文号/.test(name));
}

/** Citations of a `层级⇥文号⇥政策名称⇥章节` table (header row first). */
export function legalBasisFromTable(rows: string[][]): LegalBasisItem[] {
  const header = headerNames(rows[0] ?? []);
  const columns = TABLE_COLUMNS.map(([key, pattern]) => [key, header.findIndex((name) => pattern.test(name))] as const);
  const items: LegalBasisItem[] = [];
  for (const row of rows.slice(1)) {
    const cell = (key: keyof LegalBasisItem) => {
      const index = columns.find(([name]) => name === key)![1];
      return index >= 0 ? (row[index] ?? "").trim() : "";
    };
    const name = cell("title");
    if (name === "") continue;
    const title = /^《[^《》]*》$/.test(name) ? name.slice(1, -1) : name;
    const item: LegalBasisItem = { title: title.replace(/\s+/g, "") };
    for (const key of ["docNo", "level", "clause"] as const) {
      const value = cell(key)
        .replace(/\s+/g, key === "clause" ? " " : "")
        .replace(/^[（(](.*)[)）]$/, "$1");
      if (value !== "") item[key] = value;
    }
    items.push(item);
  }
  return items;
}

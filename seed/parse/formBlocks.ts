/**
 * Finding the reproduced forms of an item and cutting them into FormBlocks for the form
 * converter: spec items (附录 A, `《X》见表 A.n。` references) and service guides
 * (业务表单 sections: a declared name list, markers 附表 / 附件 N / (空表), then the forms).
 */
import type { FormBlock, SourceLine } from "./types";
import { parseNumeralHeading } from "./text/headings";
import { isBlank, isPicturePlaceholder } from "./text/lines";
import { parseListMarker } from "./text/lists";
import { collapseLetterSpacing, displayTitle, stripMarkup } from "./text/markup";
import { isTableRow, splitCells } from "./text/tables";

/** A form block before it gets its id. */
export type FoundForm = Omit<FormBlock, "id">;

/** Comparable form name: markup, spaces, 《》 and (空表)/(样表)/(电子件)/(框架模板) suffixes removed. */
export function formKey(text: string): string {
  return stripMarkup(text)
    .replace(/\s+/g, "")
    .replace(/[（(](空表|样表|电子件|框架模板)[)）]/g, "")
    .replace(/^《(.*)》$/, "$1")
    .replace(/[《》]/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）");
}

/** Whether two form names denote the same form (equal, or one contains the other). */
export function sameForm(a: string, b: string): boolean {
  const [x, y] = [formKey(a), formKey(b)];
  if (x === "" || y === "") return false;
  return x === y || (Math.min(x.length, y.length) >= 5 && (x.includes(y) || y.includes(x)));
}

const FORM_NOUN_RE = /(表|单|书|函|证明|计划|报告|方案|提纲|协议|花名册|清单)$/;

/** A plausible form title: short, not a sentence or a `label：` line, ending with a form noun. */
export function looksLikeFormTitle(text: string): boolean {
  if (parseNumeralHeading(text) || parseListMarker(text)) return false;
  const key = formKey(text).replace(/（[^（）]*）$/, "");
  const length = [...key].length;
  return length >= 3 && length <= 40 && !/[：:。；;，,]/.test(key) && FORM_NOUN_RE.test(key);
}

/** A header-field line of a form (`单位名称（盖章）：`, `编号:`, `申请单位：_____`). */
function isHeaderField(text: string): boolean {
  const plain = stripMarkup(text);
  if (parseListMarker(plain) || parseNumeralHeading(plain)) return false;
  return /^[^。；]{1,24}[：:]/.test(plain) && plain.length <= 80;
}

/** `附表`, `附表 4`, `附件`, `附件 1`, `附件：`, `(空表)` — a line that announces the next form. */
export function isFormMarker(text: string): boolean {
  return /^(附表|附件)\s*\d*\s*[：:]?$|^[（(]空表[)）]$/.test(stripMarkup(text).trim());
}

function cleanTitle(text: string): string {
  return displayTitle(collapseLetterSpacing(stripMarkup(text)));
}

function nextContent(lines: SourceLine[], index: number): SourceLine | undefined {
  return lines.slice(index + 1).find((line) => !isBlank(line.text) && !isPicturePlaceholder(line.text));
}

/** A table row whose only non-empty cell is a title (`内蒙古…变更登记表⇥⇥⇥⇥`). */
function titleInRow(text: string): string | null {
  const cells = splitCells(text).filter((cell) => cell !== "");
  return cells.length === 1 && looksLikeFormTitle(cells[0]) ? cleanTitle(cells[0]) : null;
}

// ---------------------------------------------------------------------------
// Spec appendices

const REFERENCE_RE = /^(?:[A-Z][.．]\d+\s*)?(.+?)见表\s*([A-Z])\s*[.．]?\s*(\d+)\s*[。.]?$/;
const CAPTION_RE = /^(?:表\s*)?([A-Z])[.．](\d+)\s+(\S.*)$/;

/** `《X》见表 A.1。` / `A.1 《X》见表 A.1。` → X; `A.1 青年见习协议书` / `表 A.2 X` → X. */
export function formReference(text: string): string | null {
  const plain = stripMarkup(text);
  if (isPicturePlaceholder(text) || /流程图$/.test(plain)) return null;
  const reference = REFERENCE_RE.exec(plain);
  if (reference) return cleanTitle(reference[1]).replace(/^《(.*)》$/, "$1");
  const caption = CAPTION_RE.exec(plain);
  return caption ? cleanTitle(caption[3]) : null;
}

/** True for an appendix heading: `附录 A（规范性）`, `附录 A (规范性)`, `附录 B`. */
export function isAppendixHeading(text: string): boolean {
  return /^附录\s*[A-Z]\s*([（(]\s*(规范性|资料性)\s*[)）])?$/.test(stripMarkup(text));
}

/**
 * The forms of a spec item's appendix area: a block starts at each form reference or
 * caption and runs to the next one or the next appendix heading; a second form title
 * followed by its own table inside a block (one reference → two forms) starts a block of
 * its own. The reproduced title line right after a reference is dropped from the lines.
 */
export function findSpecForms(lines: SourceLine[]): FoundForm[] {
  const forms: FoundForm[] = [];
  let current: (FoundForm & { hasTable: boolean }) | null = null;
  let skipAppendixTitle = false;
  const reproducedTitles = new Set<number>();
  lines.forEach((line, index) => {
    if (reproducedTitles.has(line.no)) return;
    if (isBlank(line.text)) {
      current?.lines.push(line);
      return;
    }
    if (isAppendixHeading(line.text)) {
      current = null;
      skipAppendixTitle = true;
      return;
    }
    if (skipAppendixTitle) {
      skipAppendixTitle = false;
      if (!isTableRow(line.text) && formReference(line.text) === null) return;
    }
    const reference = formReference(line.text);
    if (reference !== null) {
      current = { title: reference, lines: [], hasTable: false };
      forms.push(current);
      const next = nextContent(lines, index);
      if (next && !isTableRow(next.text) && sameForm(next.text, reference)) reproducedTitles.add(next.no);
      return;
    }
    if (!current) return;
    if (isTableRow(line.text)) current.hasTable = true;
    else if (current.hasTable && looksLikeFormTitle(line.text) && startsTable(lines, index)) {
      current = { title: cleanTitle(line.text), lines: [], hasTable: false };
      forms.push(current);
      return;
    }
    current.lines.push(line);
  });
  return forms.map(({ title, lines: blockLines }) => ({ title, lines: trimBlank(blockLines) }));
}

/** Whether the line at `index` is followed by a table (after blank and header-field lines). */
function startsTable(lines: SourceLine[], index: number): boolean {
  for (const line of lines.slice(index + 1)) {
    if (isBlank(line.text)) continue;
    if (isTableRow(line.text)) return true;
    if (!isHeaderField(line.text)) return false;
  }
  return false;
}

function trimBlank(lines: SourceLine[]): SourceLine[] {
  let [start, end] = [0, lines.length];
  while (start < end && isBlank(lines[start].text)) start++;
  while (end > start && isBlank(lines[end - 1].text)) end--;
  return lines.slice(start, end);
}

// ---------------------------------------------------------------------------
// Service-guide 业务表单

export interface GuideForms {
  /** Names listed under 业务表单(名称), with their lines. */
  declared: { name: string; line: number }[];
  forms: FoundForm[];
}

/**
 * The forms of a guide's 业务表单 region (the section body, plus any lines after 结果反馈).
 * Declared names come first (after an optional `业务表单名称` line, in `《》` or followed by
 * another name or a marker); then a form starts at a marker's next line, at a line naming a
 * declared form, at a form-like title followed by a table or header fields, or at a table
 * whose first row is a title. Lines before any title (`编号:`) go to the next form.
 */
export function findGuideForms(lines: SourceLine[]): GuideForms {
  const content = lines.filter((line) => !isBlank(line.text) && !isPicturePlaceholder(line.text));
  const declared: GuideForms["declared"] = [];
  let index = 0;
  const listed = content[0] && /^业务表单名称$/.test(stripMarkup(content[0].text).replace(/\s+/g, ""));
  if (listed) index = 1;
  for (; index < content.length; index++) {
    const text = content[index].text;
    if (isTableRow(text) || isFormMarker(text) || /^无[。.]?$/.test(stripMarkup(text))) break;
    const name = cleanTitle(text);
    if (declared.some((known) => sameForm(known.name, name))) {
      if (/[（(](空表|样表)[)）]$/.test(name)) continue;
      break;
    }
    const next = content[index + 1];
    const quoted = /^《.*》/.test(stripMarkup(text));
    const nameLike = !isHeaderField(text) && [...formKey(text)].length <= 40;
    const followedByName = next !== undefined && !isTableRow(next.text) && (isFormMarker(next.text) || (!isHeaderField(next.text) && !startsTable(content, index)));
    if (!nameLike || !(quoted || followedByName || (listed && next === undefined))) break;
    declared.push({ name: name.replace(/^《(.*)》(.*)$/, "$1$2"), line: content[index].no });
  }
  type OpenForm = FoundForm & { hasTable: boolean };
  const forms: OpenForm[] = [];
  let current: OpenForm | null = null;
  let pending: SourceLine[] = [];
  let expectTitle = false;
  const open = (title: string): OpenForm => {
    const form: OpenForm = { title, lines: pending, hasTable: false };
    pending = [];
    forms.push(form);
    return form;
  };
  for (let i = index; i < content.length; i++) {
    const line = content[i];
    const text = line.text;
    if (/^无[。.]?$/.test(stripMarkup(text))) continue;
    if (isFormMarker(text)) {
      current = null;
      expectTitle = true;
      continue;
    }
    if (isTableRow(text)) {
      current ??= open(titleInRow(text) ?? singleDeclared(declared, forms) ?? "业务表单");
      current.lines.push(line);
      current.hasTable = true;
      continue;
    }
    if (expectTitle) {
      expectTitle = false;
      let title = cleanTitle(text);
      const next = content[i + 1];
      if (!looksLikeFormTitle(title) && next && !isTableRow(next.text) && looksLikeFormTitle(next.text)) {
        title = cleanTitle(title + next.text);
        i++;
      }
      current = open(title);
      continue;
    }
    const isDeclared = declared.some((known) => sameForm(known.name, text)) && looksLikeFormTitle(text);
    const opensForm = looksLikeFormTitle(text) && startsTable(content, i);
    const hasBody = current !== null && (current.hasTable || current.lines.length >= 3);
    if ((isDeclared || opensForm) && (current === null || hasBody)) {
      current = open(cleanTitle(text));
      continue;
    }
    if (current) current.lines.push(line);
    else pending.push(line);
  }
  return { declared, forms: forms.map(({ title, lines: blockLines }) => ({ title, lines: blockLines })) };
}

/**
 * Splits a 结果反馈 section body into its own text (`（一）线上反馈`, `《事项办结通知单》。` …)
 * and the forms reproduced after it.
 */
export function splitFeedback(lines: SourceLine[]): { feedback: SourceLine[]; rest: SourceLine[] } {
  const index = lines.findIndex((line) => {
    const text = stripMarkup(line.text);
    if (isBlank(line.text) || isPicturePlaceholder(line.text)) return false;
    return isTableRow(line.text) || !(parseListMarker(text) || /。$/.test(text));
  });
  return index < 0 ? { feedback: lines, rest: [] } : { feedback: lines.slice(0, index), rest: lines.slice(index) };
}

/** The one declared name not yet reproduced, when exactly one is left. */
function singleDeclared(declared: GuideForms["declared"], forms: FoundForm[]): string | null {
  const left = declared.filter((known) => !forms.some((form) => sameForm(form.title, known.name)));
  return left.length === 1 ? left[0].name : null;
}

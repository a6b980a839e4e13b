/**
 * Tab-separated table rows → fields. Recognises:
 *  - label/value rows (`姓 名⇥⇥性 别⇥⇥身份证号码⇥⇥⇥`, sample values beside labels);
 *  - row-spanning labels (a row whose continuation rows start with an empty cell) → nested objects,
 *    or one option list when all the continuation cells are options (`申请待遇项目 (勾选)`);
 *  - column headers followed by numbered / blank / `例：` rows, or alone → an array of objects,
 *    with a second header row grouping columns (`减少 → 死亡/失踪/判刑`) → nested objects;
 *  - a header followed by rows labelled in their first cell (`科目⇥明细⇥金额` / `专家费⇥⇥`) → a matrix
 *    (an object per row label);
 *  - prose cells (notes, promises) → description text.
 * Pure, never throws on odd input (the caller guards anyway).
 */
import type { Field, ListField } from "./fields";
import { makeOptional } from "./fields";
import { fieldFromLabel, fieldsFromLabel } from "./infer";
import { fieldsFromInline, hasInlineInputs } from "./inline";
import { hasOptions } from "./options";
import {
  OFFICE_USE,
  attestationMode,
  cleanText,
  comparable,
  isDateMarks,
  isProse,
  isValueLike,
  looksLikeLabel,
  normaliseLabel,
  rangeMarks,
} from "./text";

export interface TableContext {
  /** The form title, to drop a title row inside the table. */
  title: string;
  officeUse: boolean;
}

export interface TableResult {
  fields: Field[];
  notes: string[];
}

type Row = string[];

/** Splits raw tab rows into cleaned cells, without markdown separators and trailing empty cells. */
export function splitRows(lines: string[]): Row[] {
  const rows: Row[] = [];
  for (const line of lines) {
    const cells = line.split("\t").map((cell) => cleanText(cell));
    if (cells.every((c) => /^-*$/.test(c)) && cells.some((c) => c.startsWith("-"))) continue;
    while (cells.length && !cells[cells.length - 1]) cells.pop();
    rows.push(cells);
  }
  return rows;
}

const filled = (row: Row | undefined): number[] =>
  (row ?? []).map((c, i) => (c ? i : -1)).filter((i) => i >= 0);

const hasContent = (row: Row | undefined) => filled(row).length > 0;

/** Fields of the table. */
export function fieldsFromTable(lines: string[], context: TableContext): TableResult {
  const rows = splitRows(lines);
  const notes: string[] = [];
  const fields = parseRows(rows, context, notes, true);
  return { fields, notes };
}

function parseRows(rows: Row[], context: TableContext, notes: string[], top: boolean): Field[] {
  const fields: Field[] = [];
  let officeUse = context.officeUse;
  let pendingTitle: string | undefined;
  let i = 0;
  while (i < rows.length) {
    const row = rows[i];
    const cells = filled(row);
    if (!cells.length) {
      i++;
      continue;
    }
    const ctx = { ...context, officeUse };
    if (top && i === 0 && cells.length === 1 && isTitleCell(row[cells[0]], context.title)) {
      i++;
      continue;
    }
    const list = tryList(rows, i, ctx, pendingTitle);
    if (list) {
      fields.push(list.field);
      pendingTitle = undefined;
      i = list.next;
      continue;
    }
    if (cells.length === 1 && cells[0] === 0 && OFFICE_USE.test(row[0]) && /填写/.test(row[0]) && row[0].length <= 30) {
      officeUse = true; // `以下由社保经办机构填写`: the rest is for the office
      i++;
      continue;
    }
    if (cells.length === 1 && cells[0] === 0 && isPlainLabel(row[0])) {
      const label = normaliseLabel(row[0]);
      if (OFFICE_USE.test(label) && /填写|服务|记录|意见|审核/.test(label)) {
        officeUse = true; // `后续跟踪服务（就业部门填写）`: the rest is for the office
        i++;
        continue;
      }
      if (tryList(rows, i + 1, ctx, label)) {
        pendingTitle = label;
        i++;
        continue;
      }
    }
    if (cells.every((c) => isDateMarks(row[c]))) {
      // `⇥年 月 日⇥⇥年 月 日`: the dates of the signatures/seals above
      for (const field of fields.slice(-Math.max(cells.length, 1))) if (field.kind === "attestation") field.dated = true;
      i++;
      continue;
    }
    if (row[0] && rows[i + 1] && !rows[i + 1][0] && hasContent(rows[i + 1])) {
      let j = i + 1;
      while (j < rows.length && !rows[j][0] && hasContent(rows[j])) j++;
      // continuation rows must continue right after the spanning label (`⇥企业类型⇥⇥`), not further right,
      // and hold more than dates (`主治医师⇥(签字)` + `⇥年 月 日` is one row with its dates)
      const continuation = rows.slice(i + 1, j);
      const aligned = continuation.some((r) => r[1]) && continuation.some((r) => r.some((c) => c && !isValueLike(c)));
      if (!aligned) {
        fields.push(...fieldsFromRow(row, ctx, notes));
        i++;
        continue;
      }
      const inner = [row.slice(1), ...rows.slice(i + 1, j).map((r) => r.slice(1))];
      fields.push(...groupFromRowSpan(row[0], inner, ctx, notes));
      i = j;
      continue;
    }
    fields.push(...fieldsFromRow(row, ctx, notes));
    i++;
  }
  return fields;
}

function isTitleCell(cell: string, title: string): boolean {
  const a = comparable(cell);
  const b = comparable(title);
  if (!a) return false;
  if (b && (a.includes(b) || b.includes(a)) && a.length >= 4) return true;
  return /(表|单|书|证明|回执)$/.test(a) && a.length >= 8 && !/[：:]/.test(cell);
}

/** A cell that is a plain label: no inputs, not a sample value, not prose. */
function isPlainLabel(cell: string): boolean {
  if (!cell || hasInlineInputs(cell) || isValueLike(cell) || isProse(cell)) return false;
  return normaliseLabel(cell).length > 0;
}

// ---------------------------------------------------------------------------------------------
// Label/value rows

/** Fields of one label/value row. */
function fieldsFromRow(row: Row, context: TableContext, notes: string[]): Field[] {
  const fields: Field[] = [];
  let officeUse = context.officeUse;
  let pending: string | null = null;
  let pendingSample: string | undefined;
  const flush = () => {
    if (pending === null) return;
    fields.push(...fieldsFromLabel(pending, { officeUse, sample: pendingSample }));
    pending = null;
    pendingSample = undefined;
  };
  if (isRowGroupLabel(row)) {
    const children = fieldsFromRow(row.slice(1), context, notes);
    if (children.length >= 2) return [{ kind: "group", label: normaliseLabel(row[0]), children }];
  }
  const cells = row
    .flatMap((cell, index) => cell.split("\n").map((text) => ({ text, index })))
    .filter((c) => c.text);
  let pendingIndex = -1;
  for (const { text: cell, index } of cells) {
    if (isValueLike(cell) || rangeMarks(cell)) {
      const last = fields[fields.length - 1];
      if (pending !== null && pendingSample === undefined) pendingSample = cell;
      else if (pending === null && last?.kind === "attestation" && isDateMarks(cell)) last.dated = true;
      continue;
    }
    const numbered = numberedOptions(cell);
    if (numbered && pending !== null) {
      fields.push({ kind: "choice", label: normaliseLabel(pending), options: numbered, multiple: false, required: false });
      pending = null;
      pendingSample = undefined;
      continue;
    }
    if (hasOptions(cell)) {
      const label = pending ?? undefined;
      pending = null;
      pendingSample = undefined;
      fields.push(...fieldsFromInline(cell, { label, officeUse }));
      continue;
    }
    if (pending !== null && index <= pendingIndex + 1 && pendingSample === undefined && GENERIC_MARK.test(cell)) {
      pendingSample = cell; // `所在单位意见⇥(章) 年 月 日`, `主治医师⇥(签字)`
      continue;
    }
    if (hasInlineInputs(cell)) {
      // `人力资源社会保障行政部门认定意见⇥经审核…同志档案认定: …`: the blanks of an office's row are the office's
      if (pending !== null && OFFICE_USE.test(normaliseLabel(pending))) officeUse = true;
      const inline = fieldsFromInline(cell, { officeUse });
      if (pending !== null && !/[：:]/.test(cell)) {
        pendingSample = pendingSample ?? cell; // `申报日期⇥年 月`-like samples written with blanks
        continue;
      }
      if (inline.length) {
        flush();
        fields.push(...inline);
        continue;
      }
      const colon = Math.max(cell.lastIndexOf("："), cell.lastIndexOf(":"));
      if (colon >= 0 && !isProse(cell)) {
        // `其中: 本年欠缴额 元,`: the words after the colon name the field
        const afterColon = cell.slice(colon + 1).trim();
        flush();
        pending = afterColon && !isValueLike(afterColon) ? afterColon : cell.slice(0, colon);
        pendingIndex = index;
        continue;
      }
      if (isProse(cell)) {
        flush();
        notes.push(cell);
        continue;
      }
    }
    if (isProse(cell)) {
      flush();
      notes.push(cell);
      continue;
    }
    const adjacent = index <= pendingIndex + 1;
    if (pending !== null && pendingSample === undefined && adjacent && !looksLikeLabel(cell) && !attestationMode(cell)) {
      pendingSample = cell; // `户口性质⇥城镇`, `类 型⇥为民服务`: a sample answer right beside its label
      continue;
    }
    flush();
    pending = cell;
    pendingIndex = index;
  }
  flush();
  return fields;
}

/** A bare signature/seal mark, maybe with a date: `(章)`, `（签字）`, `（签章） 年 月 日`. */
const GENERIC_MARK = /^[（(]?\s*(?:签\s*字|签\s*名|签\s*章|盖\s*章|公\s*章|章|需加盖手印)\s*[）)]?\s*(?:年\s*月\s*日)?$/;

/** `1公务员 2机关工勤 3事业单位专业技术` → the options, or null. */
export function numberedOptions(cell: string): string[] | null {
  const matches = [...cell.matchAll(/(?:^|\s)(\d{1,2})[.、．]?\s*([^\d\s][^\s]*)/g)];
  if (matches.length < 2) return null;
  if (matches.some((m, i) => Number(m[1]) !== i + 1)) return null;
  if (matches.map((m) => m[0]).join("").replace(/\s/g, "") !== cell.replace(/\s/g, "")) return null;
  return matches.map((m) => normaliseLabel(m[2])).filter(Boolean);
}

/** `缴费单位 专管人员⇥姓名⇥⇥联系电话⇥⇥`: the first label names the label/value pairs after it. */
function isRowGroupLabel(row: Row): boolean {
  return (
    row.length >= 4 &&
    /\S\s+\S/.test(row[0]) && // a wrapped category cell (`缴费单位 专管人员`), not a plain field label
    isPlainLabel(row[0]) &&
    !attestationMode(row[0]) &&
    isPlainLabel(row[1]) &&
    looksLikeLabel(row[1]) &&
    !row[2] &&
    filled(row).length >= 3
  );
}

// ---------------------------------------------------------------------------------------------
// Row-spanning labels

const CHOICE_GROUP_LABEL = /(方式|类型|类别|性质|方法|形式)$/;

function groupFromRowSpan(rawLabel: string, inner: Row[], context: TableContext, notes: string[]): Field[] {
  const label = normaliseLabel(rawLabel);
  if (!label || isValueLike(rawLabel)) return parseRows(inner, context, notes, false);
  const officeUse = context.officeUse || OFFICE_USE.test(label);
  const ctx = { ...context, officeUse };
  if (attestationMode(rawLabel) || hasInlineInputs(rawLabel)) {
    const own = hasInlineInputs(rawLabel)
      ? fieldsFromInline(rawLabel, { officeUse })
      : [fieldFromLabel(rawLabel, { officeUse })].filter((f): f is Field => f !== null);
    return [...own, ...parseRows(inner, ctx, notes, false)];
  }
  const cells = inner.flatMap((r) => r.filter(Boolean));
  if (cells.length && cells.every((c) => hasOptions(c) || isValueLike(c))) {
    const joined = cells.filter((c) => hasOptions(c)).join(" ");
    const choice = fieldsFromInline(joined, { label: rawLabel, officeUse });
    return officeUse ? makeOptional(choice) : choice;
  }
  if (
    CHOICE_GROUP_LABEL.test(label) &&
    inner.every((r) => filled(r).length <= 1) &&
    cells.every((c) => isPlainLabel(c) && normaliseLabel(c).length <= 16)
  ) {
    return [{ kind: "choice", label, options: [...new Set(cells.map(normaliseLabel))], multiple: false, required: false }];
  }
  const numbered = inner.filter(hasContent);
  if (numbered.length >= 2 && numbered.every((r) => /^\d+[.、．]?$/.test(r[filled(r)[0]]))) {
    const first = numbered[0];
    const columns: Field[] = [
      { kind: "scalar", label: `${label}内容`, type: "text" },
      ...fieldsFromRow(first.slice(filled(first)[0] + 1), ctx, notes),
    ];
    return [{ kind: "list", label, columns, required: false }];
  }
  let children = parseRows(inner, ctx, notes, false);
  const opinion = label.replace(/（[^）]*）$/, "");
  if (/意见$/.test(opinion)) {
    // `经办机构意见⇥(章)` + `⇥审核人:⇥⇥审批人:`: the opinion text, then its seal and signatures
    const base = opinion.replace(/意见$/, "");
    children = [
      { kind: "scalar", label: opinion, type: "textarea" } as Field,
      ...children.map((f) =>
        f.kind === "attestation" && /^（?(?:章|盖章|公章|签章|签字)）?$/.test(f.label)
          ? { ...f, label: `${base}${f.mode === "seal" ? "盖章" : "签字"}` }
          : f,
      ),
    ];
  }
  if (officeUse) children = makeOptional(children);
  if (!children.length) {
    const field = fieldFromLabel(rawLabel, { officeUse });
    return field ? [field] : [];
  }
  if (children.length === 1 && (children[0].kind === "group" || children[0].kind === "list" || children[0].kind === "choice")) {
    return [{ ...children[0], label }];
  }
  return [{ kind: "group", label, children }];
}

// ---------------------------------------------------------------------------------------------
// Column headers: lists and matrices

const SEQUENCE_HEADER = /^(?:序号|编号|序)$/;

/** An elided row of a table to repeat: `.....`, `……`, `…`, `。。。`. */
const ELLIPSIS = /^(?:[.．·。]{3,}|…+|⋯+)$/;

function isDataRow(row: Row): boolean {
  const cells = filled(row);
  if (!cells.length) return true;
  const first = row[cells[0]];
  if (cells.every((c) => ELLIPSIS.test(row[c]))) return true; // `.....⇥⇥⇥`: more rows like the ones above
  if (cells[0] === 0 && /^\d{1,3}[.、．]?$/.test(first)) return true;
  if (cells[0] === 0 && /^例[：:]?$/.test(first)) return true;
  if (cells[0] === 0 && rangeMarks(first)) return true;
  return false;
}

function isTotalRow(row: Row): boolean {
  const cells = filled(row);
  return cells.length > 0 && /^(?:合计|总计|小计)[：:]?$/.test(normaliseLabel(row[cells[0]]));
}

function isHeaderCell(cell: string): boolean {
  return isPlainLabel(cell) && !attestationMode(cell) && !/[：:]$/.test(cell);
}

interface ListMatch {
  field: Field;
  next: number;
}

function tryList(rows: Row[], start: number, context: TableContext, pendingTitle?: string): ListMatch | null {
  const header = rows[start];
  if (!header) return null;
  const cells = filled(header);
  if (cells.length < 2 || !cells.every((c) => isHeaderCell(header[c]))) return null;
  const sequence = SEQUENCE_HEADER.test(normaliseLabel(header[cells[0]]));
  let next = start + 1;
  let sub: Row | undefined;
  const candidate = rows[next];
  if (sequence && candidate && !candidate[0] && hasContent(candidate) && filled(candidate).every((c) => isHeaderCell(candidate[c]))) {
    sub = candidate;
    next++;
  }
  const dataRows: Row[] = [];
  let k = next;
  while (k < rows.length && (isDataRow(rows[k]) || isTotalRow(rows[k]))) {
    if (!isTotalRow(rows[k])) dataRows.push(rows[k]);
    k++;
  }
  const contiguous = cells[cells.length - 1] - cells[0] + 1 === cells.length;
  const titled = cells[0] === 0 && cells.length >= 3 && /(简历|经历|成员|名单|明细)/.test(normaliseLabel(header[0]));
  if (contiguous && titled && !sequence) {
    // `学习培训 工作简历 (高中以后)⇥起时间⇥止时间⇥学校/工作单位⇥专业工种`: the first cell titles the list
    const rest = ["", ...header.slice(1)];
    return { field: listField(rest, undefined, dataRows, context, header[0]), next: k };
  }
  if (sequence || dataRows.some(hasContent) || (dataRows.length > 0 && k > next)) {
    return { field: listField(header, sub, dataRows, context, pendingTitle), next: k };
  }
  const matrix = tryMatrix(rows, start, context, pendingTitle);
  if (matrix) return matrix;
  if (contiguous && next >= rows.length && !sub) {
    return { field: listField(header, undefined, [], context, pendingTitle), next };
  }
  return null;
}

function listField(header: Row, sub: Row | undefined, dataRows: Row[], context: TableContext, pendingTitle?: string): ListField {
  const width = Math.max(header.length, sub?.length ?? 0);
  const columns: { top: string; sub: string; index: number }[] = [];
  let carry = "";
  for (let c = 0; c < width; c++) {
    const top = header[c] ?? "";
    const below = sub?.[c] ?? "";
    if (top) carry = top;
    const label = top || (below ? carry : "");
    if (!label) continue;
    columns.push({ top: label, sub: below, index: c });
  }
  const sample = (index: number) => dataRows.map((r) => r[index] ?? "").find((v) => v && !/^例[：:]?$/.test(v) && !ELLIPSIS.test(v));
  const items: Field[] = [];
  const groups = new Map<string, Field[]>();
  for (const column of columns) {
    if (SEQUENCE_HEADER.test(normaliseLabel(column.top))) continue;
    const label = column.sub || column.top;
    const field = fieldFromLabel(label, { officeUse: context.officeUse, sample: sample(column.index) });
    if (!field) continue;
    if (column.sub) {
      let children = groups.get(column.top);
      if (!children) {
        children = [];
        groups.set(column.top, children);
        items.push({ kind: "group", label: normaliseLabel(column.top), children });
      }
      children.push(field);
    } else {
      items.push(field);
    }
  }
  const names = items.some((f) => /^(?:姓名|（来电者）姓名)$/.test(f.label));
  const label = pendingTitle ? normaliseLabel(pendingTitle) : names ? "人员名单" : "明细";
  const example = dataRows.find((r) => /^例[：:]?$/.test(r[0] ?? ""));
  return {
    kind: "list",
    label,
    columns: items,
    required: items.some((f) => f.required),
    help: example ? `例：${example.slice(1).filter(Boolean).join("；").slice(0, 200)}` : undefined,
  };
}

/** `科目⇥明细⇥金额` followed by `专家费⇥⇥`, `劳务费⇥⇥` …: an object per row label. */
function tryMatrix(rows: Row[], start: number, context: TableContext, pendingTitle?: string): ListMatch | null {
  const header = rows[start];
  const cells = filled(header);
  const labelColumn = cells[0];
  const valueColumns = cells.slice(1);
  // a matrix header has no gaps (`科目⇥明细⇥金额`); `姓 名⇥⇥性 别⇥⇥出生日期` is a label/value row
  if (cells[cells.length - 1] - cells[0] + 1 !== cells.length) return null;
  const rowFields: Field[] = [];
  let k = start + 1;
  while (k < rows.length) {
    const row = rows[k];
    const rowCells = filled(row);
    if (!rowCells.length) {
      k++;
      continue;
    }
    if (rowCells[0] !== labelColumn || !isPlainLabel(row[labelColumn])) break;
    if (rowCells.slice(1).some((c) => !isValueLike(row[c]))) break;
    const rowLabel = normaliseLabel(row[labelColumn]);
    const children = valueColumns
      .map((c) => fieldFromLabel(header[c], { officeUse: context.officeUse, sample: row[c] }))
      .filter((f): f is Field => f !== null)
      .map((f) => ({ ...f, required: false }) as Field);
    rowFields.push(children.length === 1 ? { ...children[0], label: rowLabel } : { kind: "group", label: rowLabel, children });
    k++;
  }
  if (rowFields.length < 2) return null;
  const label = pendingTitle ? normaliseLabel(pendingTitle) : normaliseLabel(header[labelColumn]);
  return { field: { kind: "group", label, children: rowFields }, next: k };
}

/**
 * `formFromBlock`: one form block of the document (a table with its header/footer lines, or a text
 * template such as a letter or certificate with `_____` blanks) → a `FormDefinition`
 * (JSON Schema draft-07 + rjsf uiSchema) a person can fill.
 *
 * Pipeline: lines → segments (tables, paragraphs) → `Field`s (table.ts, inline.ts) grouped under
 * outline headings → `buildSchema` (build.ts). Never throws: odd input yields what could be recovered.
 */
import type { FormDefinition } from "@/runtime/definition/schema";
import type { FormBlock, SourceLine } from "../parse/types";
import { DRAFT_07, objectSchema } from "./build";
import type { Field, GroupField } from "./fields";
import { makeOptional } from "./fields";
import { fieldFromLabel } from "./infer";
import { SIGNING_ROLE, fieldsFromInline, hasInlineInputs } from "./inline";
import { fieldsFromTable } from "./table";
import {
  BLANK,
  OFFICE_USE,
  SECTION_HEADING,
  SUB_ITEM,
  attestationMode,
  cleanText,
  collapseLetterSpacing,
  comparable,
  isDateMarks,
  isProse,
  normaliseLabel,
  toFullWidth,
} from "./text";

type Segment = { kind: "table"; rows: string[] } | { kind: "paragraph"; text: string };

/** Consecutive tab rows form a table (blank lines between rows are tolerated); other lines are paragraphs. */
export function segmentLines(lines: SourceLine[]): Segment[] {
  const segments: Segment[] = [];
  let table: string[] | null = null;
  for (const line of lines) {
    const text = typeof line?.text === "string" ? line.text : "";
    if (text.includes("\t")) {
      if (!table) {
        table = [];
        segments.push({ kind: "table", rows: table });
      }
      table.push(text);
      continue;
    }
    if (!text.trim()) continue; // a blank line does not end a table
    table = null;
    segments.push({ kind: "paragraph", text: text.trim() });
  }
  return joinWrappedParagraphs(segments);
}

const TERMINAL = /[。；;：:！？!?）)】」]$/;

/** Joins paragraphs the PDF wrapped mid-sentence (`…由我单位保存至` + `今，属于…`). */
function joinWrappedParagraphs(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const previous = out[out.length - 1];
    if (
      segment.kind === "paragraph" &&
      previous?.kind === "paragraph" &&
      previous.text.length >= 15 &&
      !TERMINAL.test(previous.text) &&
      !startsNewParagraph(segment.text)
    ) {
      previous.text = `${previous.text}${segment.text}`;
      continue;
    }
    out.push(segment);
  }
  return out;
}

function startsNewParagraph(text: string): boolean {
  const t = text.trim();
  return (
    SECTION_HEADING.test(t) ||
    SUB_ITEM.test(t) ||
    /^[-•·]\s/.test(t) ||
    isDateMarks(t) ||
    !!attestationMode(t) && t.length <= 30 ||
    /^(?:注|备注|说明|附件|附表)[：:\s\d]/.test(t) ||
    /^[^：:，,。]{1,12}[：:]/.test(t)
  );
}

/** Lines that only announce the form (`附件 1`, `附表`, `规范表格`, `模板 5`, `《X》见表 A.1。`). */
function isAnnouncement(text: string, title: string): boolean {
  const t = collapseLetterSpacing(text).replace(/\s/g, "");
  if (/^(?:附件|附表|附录[A-Z]?|模板|表单|样表|空表)\s*[\dA-Z一二三四五六七八九十.-]*(?:（规范性）|\(规范性\))?[:：]?$/.test(t)) return true;
  if (/^[（(](?:空表|样表|框架模板|模板)[）)]$/.test(t)) return true;
  if (/^(?:填表说明|填写说明|说明|注|注意事项|填表须知|填写要求)[：:]?$/.test(t)) return true;
  if (/^(?:规范表格|业务表单|业务表单名称|文书格式)/.test(t) && t.length <= 30) return true;
  if (/见表[A-Z]?[.．]?\d*[。.]?$/.test(t) && t.length <= 60) return true;
  if (/^表[A-Z][-.．]?\d+/.test(t)) return true;
  const a = comparable(text);
  const b = comparable(title);
  return a.length >= 2 && b.length >= 2 && (a === b || (b.includes(a) && a.length >= 4));
}

/** A first-level outline heading (`一、基本情况`), not a numbered sentence. */
function headingOf(text: string): string | null {
  const m = SECTION_HEADING.exec(text.trim());
  if (!m) return null;
  const rest = m[1].trim();
  if (rest.replace(/[（(][^）)]*[）)]/g, "").length > 30 || /[。；;]$/.test(rest) || rest.includes(BLANK)) return null;
  return rest;
}

const OUTLINE_FIELD_WORDS = /(意见|情况|事迹|说明|理由|简介|记录|结论|综述)$/;
/** A role written above a date (`申请人：` + `二〇 年 月 日`) signs there. */
const isSignerRole = (label: string) => SIGNING_ROLE.test(label) || /^(?:申请单位|申报单位|具结人|报告人|经办人员)$/.test(label);

/** Mutable builder state while walking the segments. */
interface Container {
  fields: Field[];
  officeUse: boolean;
}

interface TemplateMemory {
  skeleton: string;
  container: Container;
  index: number;
  size: number;
}

/** Shape of a template paragraph with its blanks (to spot repeated lines like 经历证明's). */
function skeletonOf(text: string): string {
  return collapseLetterSpacing(text).replace(/▁|\s/g, "");
}

function sanitizeId(id: unknown): string {
  const raw = typeof id === "string" ? id.trim() : "";
  const cleaned = raw.replace(/[^\w-]/g, "-").replace(/^[^a-zA-Z]+/, "");
  return cleaned ? cleaned : `form-${raw.replace(/[^\w-]/g, "") || "unnamed"}`;
}

function titleOf(block: FormBlock): string {
  const raw = typeof block?.title === "string" ? block.title : "";
  const title = toFullWidth(collapseLetterSpacing(cleanText(raw).replace(/\n/g, " ")))
    .replace(/^《|》$/g, "")
    .replace(/[：:]$/, "")
    .trim();
  if (title) return title;
  const first = (block?.lines ?? []).find((l) => typeof l?.text === "string" && l.text.trim());
  return first ? normaliseLabel(first.text.split("\t")[0]) || "表单" : "表单";
}

function sourceOf(lines: SourceLine[]): FormDefinition["source"] {
  const numbers = lines.map((l) => l?.no).filter((n): n is number => Number.isInteger(n) && n > 0);
  if (!numbers.length) return undefined;
  return { first: Math.min(...numbers), last: Math.max(...numbers) };
}

/** Turns a form block into a form definition (schema + uiSchema). Pure; never throws. */
export function formFromBlock(block: FormBlock): FormDefinition {
  const title = titleOf(block);
  const id = sanitizeId(block?.id);
  const lines = Array.isArray(block?.lines) ? block.lines : [];
  let fields: Field[];
  let notes: string[];
  try {
    ({ fields, notes } = fieldsFromLines(lines, title));
  } catch {
    fields = [];
    notes = [];
  }
  if (!fields.length) {
    fields = [{ kind: "scalar", label: "填写内容", type: "textarea", required: true }];
  }
  const { schema, uiSchema } = objectSchema(fields, title);
  const description = notes.join("\n").trim();
  const root: Record<string, unknown> = { $schema: DRAFT_07, ...schema };
  if (description) root.description = description.length > 4000 ? `${description.slice(0, 3999)}…` : description;
  return {
    id,
    title,
    dialect: "draft-07",
    schema: root,
    uiSchema,
    source: sourceOf(lines),
  };
}

/** Walks the segments and collects fields (grouped by outline headings) and notes. */
export function fieldsFromLines(lines: SourceLine[], title: string): { fields: Field[]; notes: string[] } {
  const segments = segmentLines(lines);
  const notes: string[] = [];
  const root: Container = { fields: [], officeUse: false };
  let current = root;
  const headings = segments.filter((s) => s.kind === "paragraph" && headingOf(s.text)).length;
  const blanks = segments.filter((s) => s.kind === "paragraph" && s.text.includes("_")).length;
  const outlineMode = headings >= 2 && blanks === 0;
  let memory: TemplateMemory | null = null;
  let officeFooter = false;
  let numberedList: { container: Container; field: Field & { kind: "list" } } | null = null;

  const add = (container: Container, list: Field[]) => {
    container.fields.push(...(container.officeUse ? makeOptional(list) : list));
  };

  // `一、基本情况` → a section (nested object)
  const openSection = (heading: string) => {
    const label = normaliseLabel(heading);
    const help = /[（(]([^）)]+)[）)]$/.exec(label)?.[1];
    const group: GroupField = { kind: "group", label: label.replace(/[（(][^）)]+[）)]$/, "") || label, help, children: [] };
    root.fields.push(group);
    current = { fields: group.children, officeUse: OFFICE_USE.test(group.label) };
    memory = null;
    numberedList = null;
  };

  for (const segment of segments) {
    if (segment.kind === "table") {
      officeFooter = false;
      // a grid row holding only an outline heading (`一、申请结业班期基本信息⇥⇥⇥`) opens a section, as a heading line does
      for (const part of splitAtHeadingRows(segment.rows)) {
        if (part.heading) openSection(part.heading);
        if (!part.rows.length) continue;
        const result = fieldsFromTable(part.rows, { title, officeUse: current.officeUse });
        add(current, result.fields);
        notes.push(...result.notes);
      }
      memory = null;
      numberedList = null;
      continue;
    }
    const raw = segment.text;
    const text = cleanText(raw);
    if (!text || isAnnouncement(text, title)) continue;

    const heading = headingOf(text);
    if (heading) {
      openSection(heading);
      continue;
    }

    // bare numbered lines `1.` `2.` … → a list of entries
    if (/^\d{1,2}\s*[.、．]$/.test(text)) {
      if (!numberedList || numberedList.container !== current) {
        const field: Field & { kind: "list" } = {
          kind: "list",
          label: /申请书/.test(title) ? "请求事项" : "事项",
          columns: [{ kind: "scalar", label: "内容", type: "textarea" }],
        };
        numberedList = { container: current, field };
        add(current, [field]);
      }
      continue;
    }
    numberedList = null;

    // `年 月 日` under a signature/seal → its date; a role line (`申请人：`) above a date → a signature
    if (isDateMarks(text)) {
      const last = current.fields[current.fields.length - 1];
      if (last?.kind === "attestation") last.dated = true;
      else if (last?.kind === "scalar" && /(?:日期|时间)$/.test(last.label)) last.type = "date"; // `填写日期：` + `年 月 日`
      else if (last?.kind === "scalar" && isSignerRole(last.label)) {
        current.fields[current.fields.length - 1] = {
          kind: "attestation",
          label: last.label,
          mode: /单位/.test(last.label) ? "seal" : "signature",
          dated: true,
          required: !current.officeUse && !OFFICE_USE.test(last.label),
          officeUse: current.officeUse || OFFICE_USE.test(last.label) || undefined,
        };
      } else add(current, [{ kind: "scalar", label: "日期", type: "date" }]);
      memory = null;
      continue;
    }

    // outline templates (可行性研究报告（提纲）): every item is a text area to write
    if (outlineMode && (SUB_ITEM.test(text) || (/[：:]$/.test(text) && text.length <= 40)) && !text.includes(BLANK)) {
      const item = outlineItem(text);
      if (item) {
        add(current, [item]);
        continue;
      }
    }

    if (isSalutation(text)) {
      notes.push(collapseLetterSpacing(text));
      memory = null;
      continue;
    }

    // `填表说明：1.…请在相关选项后的□内打“√”。`: an instruction that mentions a box, not a box to tick
    if (/^(?:注|说明|备注|填表说明|填写说明|填写要求|提示|温馨提示)[：:]/.test(text.trim()) && isProse(text)) {
      notes.push(collapseLetterSpacing(text));
      memory = null;
      continue;
    }

    if (hasInlineInputs(text)) {
      const signature = signatureLine(text, current.officeUse || officeFooter);
      // once the office signs (`社保经办机构经办人：`), the signature lines after it are the office's too
      if (signature?.some((f) => !f.required)) officeFooter = true;
      const found = signature ?? fieldsFromInline(text, { officeUse: current.officeUse });
      if (found.length) {
        const skeleton = skeletonOf(text);
        if (text.includes(BLANK) && memory && memory.skeleton === skeleton && memory.container === current) {
          repeatAsList(memory, text);
          continue;
        }
        add(current, found);
        memory = text.includes(BLANK)
          ? { skeleton, container: current, index: current.fields.length - found.length, size: found.length }
          : null;
        continue;
      }
    }
    memory = null;

    // `存档机构名称（盖章）`, `协调劳动关系三方会议办公室盖章`
    if (attestationMode(text) && text.length <= 40 && !/[。；;]$/.test(text) && !(text.length > 16 && /[，,]/.test(text))) {
      const field = fieldFromLabel(text, { officeUse: current.officeUse });
      if (field) {
        add(current, [field]);
        continue;
      }
    }

    // `和谐劳动关系工作情况`, `旗县协调劳动关系三方会议推荐申报意见`: a text area
    const label = normaliseLabel(text);
    if (label.length <= 30 && OUTLINE_FIELD_WORDS.test(label) && !/^填表说明|^说明$/.test(label)) {
      add(current, [{ kind: "scalar", label, type: "textarea", required: false }]);
      continue;
    }

    notes.push(collapseLetterSpacing(text.replace(/^[-•·]\s*/, "")));
  }
  const fields = root.fields
    .filter((f) => f.kind !== "group" || f.children.length > 0)
    .map((f) =>
      // a section holding just one list (`二、学员成绩汇总表` + table) is that list
      f.kind === "group" && f.children.length === 1 && f.children[0].kind === "list"
        ? { ...f.children[0], label: f.label, help: f.help ?? f.children[0].help }
        : f,
    );
  return { fields: nameGenericAttestations(fields), notes };
}

/** The rows of a grid cut at rows whose only non-empty cell, the first, is an outline heading. */
function splitAtHeadingRows(rows: string[]): { heading?: string; rows: string[] }[] {
  const parts: { heading?: string; rows: string[] }[] = [{ rows: [] }];
  for (const row of rows) {
    const cells = row.split("\t").map((cell) => cleanText(cell));
    const heading = cells.slice(1).every((cell) => !cell) ? headingOf(cells[0]) : null;
    if (heading) parts.push({ heading, rows: [] });
    else parts[parts.length - 1].rows.push(row);
  }
  return parts;
}

/** `社保经办机构经办人：` / `填报人：` alone on a line: a signature, not a text box. */
function signatureLine(text: string, officeUse: boolean): Field[] | null {
  const m = /^([^：:▁]{1,20})[：:]\s*▁?\s*$/.exec(text.trim());
  if (!m) return null;
  const label = normaliseLabel(m[1]);
  if (!SIGNING_ROLE.test(label)) return null;
  const office = officeUse || OFFICE_USE.test(label);
  return [{ kind: "attestation", label, mode: "signature", dated: false, required: !office, officeUse: office || undefined }];
}

/** `xxx 人力资源和社会保障政务服务中心：`: the addressee of a letter, no field. */
function isSalutation(text: string): boolean {
  const m = /^([^：:▁]+)[：:]$/.exec(text.trim());
  if (!m) return false;
  const who = collapseLetterSpacing(m[1]).trim();
  return who.length > 12 || /(中心|局|院|委员会|办公室|公司|厅|处|科|所|政府|部门|同志|先生|女士)$/.test(who);
}

/** Names generic signature/seal cells after the field before them: `单位意见⇥(盖章)` → `单位盖章`. */
function nameGenericAttestations(fields: Field[]): Field[] {
  return fields.map((field, index) => {
    if (field.kind === "group") return { ...field, children: nameGenericAttestations(field.children) };
    if (field.kind === "list") return { ...field, columns: nameGenericAttestations(field.columns) };
    if (field.kind !== "attestation" || !/^（?(?:盖章|公章|签章|章|签字|签名)）?$/.test(field.label)) return field;
    const previous = fields[index - 1];
    const base = previous ? previous.label.replace(/(?:意见|签字|签名)$/, "") : "";
    return base ? { ...field, label: `${base}${field.mode === "seal" ? "盖章" : "签字"}` } : field;
  });
}

/** An outline item (`（一）硬件设备。项目开展需要的…`) as a text area titled by its head words. */
function outlineItem(text: string): Field | null {
  const body = text.replace(SUB_ITEM, "").trim();
  if (!body) return null;
  const cut = body.search(/[：:。（(]/);
  const head = (cut > 0 ? body.slice(0, cut) : body).trim();
  const rest = (cut > 0 ? body.slice(cut) : "").replace(/^[：:。]/, "").trim();
  const label = normaliseLabel(head.length > 30 ? `${head.slice(0, 29)}…` : head);
  if (!label) return null;
  return { kind: "scalar", label, type: "textarea", help: rest || undefined };
}

/** The same template line again (经历证明's `____年__月至__年__月，在____单位从事____工作。`): one list. */
function repeatAsList(memory: TemplateMemory, text: string): void {
  const fields = memory.container.fields;
  const existing = fields[memory.index];
  if (memory.size === 1 && existing?.kind === "list") return;
  const columns = fields.splice(memory.index, memory.size);
  const label = collapseLetterSpacing(text).replace(/▁+/g, "＿").replace(/[。；;，,]$/, "");
  const list: Field = {
    kind: "list",
    label: label.length > 30 ? `${label.slice(0, 29)}…` : label,
    columns,
    required: false,
  };
  fields.splice(memory.index, 0, list);
  memory.size = 1;
}

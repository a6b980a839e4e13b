/**
 * Materials of the minor layouts: one material from a list line (`《X》一份（…）`, `身份证复印件
 * （内部流转）`, `非本地户籍人员需提供居住证明`), materials of a 材料列表 table, and the links
 * between materials and forms (A's sameForm, with a similarity fallback for near-identical names).
 */
import type { Material } from "@/runtime/definition/schema";
import { cleanText, fullWidthParens } from "../text/markup";
import { trimPunctuation } from "../text/sentences";
import { materialFromRow, type MaterialCell } from "../guideTables";
import { formKey, sameForm } from "../formBlocks";

const trimStop = trimPunctuation;

export interface MaterialOptions {
  scenario?: string | null;
  required?: boolean;
  requirementText?: string;
  source?: string | null;
  medium?: string | null;
  note?: string;
}

/** A remark that names a group of applicants only (港澳台居民, 外籍人员, 非本地户籍人员 …), not an explanation. */
const APPLICANT_GROUP = /^[\u4e00-\u9fff]{2,10}(居民|人员|人士)$/;

const CHINESE_COPIES: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/**
 * One material from a list line such as `《工伤认定申请表》一份（…）。`, `身份证复印件（内部流转）。`,
 * `劳动能力鉴定申请表**2**份。`: the name without copies / 内部流转, copies, kind (原件 / 复印件),
 * 内部流转 → obtainable by sharing, parenthesised remarks → note.
 */
export function materialFromText(id: string, raw: string, options: MaterialOptions = {}): Material {
  let text = trimStop(fullWidthParens(cleanText(raw)));
  const notes: string[] = [];
  let copies: number | null = null;
  let shared: boolean | null = null;
  let source = options.source ?? null;
  let requirementText = options.requirementText;
  if (/（内部流转）/.test(text)) {
    shared = true;
    source = source ?? "内部流转";
    text = text.replace(/（内部流转）/g, "");
  }
  const internal = /^(.+?)由(.+?)内部获取(.*)$/.exec(text);
  if (internal) {
    shared = true;
    source = source ?? `${internal[2]}内部获取`;
    text = internal[1] + internal[3];
  }
  const conditional = /^(.{2,16}?(?:需提供|需分别提供|还需分别提供|需要提供))(.+)$/.exec(text);
  if (conditional && !/^《/.test(text)) {
    requirementText = requirementText ?? conditional[1];
    text = conditional[2];
  }
  const copiesMatch = /(\d+|[一二两三四五])\s*份/.exec(text);
  const stated = text.match(/(\d+|[一二两三四五])\s*份/g) ?? [];
  if (copiesMatch && stated.length === 1 && !/一式/.test(text.slice(Math.max(0, copiesMatch.index - 2), copiesMatch.index))) {
    copies = /\d/.test(copiesMatch[1]) ? Number(copiesMatch[1]) : CHINESE_COPIES[copiesMatch[1]];
  }
  const set = /一式([两二三四五\d])份/.exec(text);
  if (set && copies === null) copies = /\d/.test(set[1]) ? Number(set[1]) : CHINESE_COPIES[set[1]];
  const kind = /原件/.test(text) && /复印件|复印/.test(text) ? "原件和复印件" : /复印件/.test(text) ? "复印件" : /原件/.test(text) ? "原件" : null;
  // a trailing explanation in brackets becomes the note; one naming whom the material is for
  // (`（港澳台居民）`) is its scenario: the others need not bring it
  const remark = /（([^（）]{4,})）$/.exec(text);
  let name = text;
  let forWhom: string | null = null;
  if (remark && !/^(验原件|含|包括)/.test(remark[1]) && text.length - remark[0].length >= 2) {
    if (APPLICANT_GROUP.test(remark[1])) forWhom = remark[1];
    else notes.push(remark[1]);
    name = text.slice(0, text.length - remark[0].length);
  }
  name = name.replace(/\s*(\d+|[一二两三四五])\s*份$/, "").replace(/^《([^》]+)》$/, "$1").trim();
  if (options.note) notes.unshift(options.note);
  const material: Material = {
    id,
    name: name === "" ? text : name,
    source,
    kind,
    copies,
    medium: options.medium ?? null,
    required: options.required ?? true,
    keepPaper: null,
    obtainableBySharing: shared,
    scenario: options.scenario ?? forWhom,
    formId: null,
  };
  if (requirementText) material.requirementText = requirementText;
  if (notes.length > 0) material.note = notes.join("；");
  return material;
}

const MATERIAL_COLUMNS: [MaterialCell | "scenario" | "name" | "copies", RegExp][] = [
  ["scenario", /^场景$/],
  ["name", /材料名称/],
  ["source", /来源渠道/],
  ["kind", /材料类型/],
  ["copies", /份数/],
  ["medium", /材料形式/],
  ["requirement", /必要性/],
  ["keepPaper", /留存纸质|存留纸质/],
  ["sharing", /信息共享/],
];

/**
 * Materials of a 材料列表 table (header row + rows): columns located by header name,
 * 场景 carried down over empty continuation cells.
 */
export function materialsFromTable(rows: string[][], idPrefix = "m"): Material[] {
  if (rows.length < 2) return [];
  const header = rows[0].map((cell) => cell.replace(/\s+/g, ""));
  const column = new Map<string, number>();
  MATERIAL_COLUMNS.forEach(([key, pattern]) => {
    const index = header.findIndex((cell) => pattern.test(cell));
    if (index >= 0) column.set(key, index);
  });
  const cell = (row: string[], key: string) => {
    const index = column.get(key);
    return index === undefined ? "" : cleanText(row[index] ?? "");
  };
  const materials: Material[] = [];
  let scenario: string | null = null;
  for (const row of rows.slice(1)) {
    const name = cell(row, "name");
    if (column.has("scenario") && cell(row, "scenario") !== "") scenario = cell(row, "scenario");
    if (name === "") continue;
    const copiesText = cell(row, "copies");
    const copies = /^\d+$/.test(copiesText) ? Number(copiesText) : /无需/.test(copiesText) ? 0 : null;
    const material = materialFromRow({ id: `${idPrefix}${materials.length + 1}`, name, copies, scenario }, (key) => cell(row, key));
    if (copies === null && copiesText !== "") material.note = `份数：${copiesText}`;
    if (copies === 0) material.note = copiesText;
    materials.push(material);
  }
  return materials;
}

/** Length of the longest common subsequence of two strings. */
function commonSubsequence(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const char of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = char === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}

/** How alike a material name and a form title are (0–1): containment → 1, else LCS / longer length. */
export function nameSimilarity(name: string, title: string): number {
  if (sameForm(name, title)) return 1;
  const compact = (text: string) => formKey(text).replace(/[（）]/g, "").replace(/模板$/, "");
  const a = compact(name);
  const b = compact(title);
  if (a === "" || b === "") return 0;
  if (a === b || b.includes(a) || (a.includes(b) && b.length >= 4)) return 1;
  return commonSubsequence(a, b) / Math.max(a.length, b.length);
}

/**
 * Links each material to the form it is filled from: A's sameForm (equal / contained names),
 * else a form at least `threshold` alike (创业培训结班申请审批表 ↔ 创业培训结业班申请审批表).
 */
export function linkMaterialsToForms(materials: Material[], forms: { id: string; title: string }[], threshold = 0.8): void {
  for (const material of materials) {
    let best: { id: string; score: number } | null = null;
    for (const form of forms) {
      const score = nameSimilarity(material.name, form.title);
      if (score >= threshold && (!best || score > best.score)) best = { id: form.id, score };
    }
    if (best) material.formId = best.id;
  }
}

/** Materials for the applicant's forms no material names yet (a 回执单 the text asks to return). */
export function materialsForUnlinkedForms(materials: Material[], forms: { id: string; title: string }[]): Material[] {
  const linked = new Set(materials.map((material) => material.formId));
  return forms
    .filter((form) => !linked.has(form.id))
    .map((form, i) => ({
      id: `m${materials.length + i + 1}`,
      name: form.title,
      source: "申请人填写",
      kind: "原件",
      copies: null,
      medium: null,
      required: true,
      keepPaper: null,
      obtainableBySharing: null,
      scenario: null,
      formId: form.id,
    }));
}

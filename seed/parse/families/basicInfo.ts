/**
 * Family `basicInfo` (seq 74–78): 工伤认定 / 劳动能力鉴定 guides. `一、基本信息` holds an intro
 * paragraph and `（一）事项类型 …` fields; then 受理条件 · 法定依据|设定依据 · 申请方式 · 申请材料 ·
 * 流程 (picture). 工伤认定 (74) adds 申请时限 and the procedure sections 申请受理 · 调查核实 ·
 * 时限中止、恢复 · 作出决定 · 文书送达, which become its flow. No tables, no forms.
 */
import type { Guide, Material } from "@/runtime/definition/schema";
import type { FamilyParser, ItemText, SourceLine, Unextracted } from "../types";
import { emptyGuide } from "@/runtime/definition/blankParts";
import { PartRanges } from "../assemble";
import { serviceCode } from "../categories";
import { parseAudience, parseCaseType } from "../guideFields";
import { type Section, chineseParenSubsections, sectionRange, sectionsByKey } from "../text/headings";
import { cleanText } from "../text/markup";
import { listItemsOf, paragraphsOf, textOf } from "../text/sectionText";
import { trimPunctuation } from "../text/sentences";
import { addNote, addSectionNote, addUnnamedSectionNotes, caseTypeFromLimits, feeOf, findUrls, parseLevels } from "./minorGuide";
import { legalBasisOf } from "./minorLegalBasis";
import { materialFromText } from "./minorMaterials";
import { singleServiceResult, unextracted } from "./minorService";
import { findLimitExpressions, parseTimeLimits } from "../limits";
import { buildFlow, minimalFlow, slaFromLimit, type StepSpec } from "@/seed/flow/build";

const VOCABULARY = {
  basicInfo: /^基本信息$/,
  conditions: /^受理条件$/,
  legalBasis: /依据$/,
  applyDeadline: /^申请时限$/,
  applyMethod: /^申请方式$/,
  materials: /^申请材料$/,
  acceptance: /^申请受理$/,
  investigation: /^调查核实$/,
  suspension: /中止/,
  decision: /^作出决定$/,
  delivery: /^文书送达$/,
  flowchart: /流程/,
};

/** The `（一）name` fields of 基本信息 → guide fields; unknown fields become notes. */
function applyBasicFields(guide: Guide, body: SourceLine[], parts: PartRanges): void {
  const { preamble, subsections } = chineseParenSubsections(body);
  guide.description = textOf(preamble) || undefined;
  parts.add("guide.description", preamble.filter((line) => line.text.trim() !== ""));
  for (const field of subsections) {
    const text = textOf(field.body);
    const lines = [{ no: field.line }, ...field.body.filter((line) => line.text.trim() !== "")];
    const name = field.name.replace(/[（(].*$/, "");
    if (/^行使层级/.test(name)) {
      guide.levels = parseLevels(text);
      parts.add("guide.levels", lines);
    } else if (/^服务对象/.test(name)) {
      guide.audience = parseAudience(text);
      parts.add("guide.audience", lines);
    } else if (/^办件类型/.test(name)) {
      guide.caseType = parseCaseType(text);
      parts.add("guide.caseType", lines);
    } else if (/^法定办结时限/.test(name)) {
      guide.legalLimit = limitsPerSentence(text);
      parts.add("guide.legalLimit", lines);
    } else if (/^承诺办结时限/.test(name)) {
      guide.promisedLimit = limitsPerSentence(text);
      parts.add("guide.promisedLimit", lines);
    } else if (/^办理形式/.test(name)) {
      guide.channels = listItemsOf(field.body).map((entry) => trimPunctuation(entry.text));
      parts.add("guide.channels", lines);
    } else if (/^网办地址/.test(name)) {
      guide.onlineAddress = findUrls(field.body.map((line) => line.text).join(""))[0] ?? (trimPunctuation(text) || null);
      parts.add("guide.onlineAddress", lines);
    } else if (/^收费/.test(name)) {
      guide.fee = feeOfFields(field.body);
      parts.add("guide.fee", lines);
    } else {
      addNote(guide, field.name, text);
      parts.add(`guide.notes.${field.name}`, lines);
    }
  }
  if (guide.levels.length === 0) {
    const subject = subsections.find((field) => /^实施主体/.test(field.name));
    if (subject) guide.levels = parseLevels(textOf(subject.body));
  }
}

/** `1.是否收费：是。2.收费标准：200 元/人。3.收费依据：…` → { text, free }. */
function feeOfFields(body: SourceLine[]): Guide["fee"] {
  const entries = listItemsOf(body).map((entry) => trimPunctuation(entry.text));
  const text = entries.join("；");
  const charged = entries.find((entry) => /^是否收费/.test(entry));
  if (charged) return { text, free: /[：:]\s*否/.test(charged) };
  return feeOf(text);
}

/** One limit per sentence: `…60 日内…；…15 日内…` → two limits (each with its own sentence). */
export function limitsPerSentence(text: string) {
  return cleanText(text)
    .split(/[；;。]/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== "")
    .flatMap((sentence) => parseTimeLimits(sentence));
}

/** 工伤认定's procedure sections → steps (申请受理 → 调查核实 → 作出决定 → 文书送达), 中止/恢复 → pausable. */
function procedureSteps(byKey: Map<string, Section>, parts: PartRanges): StepSpec[] {
  const pausable = byKey.has("suspension");
  const step = (key: string, label: string, extra: (text: string) => Partial<StepSpec>): StepSpec | null => {
    const section = byKey.get(key);
    if (!section) return null;
    const text = textOf(section.body);
    const [first] = findLimitExpressions(text);
    parts.add("flow", sectionRange(section));
    return {
      label,
      role: "caseworker",
      sla: first ? slaFromLimit(first) : null,
      checkpoints: listItemsOf(section.body).map((entry) => entry.text),
      source: sectionRange(section),
      ...extra(text),
    };
  };
  const steps = [
    step("acceptance", "申请受理", (text) => ({ correction: /一次性告知|补正/.test(text), refuse: /不予受理/.test(text) })),
    step("investigation", "调查核实", () => ({ pausable })),
    // 认定工伤 and 不予认定工伤 are both decisions that still have to be served (文书送达)
    step("decision", "作出决定", () => ({ pausable })),
    step("delivery", "文书送达", () => ({})),
  ].filter((entry): entry is StepSpec => entry !== null);
  if (pausable) parts.add("flow", sectionRange(byKey.get("suspension")!));
  return steps;
}

export const parse: FamilyParser = (item: ItemText) => {
  const seq = item.entry.seq;
  const code = serviceCode(seq);
  const parts = new PartRanges();
  const guide = emptyGuide();
  const unextractedParts: Unextracted[] = [];
  const { byKey, sections } = sectionsByKey(item.lines.slice(1), VOCABULARY);

  const basic = byKey.get("basicInfo");
  if (basic) applyBasicFields(guide, basic.body, parts);

  const conditions = byKey.get("conditions");
  if (conditions) {
    guide.conditions = paragraphsOf(conditions.body).map((paragraph) => paragraph.text);
    parts.add("guide.conditions", sectionRange(conditions));
  }
  const legal = byKey.get("legalBasis");
  if (legal) {
    guide.legalBasis = legalBasisOf(paragraphsOf(legal.body));
    parts.add("guide.legalBasis", sectionRange(legal));
  }
  const deadline = byKey.get("applyDeadline");
  if (deadline) addSectionNote(guide, parts, deadline);
  const method = byKey.get("applyMethod");
  if (method) addSectionNote(guide, parts, method);
  if (guide.caseType === null) guide.caseType = caseTypeFromLimits(guide.promisedLimit);

  const materials: Material[] = [];
  const materialSection = byKey.get("materials");
  if (materialSection) {
    for (const entry of listItemsOf(materialSection.body)) materials.push(materialFromText(`m${materials.length + 1}`, entry.text));
    parts.add("materials", sectionRange(materialSection));
  }

  const steps = procedureSteps(byKey, parts);
  const flow = steps.length > 0 ? buildFlow(steps, { derivation: "text" }) : minimalFlow();
  const chart = byKey.get("flowchart");
  if (chart) unextractedParts.push(unextracted(`${chart.name}（图片，正文中缺失）`, chart.line, sectionRange(chart).last));
  addUnnamedSectionNotes(guide, parts, sections);

  return singleServiceResult(item, { code, guide, materials, flow, parts }, unextractedParts);
};

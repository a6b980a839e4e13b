/**
 * Family `projectName` (seq 136–138), recognised by `一、项目名称`:
 * - 136 公共就业创业服务标准 repeats 135 (一次性创业补贴申领) word for word → attached to 135
 *   as a `duplicate` appendix, no service of its own;
 * - 137 企业职工补贴性职业技能培训申请: 事项描述 · 受理条件 · 政策设定依据 · 申报材料 (场景 table) ·
 *   办事流程 (（一）…（三）) · 办理时限 + `附件` with two forms;
 * - 138 技工院校毕业证书查询、核验: … · 申请材料列表 (table) · 流程图 (picture) · 办理环节
 *   (`申请查询—结果反馈。`); the 线上/线下查询核验 procedure sits under 政策设定依据 without a heading.
 */
import type { ServiceDefinition } from "@/runtime/definition/schema";
import type { FamilyParser, ItemText, ParseResult, SourceLine, Unextracted } from "../types";
import { emptyGuide } from "@/runtime/definition/blankParts";
import { PartRanges, itemTitle } from "../assemble";
import { serviceCode } from "../categories";
import { type Section, sectionRange, sectionsByKey } from "../text/headings";
import { parseListMarker } from "../text/lists";
import { cleanText } from "../text/markup";
import { listItemsOf, paragraphsOf, textOf } from "../text/sectionText";
import { trimPunctuation } from "../text/sentences";
import { findTables } from "../text/tables";
import { withApplicantStep } from "./branchedFlow";
import { addNote, addUnnamedSectionNotes, caseTypeFromLimits, statedLimits } from "./minorGuide";
import { legalBasisOf } from "./minorLegalBasis";
import { linkMaterialsToForms, materialsFromTable } from "./minorMaterials";
import { appendixOf, singleServiceResult, unextracted } from "./minorService";
import { buildFlow, minimalFlow, type StepSpec } from "@/seed/flow/build";
import { attachmentBlocks, formOf, isAttachmentMarker, splitByTitles, isTemplateTitle } from "./minorForms";
import { stagesOf } from "./stagedLimits";
import { dashChain, isApplicantStep, sentenceLabel, stepOf, withStageLimits } from "./procedureSteps";

/** 136 repeats this item. */
export const DUPLICATE_TARGET_SEQ = 135;

const VOCABULARY = {
  name: /^项目名称$/,
  description: /^事项描述$/,
  conditions: /^受理条件$/,
  legalBasis: /依据$/,
  materials: /^(申报材料|申请材料列表|申请材料)$/,
  process: /^(办事流程|办理环节)$/,
  flowchart: /^流程图$/,
  limit: /^办理时限$/,
};

/** Step labels no longer than this; longer first clauses are cut (the full text stays a checkpoint). */
const MAX_LABEL = 16;

function shortLabel(text: string): string {
  const clause = sentenceLabel(text).replace(/^(企业或培训机构|申请人|申请单位)/, "");
  return [...clause].length > MAX_LABEL ? `${[...clause].slice(0, MAX_LABEL).join("")}…` : clause;
}

/** Steps of 办事流程 (`（一）企业或培训机构提出开班申请。` …) or of a dash chain (`申请查询—结果反馈。`). */
export function stepsOf(section: Section): StepSpec[] {
  const entries = listItemsOf(section.body);
  const source = sectionRange(section);
  const chain = entries.length === 1 ? dashChain(entries[0].text) : null;
  if (chain) return chain.map((link) => ({ ...stepOf(link, "", source), role: isApplicantStep(link) ? "applicant" : "caseworker" }));
  return entries.map((entry) => {
    const label = shortLabel(entry.text);
    const step = stepOf(label, entry.text, { first: entry.first, last: entry.last });
    return /^提出.*申请/.test(label) ? { ...step, role: "applicant" } : step;
  });
}

/**
 * 138's 政策设定依据 also holds the 查询核验 procedure (`1.线上查询核验` `(1)…` `2.线下查询核验` …):
 * the citations are the paragraphs before the first numbered paragraph without a `《`.
 */
function splitPolicy(lines: SourceLine[]): { citations: SourceLine[]; procedure: SourceLine[] } {
  const start = lines.find((line) => {
    const marker = parseListMarker(cleanText(line.text));
    return marker?.kind === "numberDot" && !/《/.test(line.text);
  });
  if (!start) return { citations: lines, procedure: [] };
  return { citations: lines.filter((line) => line.no < start.no), procedure: lines.filter((line) => line.no >= start.no) };
}

/** `1.线上查询核验` + `(1)…(2)…` → channel names and one operation note per channel. */
function channelProcedures(lines: SourceLine[]) {
  const notes: { step: string; notes: string[] }[] = [];
  for (const entry of listItemsOf(lines)) {
    const marker = parseListMarker(entry.text);
    if (entry.marker && /^\d/.test(entry.marker) && !/^[（(]/.test(entry.marker)) notes.push({ step: trimPunctuation(entry.text), notes: [] });
    else if (notes.length > 0) notes[notes.length - 1].notes.push(marker ? marker.rest : entry.text);
  }
  return notes;
}

function parseService(item: ItemText): ParseResult {
  const code = serviceCode(item.entry.seq);
  const parts = new PartRanges();
  const guide = emptyGuide();
  const unextractedParts: Unextracted[] = [];
  const body = item.lines.slice(1);
  const attachmentAt = body.find((line) => isAttachmentMarker(line.text))?.no ?? Infinity;
  const { byKey, sections } = sectionsByKey(body.filter((line) => line.no < attachmentAt), VOCABULARY);
  const mark = (key: string, part: string) => byKey.has(key) && parts.add(part, sectionRange(byKey.get(key)!));

  guide.description = byKey.has("description") ? textOf(byKey.get("description")!.body) : undefined;
  mark("description", "guide.description");
  if (byKey.has("conditions")) guide.conditions = paragraphsOf(byKey.get("conditions")!.body).map((paragraph) => paragraph.text);
  mark("conditions", "guide.conditions");
  const policy = byKey.get("legalBasis");
  if (policy) {
    const { citations, procedure } = splitPolicy(policy.body);
    guide.legalBasis = legalBasisOf(paragraphsOf(citations));
    parts.add("guide.legalBasis", { first: policy.line, last: sectionRange({ ...policy, body: citations }).last });
    if (procedure.length > 0) {
      guide.operationNotes = channelProcedures(procedure);
      guide.channels = guide.operationNotes.map((note) => note.step);
      parts.add("guide.channels", procedure.filter((line) => line.text.trim() !== ""));
      parts.add("guide.operationNotes", procedure.filter((line) => line.text.trim() !== ""));
    }
  }
  const name = byKey.get("name");
  if (name) addNote(guide, name.name, textOf(name.body));

  const materialSection = byKey.get("materials");
  const table = materialSection ? findTables(materialSection.body)[0] : undefined;
  const materials = table ? materialsFromTable(table.rows) : [];
  if (materialSection) parts.add("materials", sectionRange(materialSection));
  guide.audience = [...new Set(materials.map((material) => material.scenario).filter((scenario): scenario is string => !!scenario))];

  const limitSection = byKey.get("limit");
  const limitText = limitSection ? textOf(limitSection.body) : "";
  guide.promisedLimit = statedLimits(limitText);
  mark("limit", "guide.promisedLimit");
  guide.caseType = caseTypeFromLimits(guide.promisedLimit);

  const forms: ServiceDefinition["forms"] = [];
  if (attachmentAt !== Infinity) {
    for (const { block } of attachmentBlocks(item, attachmentAt, code)) {
      for (const part of splitByTitles(block, isTemplateTitle)) {
        const form = formOf({ ...part, id: `${code}-form-${forms.length + 1}` });
        forms.push(form);
        if (form.source) parts.add(`forms.${form.id}`, form.source);
      }
    }
  }
  linkMaterialsToForms(materials, forms);

  const process = byKey.get("process");
  const steps = process ? withStageLimits(stepsOf(process), stagesOf(limitText)) : [];
  const formIds = forms.map((form) => form.id);
  const flow = steps.length > 0 ? buildFlow(withApplicantStep(steps, formIds), { derivation: "text" }) : minimalFlow();
  mark("process", "flow");
  const chart = byKey.get("flowchart");
  if (chart) unextractedParts.push(unextracted("流程图（图片，正文中缺失）", chart.line, sectionRange(chart).last));
  addUnnamedSectionNotes(guide, parts, sections);

  return singleServiceResult(item, { code, guide, materials, forms, flow, parts }, unextractedParts);
}

/** 136: the repeated 一次性创业补贴申领 → a `duplicate` appendix of 135. */
function parseDuplicate(item: ItemText): ParseResult {
  const body = item.lines.slice(1);
  const projectName = textOf(sectionsByKey(body, VOCABULARY).byKey.get("name")?.body ?? []);
  const appendix = appendixOf("duplicate", `${itemTitle(item)}（${trimPunctuation(projectName) || "重复条目"}）`, body);
  return {
    services: [],
    attachments: [{ targetSeq: DUPLICATE_TARGET_SEQ, targetCode: serviceCode(DUPLICATE_TARGET_SEQ), appendix }],
    unextracted: [],
  };
}

export const parse: FamilyParser = (item: ItemText) =>
  /重复|repeats/.test(item.entry.note) || item.entry.seq === 136 ? parseDuplicate(item) : parseService(item);

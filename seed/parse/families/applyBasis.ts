/**
 * Family `applyBasis` (seq 103–109, 111, 135): 就业创业 short guides — 一、适用依据 · 申报材料 |
 * 申请材料 | 申报材料及办理流程 · 申请范围（对象）| 补贴人员范围 | 服务对象 · [受理条件] · 办事流程 |
 * 办理流程 · 表单内容 (“见附件 1、2。”) · 办理时限 | 审结时限 · [办理形式 · 办理途径 · 经办操作要点],
 * then `附件 N` + the reproduced forms. Steps come from labelled items (`（1）个人贷款申请：…`),
 * dash chains (103: two chains → two procedures) or, for prose procedures, from the staged
 * limits of 办理时限 (审核 → 公示 → 拨付).
 */
import type { Material, ServiceDefinition } from "@/runtime/definition/schema";
import type { FamilyParser, ItemText, SourceLine, Unextracted } from "../types";
import { emptyGuide } from "@/runtime/definition/blankParts";
import { PartRanges } from "../assemble";
import { serviceCode } from "../categories";
import { parseAudience } from "../guideFields";
import { type Section, chineseParenSubsections, sectionRange, sectionsByKey } from "../text/headings";
import { cleanText } from "../text/markup";
import { entriesOf, listItemsOf, paragraphsOf, textOf } from "../text/sectionText";
import { splitTopLevel, trimPunctuation } from "../text/sentences";
import { buildBranchedFlow, withApplicantStep, type FlowBranch } from "./branchedFlow";
import { addNote, caseTypeFromLimits, channelsOf, conditionsOf, statedLimits } from "./minorGuide";
import { legalBasisOf } from "./minorLegalBasis";
import { linkMaterialsToForms, materialFromText } from "./minorMaterials";
import { singleServiceResult, unextracted } from "./minorService";
import { buildFlow, minimalFlow, type StepSpec } from "@/seed/flow/build";
import { attachmentBlocks, formOf, isAttachmentMarker } from "./minorForms";
import { stagesOf, stepsFromStages } from "./stagedLimits";
import { dashChain, isApplicantStep, labelledEntry, stepOf, withStageLimits } from "./procedureSteps";

const VOCABULARY = {
  legalBasis: /^适用依据$/,
  materialsAndProcess: /^申报材料及办理流程$/,
  materials: /^(申报材料|申请材料)$/,
  scope: /^(申请范围|补贴人员范围)/,
  audience: /^服务对象$/,
  conditions: /^受理条件$/,
  process: /^(办事流程|办理流程)$/,
  formsNote: /^表单内容$/,
  limit: /^(办理时限|审结时限)$/,
  channels: /^(办理形式|办理途径)$/,
  operation: /^经办操作要点$/,
};

/** Trailing form references of a material name: `…审核表》附件 1`, `…花名册见附件 2`. */
function withoutAttachmentRef(text: string): string {
  return text.replace(/\s*见?附件\s*[0-9、，,.]*\s*$/, "");
}

/**
 * Materials of 申报材料: `求职者提供：a、b` → one per item with scenario 求职者; `只需个人提供个人信息`;
 * `无需任何材料` → none; otherwise one per entry. An unmarked closing paragraph (`需提交以上资料的
 * 原件及复印件…一式三份`) applies to all materials.
 */
export function materialsOf(lines: SourceLine[]): { materials: Material[]; note: string | null } {
  const materials: Material[] = [];
  let note: string | null = null;
  const add = (text: string, scenario: string | null) =>
    materials.push(materialFromText(`m${materials.length + 1}`, withoutAttachmentRef(trimPunctuation(text)), { scenario }));
  for (const entry of entriesOf(lines)) {
    const text = trimPunctuation(entry.text);
    if (/无需任何材料/.test(text)) {
      note = text;
      continue;
    }
    const byParty = /^(.{2,8}?)提供[：:](.+)$/.exec(text);
    const only = /^只需(.{1,6}?)提供(.+?)[，,。]/.exec(entry.text);
    if (byParty) {
      for (const part of splitTopLevel(byParty[2], "、")) add(part, byParty[1]);
    } else if (only) {
      add(only[2], only[1]);
      note = entry.text;
    } else if (entry.marker === null && /以上|一式/.test(text) && materials.length > 0) {
      note = text;
    } else {
      add(text, null);
    }
  }
  if (note && /以上/.test(note)) {
    const copies = /一式([一二三四五两\d])份/.exec(note);
    for (const material of materials) {
      if (/原件及复印件|原件和复印件/.test(note)) material.kind = "原件和复印件";
      if (copies) material.copies = /\d/.test(copies[1]) ? Number(copies[1]) : "一二三四五".indexOf(copies[1]) + 1 || 2;
      if (/电子版/.test(note)) material.medium = "纸质和电子";
      material.note = material.note ? `${material.note}；${note}` : note;
    }
  }
  return { materials, note };
}

/**
 * The procedures a 办事流程 section states: dash chains (one branch per chain, labelled by
 * the text before `：`), labelled steps (`（1）X：…` / `（一）X` headings) or none.
 */
export function proceduresOf(lines: SourceLine[]): FlowBranch[] {
  const entries = entriesOf(lines);
  const chains = entries
    .map((entry) => {
      const labelled = labelledEntry(entry.text);
      const chain = dashChain(labelled ? labelled.text : entry.text);
      return chain ? { label: labelled?.label ?? "申请", chain, entry } : null;
    })
    .filter((chain) => chain !== null);
  if (chains.length > 0) {
    return chains.map(({ label, chain, entry }) => ({
      label,
      steps: chain.map((link, i) => {
        const name = link.replace(/（.*）$/, "");
        const step = stepOf(name, link === name ? "" : link, { first: entry.first, last: entry.last });
        return i === 0 && isApplicantStep(name, link) ? { ...step, role: "applicant" as const } : step;
      }),
    }));
  }
  const { subsections } = chineseParenSubsections(lines, 10);
  if (subsections.length >= 2 && subsections.every((sub) => !/[：:]/.test(sub.name))) {
    return [
      {
        label: "申请",
        steps: subsections.map((sub) => stepOf(sub.name, textOf(sub.body), { first: sub.line, last: sectionEnd(sub) })),
      },
    ];
  }
  const labelled = entries.map((entry) => ({ entry, labelled: labelledEntry(entry.text) }));
  if (labelled.length >= 2 && labelled.every((candidate) => candidate.labelled !== null)) {
    return [
      {
        label: "申请",
        steps: labelled.map(({ entry, labelled: step }) => stepOf(step!.label, step!.text, { first: entry.first, last: entry.last })),
      },
    ];
  }
  return [];
}

function sectionEnd(sub: { line: number; body: SourceLine[] }): number {
  const last = [...sub.body].reverse().find((line) => line.text.trim() !== "");
  return last?.no ?? sub.line;
}

/** 经办操作要点: one operation note per `（一）…` block (or one block). */
function operationNotesOf(section: Section) {
  const { preamble, subsections } = chineseParenSubsections(section.body, 16);
  const notes = subsections.map((sub) => ({ step: sub.name, notes: listItemsOf(sub.body).map((entry) => entry.text) }));
  const loose = listItemsOf(preamble).map((entry) => entry.text);
  if (loose.length > 0) notes.unshift({ step: section.name, notes: loose });
  return notes;
}

/** Splits the item body where the reproduced forms begin (the first `附件` marker of the last section). */
function cutAttachments(lines: SourceLine[], sections: Section[]): number | null {
  const last = sections[sections.length - 1];
  if (!last) return null;
  const marker = last.body.find((line) => isAttachmentMarker(line.text));
  return marker ? marker.no : null;
}

export const parse: FamilyParser = (item: ItemText) => {
  const code = serviceCode(item.entry.seq);
  const parts = new PartRanges();
  const guide = emptyGuide();
  const unextractedParts: Unextracted[] = [];
  const body = item.lines.slice(1);
  const firstPass = sectionsByKey(body, VOCABULARY);
  const attachmentsFrom = cutAttachments(body, firstPass.sections);
  const { byKey, sections } = attachmentsFrom === null ? firstPass : sectionsByKey(body.filter((line) => line.no < attachmentsFrom), VOCABULARY);
  const mark = (key: string, part: string) => byKey.has(key) && parts.add(part, sectionRange(byKey.get(key)!));

  const legal = byKey.get("legalBasis");
  if (legal) guide.legalBasis = legalBasisOf(paragraphsOf(legal.body));
  mark("legalBasis", "guide.legalBasis");
  if (byKey.has("scope")) guide.conditions.push(...conditionsOf(byKey.get("scope")!.body));
  mark("scope", "guide.conditions");
  if (byKey.has("conditions")) guide.conditions.push(...conditionsOf(byKey.get("conditions")!.body));
  mark("conditions", "guide.conditions");
  if (byKey.has("audience")) guide.audience = parseAudience(textOf(byKey.get("audience")!.body));
  mark("audience", "guide.audience");
  for (const section of sections.filter((candidate) => candidate.key === "channels")) {
    guide.channels.push(...channelsOf(section.body));
    parts.add("guide.channels", sectionRange(section));
  }
  const operation = byKey.get("operation");
  if (operation) guide.operationNotes = operationNotesOf(operation);
  mark("operation", "guide.operationNotes");

  // materials (135: 申报材料及办理流程 holds the materials; its steps repeat under 四、办理流程)
  const materialSection = byKey.get("materials") ?? byKey.get("materialsAndProcess");
  const { materials, note: materialNote } = materialSection ? materialsOf(materialSection.body) : { materials: [], note: null };
  if (materialSection) parts.add("materials", sectionRange(materialSection));
  if (materialNote && materials.length === 0) addNote(guide, materialSection!.name, materialNote);
  guide.audience = guide.audience.length > 0 ? guide.audience : [...new Set(materials.map((m) => m.scenario).filter((s): s is string => !!s))];

  // time limits
  const limitSection = byKey.get("limit");
  const limitText = limitSection ? textOf(limitSection.body) : "";
  if (limitSection) {
    guide.promisedLimit = statedLimits(limitText);
    parts.add("guide.promisedLimit", sectionRange(limitSection));
    if (guide.promisedLimit.length > 1) addNote(guide, limitSection.name, limitText);
  }
  guide.caseType = caseTypeFromLimits(guide.promisedLimit);

  // forms
  const forms: ServiceDefinition["forms"] = [];
  if (attachmentsFrom !== null) {
    for (const { block } of attachmentBlocks(item, attachmentsFrom, code)) {
      const form = formOf(block);
      forms.push(form);
      if (form.source) parts.add(`forms.${form.id}`, form.source);
    }
  }
  linkMaterialsToForms(materials, forms);
  const formsNote = byKey.get("formsNote");
  if (formsNote) {
    addNote(guide, formsNote.name, textOf(formsNote.body) || "见附件。");
    parts.add(`guide.notes.${formsNote.name}`, sectionRange(formsNote));
    const declared = materials.filter((material) => /(表|花名册|简章)$/.test(material.name) && material.formId === null);
    for (const material of declared) {
      const range = sectionRange(formsNote);
      unextractedParts.push(unextracted(`表单「${material.name}」在正文中引用但未附`, range.first, range.last));
    }
  }

  // flow
  const process = byKey.get("process");
  const stages = stagesOf(limitText);
  const branches = process ? proceduresOf(process.body) : [];
  const formIds = forms.map((form) => form.id);
  let flow;
  if (branches.length > 1) {
    flow = buildBranchedFlow(branches, "text", formIds);
  } else if (branches.length === 1) {
    flow = buildFlow(withApplicantStep(withStageLimits(branches[0].steps, stages), formIds), { derivation: "text" });
  } else if (stages.length > 0) {
    const steps: StepSpec[] = stepsFromStages(stages, limitSection ? sectionRange(limitSection) : undefined);
    const processText = process ? textOf(process.body) : "";
    if (process && steps.length > 0) {
      const review = steps.find((step) => step.role !== "applicant")!;
      review.checkpoints = [...listItemsOf(process.body).map((entry) => entry.text), ...(review.checkpoints ?? [])];
      if (/不通过|不予受理|不符合/.test(processText)) review.refuse = true;
      if (/一次性告知/.test(processText)) review.correction = true;
    }
    flow = buildFlow(withApplicantStep(steps, formIds), { derivation: "text" });
  } else {
    flow = formIds.length > 0 ? buildFlow(withApplicantStep([{ label: "受理" }, { label: "办结" }], formIds), { derivation: "minimal" }) : minimalFlow();
  }
  if (flow.derivation === "text") {
    if (process) parts.add("flow", sectionRange(process));
    if (limitSection && stages.length > 0) parts.add("flow", sectionRange(limitSection));
  }

  const summary = cleanText(guide.conditions[0] ?? "").slice(0, 120) || undefined;
  return singleServiceResult(item, { code, summary, guide, materials, forms, flow, parts }, unextractedParts);
};

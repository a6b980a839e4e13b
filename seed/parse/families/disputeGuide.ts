/**
 * Family `disputeGuide` (seq 141, 143), recognised by `一、申请主体`:
 * - 141 劳动人事争议仲裁申请流程指南: 申请主体 (intro + `（一）…（三）` citations) · 管辖区域 · 申请流程
 *   (（一）申请人申请 → materials for 劳动者 / 用人单位; （二）仲裁机构出具收件回执; （三）申请人领取受理
 *   结果 → 1.受理 / 2.不予受理, each with `（2）依据`) · 注意事项; then a truncated 仲裁申请书 template,
 *   `《仲裁申请书》说明` (restarting 一、二、三) and a flowchart caption.
 * - 143 劳动人事争议调解申请流程指南: 申请主体 · 申请流程 ((一)申请调解 (二)调解组织审查是否受理
 *   (三)申请人领取受理结果, each with `1. 申请人 2. 调解组织 3. 依据`) + `附件` flowchart.
 * The `申请流程` blocks are the flow steps; 不予受理 is the refusal branch.
 */
import type { Material, ServiceDefinition } from "@/runtime/definition/schema";
import type { Appendix, FamilyParser, ItemText, SourceLine, Unextracted } from "../types";
import { emptyGuide } from "@/runtime/definition/blankParts";
import { PartRanges } from "../assemble";
import { serviceCode } from "../categories";
import { chineseParenSubsections, sectionRange, sectionsByKey } from "../text/headings";
import { parseListMarker } from "../text/lists";
import { cleanText } from "../text/markup";
import { type Paragraph } from "../text/paragraphs";
import { listItemsOf, paragraphsOf } from "../text/sectionText";
import { trimPunctuation } from "../text/sentences";
import { addNote, addSectionNote, addUnnamedSectionNotes, feeOf } from "./minorGuide";
import { legalBasisOfGroups } from "./minorLegalBasis";
import { linkMaterialsToForms, materialFromText } from "./minorMaterials";
import { appendixOf, singleServiceResult, unextracted } from "./minorService";
import { findLimitExpressions } from "../limits";
import { buildFlow, slaFromLimit, type StepSpec } from "@/seed/flow/build";
import { blockOf, formOf } from "./minorForms";
import { isApplicantStep } from "./procedureSteps";

const VOCABULARY = {
  subject: /^申请主体$/,
  jurisdiction: /^管辖区域$/,
  process: /^申请流程$/,
  notes: /^注意事项$/,
};

/** A `1. 申请人` / `2.不予受理` / `（2）依据` sub-heading inside a procedure block (short, no stop). */
function subHeading(text: string): string | null {
  const marker = parseListMarker(cleanText(text));
  if (!marker || !["numberDot", "numberParen"].includes(marker.kind)) return null;
  const name = marker.rest.replace(/\s+/g, "");
  return name !== "" && [...name].length <= 16 && !/[。；，：]/.test(name) ? name : null;
}

interface Block {
  name: string;
  line: number;
  body: SourceLine[];
}

/** Splits a block body at its numbered sub-headings. */
function subBlocks(lines: SourceLine[]): { preamble: SourceLine[]; blocks: Block[] } {
  const preamble: SourceLine[] = [];
  const blocks: Block[] = [];
  for (const line of lines) {
    const name = subHeading(line.text);
    if (name) blocks.push({ name, line: line.no, body: [] });
    else if (blocks.length > 0) blocks[blocks.length - 1].body.push(line);
    else preamble.push(line);
  }
  return { preamble, blocks };
}

/** A 依据 block's citations: each paragraph naming a `《document》` starts one; others continue it. */
function citationGroups(paragraphs: Paragraph[]): Paragraph[][] {
  const groups: Paragraph[][] = [];
  for (const paragraph of paragraphs) {
    if (/^[\d（(一二三四五六七八九十.、）)\s]*《/.test(paragraph.text) || groups.length === 0) groups.push([paragraph]);
    else groups[groups.length - 1].push(paragraph);
  }
  return groups;
}

/** `申请人系劳动者需提交的材料` + `(1)…` items → materials of scenario 劳动者. */
function materialsOfBlock(block: Block, startId: number): Material[] {
  const scenario = /系(.+?)需提交/.exec(block.name)?.[1] ?? null;
  return listItemsOf(block.body).map((entry, i) => materialFromText(`m${startId + i}`, entry.text, { scenario }));
}

interface ProcedureStep {
  step: StepSpec;
  /** Each 依据 block separately (a block's paragraphs continue one citation). */
  citations: Paragraph[][];
  materials: Material[];
}

/** One flow step per `（一）…` block of 申请流程, with its checkpoints, branches, citations and materials. */
export function procedureOf(lines: SourceLine[]): ProcedureStep[] {
  const result: ProcedureStep[] = [];
  let materialCount = 0;
  for (const sub of chineseParenSubsections(lines).subsections) {
    const { preamble, blocks } = subBlocks(sub.body);
    const checkpoints: string[] = paragraphsOf(preamble).map((paragraph) => paragraph.text);
    const citations: Paragraph[][] = [];
    const materials: Material[] = [];
    let refuse = false;
    for (const block of blocks) {
      if (/需提交的材料$/.test(block.name)) {
        const found = materialsOfBlock(block, materialCount + 1);
        materialCount += found.length;
        materials.push(...found);
        continue;
      }
      if (/^依据$/.test(block.name)) {
        citations.push(...citationGroups(paragraphsOf(block.body)));
        continue;
      }
      // 受理 / 不予受理 (with a nested `（2）依据`), 申请人 / 调解组织 / 仲裁机构
      const inner = subBlocks(block.body);
      const said = [...paragraphsOf(inner.preamble), ...inner.blocks.filter((b) => !/依据/.test(b.name)).flatMap((b) => paragraphsOf(b.body))];
      checkpoints.push(...said.map((paragraph) => `${block.name}：${paragraph.text.replace(/^[（(]\d+[)）]\s*/, "")}`));
      citations.push(...inner.blocks.filter((b) => /依据/.test(b.name)).flatMap((b) => citationGroups(paragraphsOf(b.body))));
      if (/不予受理/.test(block.name)) refuse = true;
    }
    const label = sub.name;
    const text = checkpoints.join("");
    const [duration] = findLimitExpressions(text);
    const applicant = result.length === 0 && isApplicantStep(label, text);
    result.push({
      step: {
        label,
        role: applicant ? "applicant" : "caseworker",
        refuse: refuse ? "不予受理" : false,
        sla: applicant || !duration ? null : slaFromLimit(duration),
        checkpoints,
        source: { first: sub.line, last: [...sub.body].reverse().find((line) => line.text.trim() !== "")?.no ?? sub.line },
      },
      citations,
      materials,
    });
  }
  return result;
}

/** 141's template: from the first bare `1.` after 注意事项's items to the line before `《仲裁申请书》说明`. */
function templateRange(lines: SourceLine[]): { first: number; last: number; explanation: SourceLine[] } | null {
  const start = lines.find((line) => /^\d+[.．]\s*$/.test(line.text.trim()));
  if (!start) return null;
  const explanationTitle = lines.find((line) => line.no > start.no && /说明$/.test(cleanText(line.text)) && /《/.test(line.text));
  const end = explanationTitle ?? lines.find((line) => line.no > start.no && /流程图$/.test(cleanText(line.text)));
  const last = [...lines].reverse().find((line) => line.no < (end?.no ?? Infinity) && line.text.trim() !== "")!.no;
  const caption = lines.find((line) => line.no > (explanationTitle?.no ?? Infinity) && /流程图$/.test(cleanText(line.text)));
  const explanation = explanationTitle ? lines.filter((line) => line.no >= explanationTitle.no && line.no < (caption?.no ?? Infinity)) : [];
  return { first: start.no, last, explanation };
}

export const parse: FamilyParser = (item: ItemText) => {
  const code = serviceCode(item.entry.seq);
  const parts = new PartRanges();
  const guide = emptyGuide();
  const unextractedParts: Unextracted[] = [];
  const body = item.lines.slice(1);
  const { byKey, sections } = sectionsByKey(body, VOCABULARY);

  // 申请主体: intro → description / audience; （一）… citations → legal basis
  const subject = byKey.get("subject");
  const citations: Paragraph[][] = [];
  if (subject) {
    const paragraphs = paragraphsOf(subject.body);
    const intro = paragraphs.filter((paragraph) => !parseListMarker(paragraph.text));
    guide.description = intro.map((paragraph) => paragraph.text).join("\n") || undefined;
    const parties = /^(.+?)依据/.exec(intro[0]?.text ?? "")?.[1];
    if (parties) guide.audience = parties.split(/和|、|及/).map(trimPunctuation).filter((party) => party !== "");
    citations.push(paragraphs.filter((paragraph) => parseListMarker(paragraph.text)));
    parts.add("guide.description", sectionRange(subject));
    parts.add("guide.audience", sectionRange(subject));
  }
  const jurisdiction = byKey.get("jurisdiction");
  if (jurisdiction) addSectionNote(guide, parts, jurisdiction);

  // 申请流程 → steps, materials, more citations
  const process = byKey.get("process");
  const procedure = process ? procedureOf(process.body.filter((line) => !/^附件\s*$/.test(line.text.trim()))) : [];
  const materials = procedure.flatMap((entry) => entry.materials);
  citations.push(...procedure.flatMap((entry) => entry.citations));
  guide.legalBasis = legalBasisOfGroups(citations);
  if (process) {
    parts.add("flow", sectionRange(process));
    parts.add("guide.legalBasis", sectionRange(process));
    if (materials.length > 0) parts.add("materials", sectionRange(process));
  }
  if (subject) parts.add("guide.legalBasis", sectionRange(subject));

  // 143 states no material list: the application itself (书面 or 口头, recorded by the 调解组织)
  const application = procedure[0]?.step.checkpoints?.find((text) => /调解申请/.test(text));
  if (materials.length === 0 && application) {
    materials.push(materialFromText("m1", "调解申请", { note: application.replace(/^[^：]+：/, ""), required: true }));
  }

  // 注意事项 (141): fee + notes, followed by the template, its explanation and the flowchart caption
  const forms: ServiceDefinition["forms"] = [];
  const appendices: Appendix[] = [];
  const notes = byKey.get("notes");
  const template = notes ? templateRange(notes.body) : null;
  if (notes) {
    const own = notes.body.filter((line) => !template || line.no < template.first);
    for (const entry of listItemsOf(own)) {
      if (/收取费用|收费/.test(entry.text)) guide.fee = feeOf(trimPunctuation(entry.text));
      else addNote(guide, notes.name, entry.text);
    }
    parts.add("guide.fee", rangeOfLines(own));
  }
  if (template) {
    const form = formOf(blockOf(item, `${code}-form-1`, "仲裁申请书", template.first, template.last));
    forms.push(form);
    if (form.source) parts.add(`forms.${form.id}`, form.source);
    unextractedParts.push(unextracted("仲裁申请书模板（标题与当事人信息部分在文档中缺失，仅存“1.–4.”、事实和理由、落款）", template.first, template.last));
    if (template.explanation.length > 0) {
      const title = trimPunctuation(cleanText(template.explanation[0].text));
      appendices.push(appendixOf("template", title, template.explanation.slice(1)));
    }
  }
  linkMaterialsToForms(materials, forms);
  const correctionText = [...(template?.explanation ?? [])].map((line) => line.text).join("");

  const steps = procedure.map((entry) => entry.step);
  const receipt = steps.find((step) => step.role !== "applicant");
  if (receipt && /一次性告知申请人需要补正/.test(correctionText)) receipt.correction = true;
  if (forms.length > 0 && steps[0]?.role === "applicant") steps[0].forms = forms.map((form) => ({ formId: form.id, mode: "edit" as const }));
  placeDecision(steps);
  const flow = buildFlow(steps, { derivation: "text" });

  const caption = item.lines.find((line) => /流程图$/.test(cleanText(line.text)));
  if (caption) unextractedParts.push(unextracted(`${cleanText(caption.text)}（图片，正文中缺失）`, caption.no, caption.no));
  addUnnamedSectionNotes(guide, parts, sections);

  return singleServiceResult(item, { code, guide, materials, forms, flow, appendices, parts }, unextractedParts);
};

/**
 * The 受理 decision is the `…审查是否受理` step if there is one, else the step stating 不予受理:
 * it carries the refusal and the one deadline the text states (141: 5 日, 143: 3 个工作日).
 */
export function placeDecision(steps: StepSpec[]): void {
  const deadline = steps.map((step) => step.sla).find((sla) => sla) ?? null;
  const refusing = steps.find((step) => step.refuse);
  const decision = steps.find((step) => /是否受理/.test(step.label)) ?? refusing ?? steps[steps.length - 1];
  for (const step of steps) step.sla = null;
  if (!decision) return;
  decision.sla = deadline;
  if (refusing && refusing !== decision) {
    decision.refuse = refusing.refuse;
    refusing.refuse = false;
  }
}

function rangeOfLines(lines: SourceLine[]) {
  const text = lines.filter((line) => line.text.trim() !== "");
  return text.length > 0 ? { first: text[0].no, last: text[text.length - 1].no } : null;
}

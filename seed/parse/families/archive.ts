/**
 * Family `archive` (seq 146): 内蒙古自治区流动人员人事档案管理服务标准化流程 — a preface, then titled
 * blocks that each restart at `一、`: six services (档案的接收 · 档案的转递 · 依据档案记载出具相关证明 ·
 * 为符合相关规定的单位提供档案查（借）阅服务 (title split over two lines) · 为相关单位提供政审考察服务 ·
 * 档案材料的收集、鉴别和归档), each with 政策依据 · 受理条件 · 服务对象 · 申请材料 · 办理流程 · 注意事项,
 * and two working-rule blocks (档案的整理和保管 · 日常管理); then 附录 1 流程图 (图 1–6, pictures),
 * 附录 2 业务模板 (模板 1–12, 14 templates), 附录 3 业务表单 (表单 1–4), 附录 4 分类参考表.
 * One service per service block (s146-01 …), the templates/forms attached to the service that
 * uses them, the working rules and the preface as appendices, 附录 4 as a reference appendix.
 */
import type { Guide, Material, ServiceDefinition } from "@/runtime/definition/schema";
import type { Appendix, FamilyParser, ItemText, SourceLine, Unextracted } from "../types";
import { emptyGuide } from "@/runtime/definition/blankParts";
import { PartRanges } from "../assemble";
import { serviceCode } from "../categories";
import { findNumeralSections, type Section, sectionRange } from "../text/headings";
import { isPicturePlaceholder } from "../text/lines";
import { parseListMarker } from "../text/lists";
import { cleanText } from "../text/markup";
import { listItemsOf, paragraphsOf } from "../text/sectionText";
import { splitTopLevel, trimPunctuation } from "../text/sentences";
import { buildBranchedFlow, type FlowBranch } from "./branchedFlow";
import { addNote } from "./minorGuide";
import { legalBasisOf } from "./minorLegalBasis";
import { linkMaterialsToForms, materialFromText, materialsForUnlinkedForms } from "./minorMaterials";
import { appendixOf, assembleService, groupOf, unextracted } from "./minorService";
import { type StepSpec } from "@/seed/flow/build";
import { formOf, formTitle, isTemplateTitle } from "./minorForms";
import { stepOf, verbPhrase, withStageLimits } from "./procedureSteps";
import { findLimitExpressions } from "../limits";

const VOCABULARY = {
  legalBasis: /^政策依据$/,
  conditions: /^受理条件$/,
  audience: /^服务对象$/,
  materials: /^申请材料$/,
  process: /^办理流程$/,
  notes: /^注意事项$/,
};

/** Templates and forms → the services (by index 1–6) that use them. */
const FORM_USE: [RegExp, number[]][] = [
  [/调函|缺少材料|服务告知书/, [1]],
  [/转递通知单|转出申请/, [2]],
  [/人事档案目录/, [2, 6]],
  [/证明/, [3]],
  [/借出审批/, [4]],
  [/查阅审批/, [4, 5]],
  [/政审|党组织材料查阅/, [5]],
];

interface Block {
  title: string;
  /** Title line(s). */
  first: number;
  lines: SourceLine[];
}

const isTitleFragment = (text: string) => {
  const clean = cleanText(text).replace(/\s+/g, "");
  return clean !== "" && [...clean].length <= 20 && !/[。；：:，,]$/.test(clean) && !parseListMarker(clean) && !clean.includes("\t");
};

/**
 * The titled blocks before 附录 1: a block starts with the short title line(s) right before a
 * `一、` heading (two fragments when the title wrapped: 为符合相关规定的单位提供档案 / 查（借）阅服务).
 */
export function archiveBlocks(lines: SourceLine[]): { preface: SourceLine[]; blocks: Block[]; rest: SourceLine[] } {
  const end = lines.findIndex((line) => /^附录\s*1/.test(cleanText(line.text)));
  const body = end >= 0 ? lines.slice(0, end) : lines;
  const rest = end >= 0 ? lines.slice(end) : [];
  const text = body.filter((line) => line.text.trim() !== "");
  const starts: { first: number; title: string }[] = [];
  text.forEach((line, i) => {
    if (!/^一、/.test(cleanText(line.text))) return;
    const fragments: SourceLine[] = [];
    for (let j = i - 1; j >= 0 && fragments.length < 2 && isTitleFragment(text[j].text); j--) fragments.unshift(text[j]);
    if (fragments.length === 0) return;
    starts.push({ first: fragments[0].no, title: fragments.map((fragment) => cleanText(fragment.text).replace(/\s+/g, "")).join("") });
  });
  const blocks = starts.map((start, i) => ({
    title: start.title,
    first: start.first,
    lines: body.filter((line) => line.no >= start.first && line.no < (starts[i + 1]?.first ?? Infinity)),
  }));
  const preface = body.filter((line) => line.no < (starts[0]?.first ?? Infinity));
  return { preface, blocks, rest };
}

/**
 * Materials of 申请材料: `（一）个人未就业：…仅提供存档人有效证件（…）原件或电子件。` → scenario
 * 个人未就业; items split at `、` and at `和/及` after a document noun (原件、复印件、证件、材料).
 */
export function archiveMaterials(lines: SourceLine[]): Material[] {
  const materials: Material[] = [];
  for (const entry of listItemsOf(lines)) {
    if (entry.marker === null && /选择符合自身情况/.test(entry.text)) continue;
    const labelled = /^([^：:]{2,30})[：:](.+)$/.exec(entry.text);
    const scenario = labelled && entry.marker ? labelled[1] : null;
    const [first, ...comments] = splitTopLevel(trimPunctuation(labelled && entry.marker ? labelled[2] : entry.text), "。");
    let list = trimPunctuation(first ?? "");
    const provided = /^(?:.*?)(?:仅|需要|需)?提供(.+)$/.exec(list);
    if (provided) list = provided[1];
    const items = documentList(list).flatMap((part) => part.split(/(?<=原件|复印件|电子件|证件|材料)(?:和|及)/));
    const note = comments.map(trimPunctuation).filter((comment) => comment !== "").join("；") || undefined;
    for (const item of items) {
      const name = trimPunctuation(item);
      if (name !== "") materials.push(materialFromText(`m${materials.length + 1}`, name, { scenario, note }));
    }
  }
  return materials;
}

/**
 * Splits a list of documents at `、`, keeping short parts (≤ 4 characters: `事业单位`) glued to
 * their neighbours — they enumerate inside one noun phrase (`机关、事业单位、国有企业出具的调档材料`).
 */
export function documentList(text: string): string[] {
  const parts = splitTopLevel(text, "、");
  const merged: string[] = [];
  let glue = false;
  for (const part of parts) {
    const short = [...part].length <= 4;
    if (merged.length > 0 && (short || glue)) merged[merged.length - 1] += `、${part}`;
    else merged.push(part);
    glue = short;
  }
  return merged;
}

/** A procedure heading inside 办理流程: `（一）高等院校毕业生档案存档流程`, `工作变动或人才流动存档流程`. */
function procedureHeading(text: string): string | null {
  const clean = cleanText(text).replace(/\s+/g, "");
  const paren = /^[（(][一二三四五六][)）](.+)$/.exec(clean);
  const name = paren ? paren[1] : clean;
  if ([...name].length > 32 || /[。；;：:，,]/.test(name)) return null;
  if (paren || /流程$/.test(name)) return name;
  return null;
}

/** The procedures of 办理流程: one branch per procedure heading, else one from the list items. */
export function archiveProcedures(section: Section): FlowBranch[] {
  const groups: { label: string; lines: SourceLine[] }[] = [];
  for (const line of section.body) {
    const heading = procedureHeading(line.text);
    if (heading) groups.push({ label: heading.replace(/流程$/, ""), lines: [] });
    else if (groups.length > 0) groups[groups.length - 1].lines.push(line);
  }
  const usable = groups.filter((group) => listItemsOf(group.lines).some((entry) => entry.marker !== null));
  const sources = usable.length >= 1 ? usable : [{ label: "申请", lines: section.body }];
  return sources.map((group) => ({
    label: group.label,
    steps: listItemsOf(group.lines).map((entry) => stepOf(verbPhrase(entry.text), entry.text, { first: entry.first, last: entry.last })),
  }));
}

/** The templates and forms of 附录 2 / 附录 3: each titled block (markers `模板 N`, `表单 N：` dropped). */
export function archiveForms(item: ItemText, rest: SourceLine[]): { title: string; first: number; last: number }[] {
  const start = rest.findIndex((line) => /^附录\s*2/.test(cleanText(line.text)));
  const end = rest.findIndex((line) => /^附录\s*4/.test(cleanText(line.text)));
  const region = rest.slice(start < 0 ? rest.length : start + 1, end < 0 ? rest.length : end);
  const isMarker = (text: string) => /^(模板\s*\d+|表单\s*\d+\s*[:：].*|附录\s*\d.*)$/.test(cleanText(text));
  const titles = region.filter((line) => !line.text.includes("\t") && !isMarker(line.text) && isTemplateTitle(cleanText(line.text)));
  return titles.map((title, i) => {
    const next = titles[i + 1]?.no ?? (region[region.length - 1]?.no ?? title.no) + 1;
    const lines = region.filter((line) => line.no >= title.no && line.no < next && !isMarker(line.text) && line.text.trim() !== "");
    return { title: formTitle(title.text), first: title.no, last: lines[lines.length - 1]?.no ?? title.no };
  });
}

/** The durations a procedure states in its steps (`于1个工作日内进行转递`), one limit per step sentence. */
function stepLimits(lines: SourceLine[]) {
  return listItemsOf(lines).flatMap((entry) => {
    const [expression] = findLimitExpressions(entry.text).filter((candidate) => candidate.unit !== "instant");
    return expression ? [{ text: trimPunctuation(entry.text), days: expression.days, unit: expression.unit }] : [];
  });
}

function applyGuideSections(guide: Guide, byKey: Map<string, Section>, parts: PartRanges): void {
  const legal = byKey.get("legalBasis");
  if (legal) {
    guide.legalBasis = legalBasisOf(paragraphsOf(legal.body));
    parts.add("guide.legalBasis", sectionRange(legal));
  }
  const conditions = byKey.get("conditions");
  if (conditions) {
    guide.conditions = listItemsOf(conditions.body).map((entry) => trimPunctuation(entry.text));
    parts.add("guide.conditions", sectionRange(conditions));
  }
  const audience = byKey.get("audience");
  if (audience) {
    guide.audience = listItemsOf(audience.body).map((entry) => trimPunctuation(entry.text));
    parts.add("guide.audience", sectionRange(audience));
  }
  const notes = byKey.get("notes");
  if (notes) {
    for (const entry of listItemsOf(notes.body)) addNote(guide, notes.name, entry.text);
    parts.add(`guide.notes.${notes.name}`, sectionRange(notes));
  }
}

export const parse: FamilyParser = (item: ItemText) => {
  const seq = item.entry.seq;
  const unextractedParts: Unextracted[] = [];
  const { preface, blocks, rest } = archiveBlocks(item.lines.slice(1));
  const serviceBlocks = blocks.filter((block) => findNumeralSections(block.lines, { vocabulary: VOCABULARY }).sections.some((section) => section.key === "process"));
  const ruleBlocks = blocks.filter((block) => !serviceBlocks.includes(block));

  // shared appendices: preface, working rules; 附录 4 reference; 附录 1 pictures
  const rules: Appendix[] = [
    ...(preface.some((line) => line.text.trim() !== "") ? [appendixOf("rules", "总则（标准化服务流程说明）", preface)] : []),
    ...ruleBlocks.map((block) => appendixOf("rules", block.title, block.lines.slice(1))),
  ];
  const referenceAt = rest.findIndex((line) => /^附录\s*4/.test(cleanText(line.text)));
  const reference = referenceAt >= 0 ? appendixOf("reference", cleanText(rest[referenceAt].text).replace(/^附录\s*4[：:]\s*/, ""), rest.slice(referenceAt + 1)) : null;
  const picturesAt = rest.findIndex((line) => /^附录\s*1/.test(cleanText(line.text)));
  const formsAt = rest.findIndex((line) => /^附录\s*2/.test(cleanText(line.text)));
  if (picturesAt >= 0) {
    const last = rest.slice(picturesAt, formsAt < 0 ? undefined : formsAt).filter((line) => line.text.trim() !== "" && !isPicturePlaceholder(line.text) || /^图/.test(line.text)).pop();
    unextractedParts.push(unextracted("附录 1 流动人员人事档案管理服务流程图（图 1–图 6，图片，正文中缺失）", rest[picturesAt].no, last?.no ?? rest[picturesAt].no));
  }

  const formRanges = archiveForms(item, rest);
  const services: ServiceDefinition[] = serviceBlocks.map((block, index) => {
    const number = index + 1;
    const code = serviceCode(seq, number);
    const parts = new PartRanges();
    const guide = emptyGuide();
    const { sections } = findNumeralSections(block.lines, { vocabulary: VOCABULARY });
    const byKey = new Map(sections.filter((section) => section.key).map((section) => [section.key!, section]));
    applyGuideSections(guide, byKey, parts);
    guide.levels = [];

    const materialSection = byKey.get("materials");
    const materials = materialSection ? archiveMaterials(materialSection.body) : [];
    if (materialSection) parts.add("materials", sectionRange(materialSection));

    // templates / forms this service uses
    const used = formRanges.filter((range) => FORM_USE.some(([pattern, users]) => pattern.test(range.title) && users.includes(number)));
    const forms = used.map((range, i) => {
      const form = formOf({ id: `${code}-form-${i + 1}`, title: range.title, lines: item.lines.filter((line) => line.no >= range.first && line.no <= range.last) });
      if (form.source) parts.add(`forms.${form.id}`, form.source);
      return form;
    });
    linkMaterialsToForms(materials, forms);
    const applicantForms = forms.filter((form) => /申请表|审批表/.test(form.title));
    materials.push(...materialsForUnlinkedForms(materials, applicantForms));

    const process = byKey.get("process");
    const branches = (process ? archiveProcedures(process) : []).map((branch) => ({ ...branch, steps: withStageLimits(branch.steps, []) }));
    if (process) {
      parts.add("flow", sectionRange(process));
      guide.promisedLimit = stepLimits(process.body);
      if (guide.promisedLimit.length > 0) parts.add("guide.promisedLimit", sectionRange(process));
    }
    attachCaseworkerForms(branches, forms.filter((form) => !applicantForms.includes(form)));
    const flow = buildBranchedFlow(branches, "text", applicantForms.map((form) => form.id));

    const appendices = [...rules, ...(number === serviceBlocks.length && reference ? [reference] : [])];
    return assembleService(item, {
      code,
      title: block.title,
      group: groupOf(item),
      summary: `${cleanText(item.entry.titleInToc).replace(/\s+/g, "")}：${block.title}`,
      guide,
      materials,
      forms,
      flow,
      appendices,
      range: { first: block.first, last: block.lines.filter((line) => line.text.trim() !== "").pop()?.no ?? block.first },
      parts,
    });
  });
  return { services, attachments: [], unextracted: unextractedParts };
};

/**
 * Forms the office fills (调函, 证明, 政审回复函 …) go to the caseworker step whose text names
 * them (title without the 流动人员人事档案 prefix / 存根 suffix), else to the last caseworker step.
 */
function attachCaseworkerForms(branches: FlowBranch[], forms: { id: string; title: string }[]): void {
  const steps: StepSpec[] = branches.flatMap((branch) => branch.steps).filter((step) => step.role !== "applicant");
  if (steps.length === 0) return;
  for (const form of forms) {
    const core = form.title.replace(/^流动人员人事档案/, "").replace(/存根$/, "").replace(/^接收人事档案/, "");
    const named = steps.filter((step) => (step.checkpoints ?? []).some((text) => text.includes(core)));
    const target = named[0] ?? steps[steps.length - 1];
    target.forms = [...(target.forms ?? []), { formId: form.id, mode: "edit" }];
  }
}

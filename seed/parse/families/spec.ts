/**
 * Parser of the `spec` layout (46 entries): GB/T-style numbered clauses 1 范围 … 9 相关法律法规
 * (variants: 9 clauses, card-8clauses, ecard-7clauses, 10clauses, workGuide-7clauses) and
 * 附录 A forms. Clauses are found by outline continuity and mapped by their titles.
 */
import type { Guide, Material } from "@/runtime/definition/schema";
import { buildFlow, minimalFlow, roleFor, type StepSpec } from "@/seed/flow/build";
import { serviceCode, serviceGroup } from "../categories";
import { findSpecForms, formReference, isAppendixHeading, sameForm } from "../formBlocks";
import { parseChannels } from "../guideFields";
import { legalBasisFromParagraphs } from "../legalBasis";
import { findLimitExpressions, parseFee, parseTimeLimits } from "../limits";
import { branchesOf } from "../outcomes";
import { childClauses, findClauses, type Clause } from "../text/clauses";
import { isPicturePlaceholder } from "../text/lines";
import { toListItems } from "../text/lists";
import { joinParagraphs, type Paragraph } from "../text/paragraphs";
import { firstSentence, splitTopLevel, trimPunctuation } from "../text/sentences";
import { dedupeMaterials, materialsInParagraphs, toMaterials } from "../textMaterials";
import type { FamilyParser, ItemText, SourceLine, Unextracted } from "../types";
import { emptyGuide } from "@/runtime/definition/blankParts";
import { assembleService, formOf, linkMaterialsToForms, serviceTitle, PartRanges } from "../assemble";

/** The numbered clause tree of an item and the appendix lines after it. */
interface Outline {
  clauses: Clause[];
  appendix: SourceLine[];
}

function outlineOf(item: ItemText): Outline {
  const isEnd = (text: string) => isAppendixHeading(text) || formReference(text) !== null;
  const { clauses, rest } = findClauses(item.lines.slice(1), { isEnd });
  return { clauses, appendix: rest };
}

/** Index of the first top-level clause (or direct child of clause `within`) whose title matches, else -1. */
function findClause(clauses: Clause[], pattern: RegExp, within?: number): number {
  const scope = within === undefined ? clauses.map((_, i) => i).filter((i) => clauses[i].path.length === 1) : childIndices(clauses, within);
  return scope.find((i) => pattern.test(clauses[i].title)) ?? -1;
}

/** Indices of the direct children of clause `index`. */
function childIndices(clauses: Clause[], index: number): number[] {
  const depth = clauses[index].path.length;
  const result: number[] = [];
  for (let i = index + 1; i < clauses.length && clauses[i].path.length > depth; i++) {
    if (clauses[i].path.length === depth + 1) result.push(i);
  }
  return result;
}

/** Paragraphs of a clause and its descendants: each descendant's title is a paragraph of its own. */
function clauseParagraphs(clauses: Clause[], index: number): Paragraph[] {
  const paragraphs = joinParagraphs(clauses[index].body);
  for (const child of childClauses(clauses, index)) {
    paragraphs.push({ text: child.title, first: child.line, last: child.line }, ...joinParagraphs(child.body));
  }
  return paragraphs;
}

/** The clause's text as items: list markers removed, intros ending with `：` and `无。` dropped. */
function clauseItems(clauses: Clause[], index: number): string[] {
  if (index < 0) return [];
  return toListItems(clauseParagraphs(clauses, index))
    .map((item) => trimPunctuation(item.text))
    .filter((text) => text !== "" && text !== "无" && !/[：:]$/.test(text));
}

function clauseText(clauses: Clause[], index: number): string {
  return index < 0 ? "" : clauseParagraphs(clauses, index).map((p) => p.text).join("\n");
}

function clauseRange(clauses: Clause[], index: number): { first: number; last: number } {
  const descendants = childClauses(clauses, index);
  const lines = [clauses[index], ...descendants].flatMap((clause) => [clause.line, ...clause.body.filter((l) => l.text.trim() !== "").map((l) => l.no)]);
  return { first: Math.min(...lines), last: Math.max(...lines) };
}

const isNothing = (text: string) => /^(无|本文件没有.*|本工作指南没有.*)[。.]?$/.test(text.trim()) || text.trim() === "";

// ---------------------------------------------------------------------------
// Flow

const STEP_WORD_RE = /申请|发起|受理|审核|初审|复核|复审|审批|办理|办结|公示|拨付|备案/;
/** A stage sub-clause of a step (`初审`, `复核`, `学校初审`, `人员信息公示`), not `初审人员的审核要点如下：`. */
const STAGE_TITLE_RE = /^\S{0,4}(初审|复核|复审|审批|公示)$/;

/** The step clauses of 6 业务流程: direct children except 流程图, stages (初审/复核/公示 …) expanded. */
function stepIndices(clauses: Clause[], parent: number): number[] {
  const expand = (index: number): number[] => {
    const stages = childIndices(clauses, index).filter((j) => STAGE_TITLE_RE.test(clauses[j].title));
    return stages.length > 0 ? stages.flatMap(expand) : [index];
  };
  return childIndices(clauses, parent)
    .filter((i) => !/流程图/.test(clauses[i].title))
    .flatMap(expand);
}

/** Variant procedures (`6.1 一般信息变更` → 6.1.1 申请 …): direct children that hold steps instead of being one. */
function variantsOf(clauses: Clause[], process: number): number[] {
  return childIndices(clauses, process).filter(
    (i) => !STEP_WORD_RE.test(clauses[i].title) && childIndices(clauses, i).some((j) => STEP_WORD_RE.test(clauses[j].title)),
  );
}

interface SpecFlow {
  steps: StepSpec[];
  /** Step clause indices in order (inserted stages have none). */
  stepClauses: number[];
  variants: number[];
  chosenVariant: number | null;
}

function checkpointsOf(clauses: Clause[], step: number): { items: string[]; lines: Set<number> } {
  const lines = new Set<number>();
  const items: string[] = [];
  for (const child of childClauses(clauses, step)) {
    if (!/审核要点/.test(child.title)) continue;
    lines.add(child.line);
    for (const item of toListItems(joinParagraphs(child.body))) {
      items.push(trimPunctuation(item.text));
      for (let no = item.first; no <= item.last; no++) lines.add(no);
    }
  }
  return { items, lines };
}

function specFlow(clauses: Clause[], process: number, formsMentioned: (text: string) => string[]): SpecFlow {
  const variants = variantsOf(clauses, process);
  const chosenVariant = variants.length > 0 ? variants.reduce((best, i) => (stepIndices(clauses, i).length > stepIndices(clauses, best).length ? i : best)) : null;
  const indices = stepIndices(clauses, chosenVariant ?? process);
  const labels = indices.map((index) => trimPunctuation(clauses[index].title));
  const steps: StepSpec[] = [];
  const stepClauses: number[] = [];
  indices.forEach((index) => {
    const clause = clauses[index];
    const label = trimPunctuation(clause.title);
    const { items: checkpoints, lines: checkpointLines } = checkpointsOf(clauses, index);
    const paragraphs = clauseParagraphs(clauses, index).filter((p) => !checkpointLines.has(p.first));
    const text = paragraphs.map((p) => p.text);
    const branches = branchesOf(text);
    const duration = findLimitExpressions(text.join("")).find((expression) => expression.unit !== "instant");
    const role = roleFor(label);
    const forms = formsMentioned(text.join("")).map((formId) => ({
      formId,
      mode: role === "applicant" || /出具/.test(text.join("")) ? ("edit" as const) : ("view" as const),
    }));
    steps.push({
      label,
      role,
      sla: duration ? { days: duration.days, unit: duration.unit as "workday" | "day" } : null,
      publicNotice: /公示/.test(label),
      correction: branches.correction,
      refuse: branches.refuse ?? false,
      terminate: branches.terminate,
      returnTo: branches.returnTo ?? undefined,
      pausable: branches.pausable,
      checkpoints,
      forms,
      source: clauseRange(clauses, index),
    });
    stepClauses.push(index);
    for (const stage of branches.next) addStatedStage(steps, labels, stage);
  });
  return { steps, stepClauses, variants, chosenVariant };
}

/** “进入复核环节” with no 复核 step: the stage the text names is added after the current step. */
function addStatedStage(steps: StepSpec[], stepLabels: string[], stage: string): void {
  if (!/审核|复核|审批|初审|复审|办理|公示/.test(stage)) return;
  const labels = [...stepLabels, ...steps.map((step) => step.label)];
  const covers = (label: string) => label.includes(stage) || stage.includes(label) || (stage === "审核" && /初审|审核/.test(label));
  if (labels.some(covers)) return;
  steps.push({ label: stage, role: roleFor(stage), publicNotice: /公示/.test(stage) });
}

// ---------------------------------------------------------------------------
// Guide fields

function limitsOf(clauses: Clause[], limitsIndex: number): Pick<Guide, "legalLimit" | "promisedLimit"> {
  if (limitsIndex < 0) return { legalLimit: [], promisedLimit: [] };
  const legal = findClause(clauses, /法定/, limitsIndex);
  const promised = findClause(clauses, /承诺/, limitsIndex);
  if (legal < 0 && promised < 0) return { legalLimit: [], promisedLimit: parseTimeLimits(clauseText(clauses, limitsIndex)) };
  return {
    legalLimit: legal < 0 ? [] : parseTimeLimits(clauseText(clauses, legal)),
    promisedLimit: promised < 0 ? [] : parseTimeLimits(clauseText(clauses, promised)),
  };
}

function risksOf(clauses: Clause[]): Guide["risks"] {
  const riskControl = findClause(clauses, /风险控制/);
  if (riskControl < 0) return [];
  const riskIndex = findClause(clauses, /风险点/, riskControl);
  const controlIndex = findClause(clauses, /防控措施/, riskControl);
  const separateControls = findClause(clauses, /^防控措施$/);
  const risks = riskIndex >= 0 ? clauseItems(clauses, riskIndex) : clauseItems(clauses, riskControl);
  const controls = controlIndex >= 0 ? clauseItems(clauses, controlIndex) : clauseItems(clauses, separateControls);
  return risks.map((risk, i) => {
    const control = controls.length === risks.length ? controls[i] : controls.join("；");
    return { step: null, risk, ...(control ? { control } : {}) };
  });
}

function archiveOf(clauses: Clause[]): Guide["archive"] {
  const archive = findClause(clauses, /档案管理/);
  if (archive < 0 || isNothing(clauseText(clauses, archive))) return null;
  const text = (pattern: RegExp) => {
    const index = findClause(clauses, pattern, archive);
    return index < 0 ? undefined : trimPunctuation(clauseText(clauses, index));
  };
  const types = text(/档案类型/);
  const catalogue = findClause(clauses, /归档目录/, archive);
  const retention = text(/保管期限/);
  const storage = text(/保存方式/);
  return {
    types: types ? splitTopLevel(types, "，,；;").map(trimPunctuation) : [],
    ...(retention ? { retention } : {}),
    ...(storage ? { storage } : {}),
    catalogue: clauseItems(clauses, catalogue),
  };
}

/** First sentence of 范围 that describes the service (not “本文件规定了…”), else of 服务内容. */
function summaryOf(scope: string, content: string): string {
  const sentence = splitTopLevel(scope, "。\n").find((part) => !/^本(文件|工作指南)/.test(part));
  return sentence ? `${sentence}。` : firstSentence(content);
}

// ---------------------------------------------------------------------------

export const parse: FamilyParser = (item) => {
  const { clauses, appendix } = outlineOf(item);
  const parts = new PartRanges();
  const unextracted: Unextracted[] = [];
  const guide = emptyGuide();
  const top = (pattern: RegExp) => findClause(clauses, pattern);
  const record = (key: string, index: number) => {
    if (index >= 0) parts.add(key, clauseRange(clauses, index));
  };

  const scope = top(/范围/);
  const content = top(/服务内容/);
  const requirements = top(/业务要求/);
  const process = top(/业务流程/);
  const legal = top(/相关法律法规|政策文件/);
  const references = top(/规范性引用文件/);
  const terms = top(/术语和定义/);

  guide.description = clauseText(clauses, content) || undefined;
  record("guide.description", content);
  if (!isNothing(clauseText(clauses, scope))) guide.notes.push({ label: "范围", text: clauseText(clauses, scope) });

  const under = (pattern: RegExp) => (requirements < 0 ? -1 : findClause(clauses, pattern, requirements));
  const conditions = under(/办理条件|申领条件|补贴对象/);
  guide.conditions = clauseItems(clauses, conditions);
  record("guide.conditions", conditions);
  const channels = under(/办理渠道/);
  guide.channels = parseChannels(clauseText(clauses, channels));
  record("guide.channels", channels);
  const limits = under(/办理时限/);
  Object.assign(guide, limitsOf(clauses, limits));
  record("guide.limits", limits);
  const fee = under(/收费标准/);
  guide.fee = fee < 0 ? null : parseFee(clauseText(clauses, fee));
  record("guide.fee", fee);
  if (guide.promisedLimit.length > 0) {
    guide.caseType = guide.promisedLimit.every((limit) => limit.unit === "instant") ? "instant" : "promised";
  }
  if (requirements >= 0) {
    for (const i of childIndices(clauses, requirements)) {
      if ([conditions, channels, limits, fee].includes(i)) continue;
      guide.notes.push({ label: clauses[i].title, text: clauseText(clauses, i) });
      record(`guide.notes.${clauses[i].title}`, i);
    }
  }

  const basisIndex = legal >= 0 ? legal : references;
  guide.legalBasis = basisIndex < 0 ? [] : legalBasisFromParagraphs(clauseParagraphs(clauses, basisIndex));
  record("guide.legalBasis", basisIndex);
  if (legal >= 0 && references >= 0 && !isNothing(clauseText(clauses, references))) {
    guide.notes.push({ label: "规范性引用文件", text: clauseText(clauses, references) });
  }
  if (terms >= 0 && !isNothing(clauseText(clauses, terms))) guide.notes.push({ label: "术语和定义", text: clauseText(clauses, terms) });

  guide.risks = risksOf(clauses);
  record("guide.risks", top(/风险控制/));
  guide.archive = archiveOf(clauses);
  if (guide.archive) record("guide.archive", top(/档案管理/));

  // forms
  const found = findSpecForms(appendix);
  const forms = found.map((block, i) => formOf({ id: `form-${i + 1}`, ...block }));
  forms.forEach((form) => form.source && parts.add(`forms.${form.id}`, form.source));
  const formsMentioned = (text: string) =>
    forms.filter((form, i) => [...text.matchAll(/《([^》]+)》/g)].some((m) => sameForm(m[1], found[i].title))).map((form) => form.id);

  // flow and materials
  let materials: Material[] = [];
  let flow = minimalFlow();
  if (process >= 0) {
    const stated = specFlow(clauses, process, formsMentioned);
    const pictureOnly = stated.stepClauses.every((i) => clauseParagraphs(clauses, i).every((p) => isNothing(p.text)));
    if (!pictureOnly) flow = buildFlow(stated.steps, { derivation: "text" });
    guide.operationNotes = stepNotes(clauses, process, stated);
    parts.add("flow", clauseRange(clauses, process));
    const procedures = stated.variants.length > 0 ? stated.variants : [process];
    const named = procedures.flatMap((procedure) =>
      stepIndices(clauses, procedure).flatMap((i) =>
        materialsInParagraphs(clauseParagraphs(clauses, i), roleFor(trimPunctuation(clauses[i].title)) === "applicant"),
      ),
    );
    const all = named.length > 0 || conditions < 0 ? named : materialsInParagraphs(joinParagraphs(clauses[conditions].body), true);
    materials = toMaterials(dedupeMaterials(all));
    parts.add("materials", all.map((material) => ({ no: material.line })).sort((a, b) => a.no - b.no));
    for (const variant of stated.variants.filter((v) => v !== stated.chosenVariant)) {
      unextracted.push({
        label: `flow variant 「${clauses[variant].title}」 (only 「${clauses[stated.chosenVariant!].title}」 is modelled)`,
        range: clauseRange(clauses, variant),
      });
    }
  }
  linkMaterialsToForms(materials, forms);

  const missing = referencedForms(clauses, process).filter((reference) => !found.some((form) => sameForm(form.title, reference.name)));
  for (const reference of missing.filter((ref, i) => missing.findIndex((other) => other.name === ref.name) === i)) {
    unextracted.push({ label: `form 《${reference.name}》 is referenced but not reproduced`, range: { first: reference.line, last: reference.line } });
  }
  unextracted.push(...appendixLeftovers(appendix, found));

  const service = assembleService(item, {
    code: serviceCode(item.entry.seq),
    title: serviceTitle(item),
    group: serviceGroup(item.entry),
    summary: summaryOf(clauseText(clauses, scope), guide.description ?? ""),
    guide,
    materials,
    forms,
    flow,
    parts,
  });
  return { services: [service], attachments: [], unextracted };
};

/** Operation notes: one per step clause of every procedure (variants prefixed with their title). */
function stepNotes(clauses: Clause[], process: number, flow: SpecFlow): Guide["operationNotes"] {
  const procedures = flow.variants.length > 0 ? flow.variants : [process];
  return procedures.flatMap((procedure) =>
    stepIndices(clauses, procedure).flatMap((i) => {
      const notes = clauseParagraphs(clauses, i)
        .map((p) => p.text)
        .filter((text) => !isNothing(text));
      const step = trimPunctuation(clauses[i].title);
      const label = flow.variants.length > 0 ? `${clauses[procedure].title}·${step}` : step;
      return notes.length > 0 ? [{ step: label, notes }] : [];
    }),
  );
}

/** Forms the step texts refer to with `（见附录 A 表|文本 A.n）`. */
function referencedForms(clauses: Clause[], process: number): { name: string; line: number }[] {
  if (process < 0) return [];
  const found: { name: string; line: number }[] = [];
  for (const paragraph of clauseParagraphs(clauses, process)) {
    for (const match of paragraph.text.matchAll(/《([^》]+)》\s*[（(]见附录\s*[A-Z]\s*(?:表|文本|图)/g)) {
      found.push({ name: match[1], line: paragraph.first });
    }
  }
  return found;
}

/** Appendix text that is neither a form, a heading, a form reference nor part of a flowchart appendix. */
function appendixLeftovers(appendix: SourceLine[], forms: { title: string; lines: SourceLine[] }[]): Unextracted[] {
  const used = new Set(forms.flatMap((form) => form.lines.map((line) => line.no)));
  const left: SourceLine[] = [];
  let inFlowchart = false;
  let afterHeading = false;
  for (const line of appendix) {
    const text = line.text.trim();
    if (text === "" || isPicturePlaceholder(line.text)) continue;
    if (isAppendixHeading(text)) {
      afterHeading = true;
      inFlowchart = false;
      continue;
    }
    if (afterHeading) {
      afterHeading = false;
      inFlowchart = /流程图$/.test(text);
      if (inFlowchart || /^规范表格$/.test(text)) continue;
    }
    if (inFlowchart || used.has(line.no) || formReference(text) !== null || forms.some((form) => sameForm(text, form.title))) continue;
    left.push(line);
  }
  return left.map((line) => ({ label: "appendix text outside forms", range: { first: line.no, last: line.no } }));
}

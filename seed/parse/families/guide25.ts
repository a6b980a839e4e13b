/**
 * Parser of the `guide25` layout (66 entries): the government-service guide with up to 26
 * headings `N、name` (事项描述 … 业务表单 [结果反馈]). Headings are mapped by name, never by
 * number, since items omit headings and renumber the rest.
 */
import type { Guide, Material } from "@/runtime/definition/schema";
import { buildFlow, minimalFlow, roleFor, type StepSpec } from "@/seed/flow/build";
import { emptyGuide } from "@/runtime/definition/blankParts";
import { assembleService, formOf, linkMaterialsToForms, serviceTitle, PartRanges } from "../assemble";
import { serviceCode, serviceGroup } from "../categories";
import { findGuideForms, sameForm, splitFeedback } from "../formBlocks";
import { parseAddress, parseAudience, parseCaseType, parseChannels, parseLevels } from "../guideFields";
import { dataSharingFromTable, materialFromRow, preChecksFromTable, risksFromTable, stepsFromNodeTable, tableKind } from "../guideTables";
import { isLegalBasisHeader, legalBasisFromParagraphs, legalBasisFromTable } from "../legalBasis";
import { isNone, parseTimeLimits } from "../limits";
import { basisStatesCorrection, branchesOf } from "../outcomes";
import { findNumeralSections, sectionRange, type HeadingVocabulary, type Section } from "../text/headings";
import { rangeOf } from "../text/lines";
import { parseListMarker, toListItems } from "../text/lists";
import { joinParagraphs, type Paragraph } from "../text/paragraphs";
import { firstSentence, splitTopLevel, trimPunctuation } from "../text/sentences";
import { findTables, isTableRow } from "../text/tables";
import type { FamilyParser, SourceLine, Unextracted } from "../types";

/** The 26 heading names (and their variants) by topic. */
export const GUIDE_VOCABULARY: HeadingVocabulary = {
  description: /^事[项件]描述$/,
  conditions: /^受理条件$/,
  legalBasis: /^政策(设定)?依据$/,
  levels: /^行使层级$/,
  audience: /^服务对象$/,
  caseType: /^办件类型$/,
  legalLimit: /^法定办结时限$/,
  promisedLimit: /^承诺办结时限$/,
  systemBuild: /^后台审批使用系统建设方式$/,
  systemName: /^系统名称$/,
  channels: /^办理形式/,
  feedbackChannel: /^反馈渠道$/,
  online: /^是否网办$/,
  onlineAddress: /^网办地址$/,
  officeAddress: /^办事地址$/,
  materials: /材料列表$|^办理材料$/,
  internalFlow: /^内部业务经办流程/,
  externalFlow: /^外部流程/,
  steps: /^办理环节$/,
  acceptNotes: /^受理操作要点$/,
  handleNotes: /^经办操作要点$/,
  preChecks: /^前置校验$/,
  dataSharing: /^业务共享需求$/,
  risks: /^事项风险点/,
  forms: /^业务表单$/,
  feedback: /^结果反馈$/,
};

/** Headings whose text becomes a note labelled with the heading's name. */
const NOTE_KEYS = new Set(["systemBuild", "systemName", "feedbackChannel", "online"]);

function paragraphsOf(section: Section | undefined): Paragraph[] {
  return section ? joinParagraphs(section.body.filter((line) => !isTableRow(line.text))) : [];
}

function textOf(section: Section | undefined): string {
  return paragraphsOf(section)
    .map((paragraph) => paragraph.text)
    .join("\n");
}

function itemsOf(section: Section | undefined): string[] {
  return toListItems(paragraphsOf(section))
    .map((item) => trimPunctuation(item.text))
    .filter((text) => text !== "" && !isNone(text));
}

/** Screenshot OCR in 经办操作要点: no sentence punctuation and not a numbered note, or an English caption. */
function isScreenshotText(text: string): boolean {
  if (/^The screenshot/.test(text)) return true;
  return !/[。；，：、:;,]/.test(text) && parseListMarker(text) === null;
}

// ---------------------------------------------------------------------------
// Materials

/** Materials of a 材料列表 section: its tables (with scenario labels before them) or its text lines. */
function materialsOf(section: Section, unextracted: Unextracted[]): Material[] {
  const tables = findTables(section.body);
  const materials: Material[] = [];
  if (tables.length === 0) {
    return itemsOf(section).map((name, i) => ({
      id: `m${i + 1}`,
      name,
      source: null,
      kind: null,
      copies: null,
      medium: null,
      required: true,
      keepPaper: null,
      obtainableBySharing: null,
      scenario: null,
      formId: null,
    }));
  }
  let previousEnd = section.line;
  for (const table of tables) {
    const label = section.body
      .filter((line) => line.no > previousEnd && line.no < table.first && !isTableRow(line.text) && line.text.trim() !== "")
      .map((line) => trimPunctuation(line.text.replace(/^\d+[.．、]\s*/, "")).replace(/[：:]$/, ""))
      .join("");
    materials.push(...materialsFromRows(table.rows, label === "" ? null : label));
    previousEnd = table.last;
  }
  const after = section.body.filter((line) => line.no > previousEnd && line.text.trim() !== "" && !isTableRow(line.text));
  const range = rangeOf(after);
  if (range) unextracted.push({ label: "材料列表: text after the tables", range });
  return materials.map((material, i) => ({ ...material, id: `m${i + 1}` }));
}

const MATERIAL_COLUMNS: Record<string, RegExp> = {
  scenario: /^场景$/,
  name: /材料名称/,
  source: /来源渠道/,
  kind: /材料类型/,
  copies: /份数/,
  medium: /材料形式/,
  requirement: /必要性/,
  keepPaper: /留存纸质|存留纸质/,
  sharing: /信息共享/,
  pages: /页数/,
};

/** Rows of a 材料列表 table (header first; columns found by name; 场景 carried down). */
function materialsFromRows(rows: string[][], scenarioLabel: string | null): Material[] {
  const header = rows[0].map((cell) => cell.replace(/\s+/g, ""));
  const index = Object.fromEntries(Object.entries(MATERIAL_COLUMNS).map(([key, re]) => [key, header.findIndex((h) => re.test(h))]));
  if (index.name < 0) return [];
  const cell = (row: string[], key: string) => (index[key] >= 0 ? (row[index[key]] ?? "").trim() : "");
  let scenario = scenarioLabel;
  return rows.slice(1).flatMap((row) => {
    if (cell(row, "scenario") !== "") scenario = cell(row, "scenario");
    const name = cell(row, "name");
    if (name === "" || isNone(name)) return [];
    const copies = cell(row, "copies");
    const pages = cell(row, "pages");
    const material = materialFromRow({ id: "", name, copies: /^\d+$/.test(copies) ? Number(copies) : null, scenario }, (key) => cell(row, key));
    if (pages !== "") material.note = `页数：${pages}`;
    return [material];
  });
}

// ---------------------------------------------------------------------------
// Flow

/** `受理—审核—公示—结果反馈。` → [受理, 审核, 公示, 结果反馈]. */
export function parseStepChain(text: string): string[] {
  return trimPunctuation(text)
    .split(/\s*[—–－-]+\s*|→/)
    .map((step) => step.trim())
    .filter((step) => step !== "");
}

interface GuideFlowInput {
  chain: string[];
  nodeSteps: StepSpec[];
  acceptText: string[];
  handleText: string[];
  acceptCheckpoints: string[];
  noticeDays: number | null;
  applicantForms: string[];
  /** The legal basis clauses of the item (a 补正 path stated there applies to 受理). */
  basisText: string[];
}

/**
 * Steps from the node table (when present) or the 办理环节 chain, with the branches and
 * SLA the 受理/经办操作要点 prose states attached to the 受理 step and to the step after it
 * (or the last step when there is none).
 */
function guideSteps(input: GuideFlowInput): StepSpec[] {
  const steps: StepSpec[] = input.nodeSteps.length > 0 ? input.nodeSteps.map((step) => ({ ...step })) : input.chain.map((label) => ({ label }));
  if (steps.length === 0) return [];
  for (const step of steps) {
    step.role ??= roleFor(step.label);
    if (/公示/.test(step.label)) {
      step.publicNotice = true;
      if (input.noticeDays !== null) step.sla ??= { days: input.noticeDays, unit: "workday" };
    }
  }
  if (steps[0].role !== "applicant") steps.unshift({ label: "申请", role: "applicant" });
  steps[0].forms = input.applicantForms.map((formId) => ({ formId, mode: "edit" }));
  const acceptIndex = Math.max(1, steps.findIndex((step) => /受理/.test(step.label)));
  const handleIndex = acceptIndex + 1 < steps.length - 1 ? acceptIndex + 1 : steps.length - 1;
  applyBranches(steps[acceptIndex], branchesOf(input.acceptText));
  if (basisStatesCorrection(input.basisText)) steps[acceptIndex].correction = true;
  steps[acceptIndex].checkpoints = input.acceptCheckpoints;
  if (handleIndex !== acceptIndex) applyBranches(steps[handleIndex], branchesOf(input.handleText));
  const stated = /(\d+)\s*个工作日内(?:完成|办结|作出)/.exec(input.handleText.join(""));
  if (stated && handleIndex !== acceptIndex) steps[handleIndex].sla ??= { days: Number(stated[1]), unit: "workday" };
  return steps;
}

function applyBranches(step: StepSpec, branches: ReturnType<typeof branchesOf>): void {
  step.correction ||= branches.correction;
  step.terminate ||= branches.terminate;
  step.pausable ||= branches.pausable;
  if (branches.refuse) step.refuse = branches.refuse;
}

// ---------------------------------------------------------------------------

export const parse: FamilyParser = (item) => {
  const { sections } = findNumeralSections(item.lines.slice(1), { vocabulary: GUIDE_VOCABULARY });
  const byKey = new Map<string, Section>();
  for (const section of sections) if (section.key && !byKey.has(section.key)) byKey.set(section.key, section);
  const section = (key: string) => byKey.get(key);
  const guide: Guide = emptyGuide();
  const parts = new PartRanges();
  const unextracted: Unextracted[] = [];
  const record = (key: string, found: Section | undefined) => found && parts.add(key, sectionRange(found));

  /** A guide field read from the text of the section of the same key, that section recorded as its source. */
  const readField = <K extends keyof Guide>(key: K, read: (text: string) => Guide[K]) => {
    guide[key] = read(textOf(section(key)));
    record(`guide.${key}`, section(key));
  };

  readField("description", (text) => text || undefined);
  guide.conditions = itemsOf(section("conditions"));
  record("guide.conditions", section("conditions"));
  readField("levels", parseLevels);
  readField("audience", parseAudience);
  readField("caseType", parseCaseType);
  readField("legalLimit", parseTimeLimits);
  readField("promisedLimit", parseTimeLimits);
  readField("channels", parseChannels);
  readField("onlineAddress", parseAddress);
  readField("officeAddress", parseAddress);

  const basis = section("legalBasis");
  if (basis) {
    const tables = findTables(basis.body).filter((table) => isLegalBasisHeader(table.rows[0]));
    const fromText = legalBasisFromParagraphs(paragraphsOf(basis));
    guide.legalBasis = [...tables.flatMap((table) => legalBasisFromTable(table.rows)), ...fromText];
    record("guide.legalBasis", basis);
  }

  // tables of 前置校验 / 业务共享需求 / 事项风险点, read by their header (83 names 业务共享需求 前置校验)
  for (const found of sections.filter((s) => ["preChecks", "dataSharing", "risks"].includes(s.key ?? ""))) {
    for (const table of findTables(found.body)) {
      const kind = tableKind(table.rows[0]);
      if (kind === "preChecks") guide.preChecks.push(...preChecksFromTable(table.rows));
      else if (kind === "dataSharing") guide.dataSharing.push(...dataSharingFromTable(table.rows));
      else if (kind === "risks") guide.risks.push(...risksFromTable(table.rows));
      if (kind && kind !== "nodes") parts.add(`guide.${kind}`, sectionRange(found));
    }
    if (found.key === "preChecks") {
      for (const text of itemsOf(found)) guide.preChecks.push({ check: text, mandatory: null });
    }
  }

  for (const [key, label] of [["acceptNotes", "受理"], ["handleNotes", "经办"]] as const) {
    const found = section(key);
    if (!found) continue;
    const paragraphs = paragraphsOf(found);
    const notes = paragraphs.filter((p) => !isScreenshotText(p.text)).map((p) => p.text);
    if (notes.length > 0) guide.operationNotes.push({ step: label, notes });
    record(`guide.operationNotes.${label}`, found);
    const screenshot = [
      ...paragraphs.filter((p) => isScreenshotText(p.text)).map((p) => ({ no: p.first })),
      ...found.body.filter((line) => isTableRow(line.text)),
    ].sort((a, b) => a.no - b.no);
    const range = rangeOf(screenshot);
    if (range) unextracted.push({ label: `${found.name}: screenshot text and tables`, range });
  }

  for (const found of sections) {
    if (found.key && !NOTE_KEYS.has(found.key) && found.key !== "feedback") continue;
    const text = found.key === "feedback" ? joinParagraphs(splitFeedback(found.body).feedback).map((p) => p.text).join("\n") : textOf(found);
    if (text !== "") guide.notes.push({ label: found.name, text });
    record(`guide.notes.${found.name}`, found);
  }
  for (const key of ["internalFlow", "externalFlow"]) {
    const found = section(key);
    const text = found?.body.filter((line) => line.text.trim() !== "" && !isTableRow(line.text) && !/^[-\s]+$/.test(line.text));
    const range = text ? rangeOf(text) : null;
    if (found && range) unextracted.push({ label: `${found.name}: text in a picture section`, range });
  }

  // materials and forms
  const materialSection = section("materials");
  const materials = materialSection ? materialsOf(materialSection, unextracted) : [];
  record("materials", materialSection);
  const formSection = section("forms");
  const feedback = section("feedback");
  const region: SourceLine[] = [...(formSection?.body ?? []), ...(feedback ? splitFeedback(feedback.body).rest : [])];
  const { declared, forms: found } = findGuideForms(region);
  const forms = found.map((block, i) => formOf({ id: `form-${i + 1}`, ...block }));
  forms.forEach((form) => form.source && parts.add(`forms.${form.id}`, form.source));
  for (const name of declared.filter((d) => !found.some((form) => sameForm(form.title, d.name)))) {
    unextracted.push({ label: `业务表单 「${name.name}」 is declared but not reproduced`, range: { first: name.line, last: name.line } });
  }
  linkMaterialsToForms(materials, forms);

  // flow
  const nodeTable = findTables(section("internalFlow")?.body ?? []).find((table) => tableKind(table.rows[0]) === "nodes");
  const chainText = textOf(section("steps"));
  const acceptParagraphs = paragraphsOf(section("acceptNotes")).map((p) => p.text);
  const handleParagraphs = paragraphsOf(section("handleNotes")).map((p) => p.text);
  const notice = /公示(?:期|时间)?(?:为)?\s*(\d+)\s*个?工作日/.exec(item.lines.map((line) => line.text).join("").replace(/\*\*/g, ""));
  const steps = guideSteps({
    chain: chainText === "" ? [] : parseStepChain(chainText),
    nodeSteps: nodeTable ? stepsFromNodeTable(nodeTable) : [],
    acceptText: acceptParagraphs,
    handleText: handleParagraphs,
    acceptCheckpoints: itemsOf(section("acceptNotes")).filter((text) => !isScreenshotText(text)),
    noticeDays: notice ? Number(notice[1]) : null,
    applicantForms: [...new Set(materials.map((material) => material.formId).filter((id): id is string => id !== null))],
    basisText: guide.legalBasis.map((basis) => basis.clause ?? ""),
  });
  const flow = steps.length > 0 ? buildFlow(steps, { derivation: "text" }) : minimalFlow();
  record("flow", nodeTable ? section("internalFlow") : section("steps"));

  const service = assembleService(item, {
    code: serviceCode(item.entry.seq),
    title: serviceTitle(item),
    group: serviceGroup(item.entry),
    summary: summaryOf(guide),
    guide,
    materials,
    forms,
    flow,
    parts,
  });
  return { services: [service], attachments: [], unextracted };
};

/** First sentence of 事项描述; for items without one, of 受理条件. */
function summaryOf(guide: Guide): string {
  const source = guide.description ?? guide.conditions[0] ?? "";
  const sentence = firstSentence(splitTopLevel(source, "\n")[0] ?? "");
  return sentence === "。" ? "" : sentence;
}

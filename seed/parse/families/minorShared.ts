/**
 * Building blocks shared by the parsers of the twelve minor layouts (basicInfo, unempGuide,
 * applyBasis, acceptCond, projectName, handleBasis, disputeGuide, disputeRules, hotline,
 * archive, manual, notice): the service skeleton, paragraphs of a section, legal-basis
 * citations, material lines, levels / audience, forms from blocks and flows with several
 * alternative procedures. Pure functions; text utilities come from ../text, limits from
 * ../limits, flows from ../../flow/build, forms from ../../forms/fromBlock.
 */
import dagre from "@dagrejs/dagre";
import type {
  Action,
  Flow,
  FlowEdge,
  FlowNode,
  Guide,
  Level,
  LineRange,
  Material,
  ServiceDefinition,
  TimeLimit,
} from "../../../runtime/definition/schema";
import type { Appendix, ItemText, SourceLine, Unextracted } from "../types";
import {
  cleanText,
  findNumeralSections,
  fullWidthParens,
  joinParagraphs,
  parseNumeralHeading,
  rangeOf,
  splitInlineList,
  splitTopLevel,
  toListItems,
  trimPunctuation,
  type HeadingVocabulary,
  type ListItem,
  type Paragraph,
  type Section,
} from "../text";
import { parseFee, parseTimeLimits } from "../limits";
import { legalBasisFromParagraphs, parseCitation } from "../legalBasis";
import { yesNo } from "../guideTables";
import { stagesOf } from "./stagedLimits";
import { buildFlow, roleFor, type StepSpec } from "../../flow/build";

// ---------------------------------------------------------------------------
// Groups and codes

/** Part names of ENTRIES.tsv's `part` column. */
export const PART_NAMES: Record<string, string> = {
  一: "一、社会保险公共服务",
  二: "二、公共就业创业服务",
  三: "三、其他公共服务事项",
};

/** `s074`, or `s145-01` for a sub-service. */
export function serviceCode(seq: number, sub?: number): string {
  const base = `s${String(seq).padStart(3, "0")}`;
  return sub === undefined ? base : `${base}-${String(sub).padStart(2, "0")}`;
}

/** group.part / group.category: the ENTRIES columns, or `fallbackCategory` where the group is empty. */
export function groupOf(item: ItemText, fallbackCategory: string): { part: string; category: string } {
  const part = PART_NAMES[item.entry.part] ?? item.entry.part;
  const category = item.entry.group.trim() !== "" ? item.entry.group.trim() : fallbackCategory;
  return { part, category };
}

/** The display title of an item (wrap spaces removed; the TOC spelling is the clean one). */
export function itemTitle(item: ItemText): string {
  return cleanText(item.entry.titleInToc).replace(/\s+/g, "");
}

// ---------------------------------------------------------------------------
// Service skeleton

export function emptyGuide(): Guide {
  return {
    conditions: [],
    audience: [],
    levels: [],
    caseType: null,
    legalLimit: [],
    promisedLimit: [],
    channels: [],
    fee: null,
    onlineAddress: null,
    officeAddress: null,
    legalBasis: [],
    preChecks: [],
    dataSharing: [],
    risks: [],
    archive: null,
    operationNotes: [],
    notes: [],
  };
}

/** Collects the `source.parts` line ranges while a parser works. */
export class PartRanges {
  readonly parts: Record<string, LineRange> = {};

  /** Records (or widens) the range of `key` from lines or a range; ignores empty input. */
  add(key: string, lines: { no: number }[] | LineRange | null | undefined): void {
    if (!lines) return;
    const range = Array.isArray(lines) ? rangeOf(lines) : lines;
    if (!range) return;
    const known = this.parts[key];
    this.parts[key] = known
      ? { first: Math.min(known.first, range.first), last: Math.max(known.last, range.last) }
      : { ...range };
  }
}

export interface ServiceParts {
  code: string;
  title: string;
  group: { part: string; category: string };
  summary?: string;
  guide: Guide;
  materials?: Material[];
  forms?: ServiceDefinition["forms"];
  flow: Flow;
  appendices?: Appendix[];
  /** Lines of the service (defaults to the whole item). */
  range?: LineRange;
  parts: PartRanges;
}

/** Assembles a ServiceDefinition; `summary` defaults to the description's first sentence. */
export function assembleService(item: ItemText, service: ServiceParts): ServiceDefinition {
  const range = service.range ?? { first: item.entry.firstLine, last: item.entry.lastLine };
  return {
    schemaVersion: 1,
    code: service.code,
    title: service.title,
    group: service.group,
    summary: service.summary ?? firstSentence(service.guide.description ?? "") ?? "",
    guide: service.guide,
    materials: service.materials ?? [],
    forms: service.forms ?? [],
    flow: service.flow,
    appendices: service.appendices ?? [],
    source: {
      document: item.document,
      entry: item.entry.seq,
      layout: item.entry.layout,
      first: range.first,
      last: range.last,
      parts: service.parts.parts,
    },
  };
}

function firstSentence(text: string): string | null {
  const match = /^[^。]*。?/.exec(text.trim());
  return match && match[0] !== "" ? match[0] : null;
}

// ---------------------------------------------------------------------------
// Sections and paragraphs

/** A short `N、name` / `（N）name` heading line (never joined with the text before or after it). */
export function isHeadingLine(text: string): boolean {
  const heading = parseNumeralHeading(text);
  if (heading) return [...heading.name].length <= 24 && !/[。；;：:]$/.test(heading.name);
  const paren = /^\s*[（(]\s*[一二三四五六七八九十]+\s*[)）]\s*(.*)$/.exec(text);
  return paren !== null && [...paren[1].trim()].length <= 20 && !/[。；;：:，,]/.test(paren[1]);
}

/** A section body's paragraphs; heading lines are paragraphs of their own (never joined either way). */
export function paragraphsOf(lines: SourceLine[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let run: SourceLine[] = [];
  const flush = () => {
    if (run.length > 0) paragraphs.push(...joinParagraphs(run, isHeadingLine));
    run = [];
  };
  for (const line of lines) {
    if (isHeadingLine(line.text)) {
      flush();
      paragraphs.push(...joinParagraphs([line]));
    } else {
      run.push(line);
    }
  }
  flush();
  return paragraphs;
}

/** A section body's list items (markers removed). */
export function listItemsOf(lines: SourceLine[]): ListItem[] {
  return toListItems(paragraphsOf(lines));
}

/** The running text of lines: paragraphs joined by newlines, table rows as `a | b | c`. */
export function textOf(lines: SourceLine[]): string {
  return paragraphsOf(lines)
    .map((paragraph) =>
      paragraph.text.includes("\t")
        ? paragraph.text
            .split("\t")
            .map((cell) => cell.trim())
            .filter((cell) => cell !== "")
            .join(" | ")
        : paragraph.text,
    )
    .join("\n");
}

/** Text without trailing list punctuation (A's trimPunctuation). */
export const trimStop = trimPunctuation;

/** The sections of an item body keyed by vocabulary; the first section with each key wins. */
export function sectionsByKey(
  lines: SourceLine[],
  vocabulary: HeadingVocabulary,
): { preamble: SourceLine[]; sections: Section[]; byKey: Map<string, Section> } {
  const { preamble, sections } = findNumeralSections(lines, { vocabulary });
  const byKey = new Map<string, Section>();
  for (const section of sections) if (section.key && !byKey.has(section.key)) byKey.set(section.key, section);
  return { preamble, sections, byKey };
}

/** Lines of a section including its heading line (for source ranges). */
export function sectionRange(section: Section): LineRange {
  const last = [...section.body].reverse().find((line) => line.text.trim() !== "");
  return { first: section.line, last: last?.no ?? section.line };
}

/**
 * Sub-sections introduced by `（一）name` / `(一) name` lines inside a section body (the
 * basicInfo field list, 101's three material blocks …). A marker line is a heading when
 * its text is short (≤ maxNameLength) and not a sentence.
 */
export function chineseParenSubsections(
  lines: SourceLine[],
  maxNameLength = 20,
): { preamble: SourceLine[]; subsections: { name: string; line: number; body: SourceLine[] }[] } {
  const preamble: SourceLine[] = [];
  const subsections: { name: string; line: number; body: SourceLine[] }[] = [];
  for (const line of lines) {
    const match = /^\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*(.*)$/.exec(line.text);
    const name = match ? cleanText(match[2]).replace(/\s+/g, "") : "";
    if (match && name !== "" && [...name].length <= maxNameLength && !/[。；;：:]$/.test(name)) {
      subsections.push({ name, line: line.no, body: [] });
    } else if (subsections.length > 0) {
      subsections[subsections.length - 1].body.push(line);
    } else {
      preamble.push(line);
    }
  }
  return { preamble, subsections };
}

// ---------------------------------------------------------------------------
// Guide fields

const LEVEL_PATTERNS: [RegExp, Level][] = [
  [/自治区|省|直辖市|区级/, "region"],
  [/盟市|盟|地市|(?<!直辖)市级|设区的市/, "league"],
  [/旗县|旗|县级|县/, "banner"],
];

/** `盟市、旗县。` → [league, banner]; `省、自治区、直辖市级` → [region]; `各级` → all three. */
export function parseLevels(text: string): Level[] {
  const plain = cleanText(text);
  if (/各级/.test(plain)) return ["region", "league", "banner"];
  const levels: Level[] = [];
  for (const [pattern, level] of LEVEL_PATTERNS) if (pattern.test(plain)) levels.push(level);
  return levels;
}

/** `自然人、企业法人、…。` / `各类求职者；用工单位。` → one entry per party. */
export function parseAudience(text: string): string[] {
  return cleanText(text)
    .split(/[、；;，,\n]/)
    .map(trimStop)
    .filter((part) => part !== "");
}

/** `即办件` → instant, `承诺件` → promised. */
export function parseCaseType(text: string): Guide["caseType"] {
  if (/即办/.test(text)) return "instant";
  if (/承诺/.test(text)) return "promised";
  return null;
}

/** Case type implied by the limits when the text gives no 办件类型: all instant → instant. */
export function caseTypeFromLimits(limits: TimeLimit[]): Guide["caseType"] {
  if (limits.length > 0 && limits.every((limit) => limit.unit === "instant")) return "instant";
  return null;
}

/**
 * Conditions of a section: its list items / paragraphs, without a bare lead-in such as
 * `同时符合以下条件：` (a short unmarked paragraph ending with a colon).
 */
export function conditionsOf(lines: SourceLine[]): string[] {
  return listItemsOf(lines)
    .filter((entry) => !(entry.marker === null && /[：:]$/.test(entry.text) && [...entry.text].length < 30))
    .map((entry) => entry.text);
}

/** Channel statements: list items, or the sentences of a single unmarked paragraph. */
export function channelsOf(lines: SourceLine[]): string[] {
  const entries = listItemsOf(lines);
  if (entries.length === 1 && entries[0].marker === null) {
    return splitTopLevel(entries[0].text, "。").map(trimStop).filter((sentence) => sentence !== "");
  }
  return entries.map((entry) => trimStop(entry.text)).filter((text) => text !== "");
}

/** Parties named in a 办理方式 text: 用人单位 / 个人 (本人、劳动者). */
export function partiesOf(text: string): string[] {
  const parties: string[] = [];
  if (/用人单位|单位/.test(text)) parties.push("用人单位");
  if (/本人|个人|劳动者/.test(text)) parties.push("个人");
  return parties;
}

/** URLs written in the text (angle brackets already stripped), wrap-joined. */
export function findUrls(text: string): string[] {
  return [...cleanText(text).replace(/\s+/g, "").matchAll(/https?:\/\/[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+/g)].map(
    (match) => match[0].replace(/[。，,.；;）)]+$/, ""),
  );
}

/** Time limits of a text; `即时办结` → instant. Wraps A's parser (one per channel). */
export function limitsOf(text: string): TimeLimit[] {
  return parseTimeLimits(text);
}

/**
 * The limits a text states: one per channel (`线上 3 个工作日。线下：即时办理。`), else one per
 * stage of staged prose (`…5 个工作日内受理…，…5 个工作日内办理转出…`), else A's single limit.
 */
export function statedLimits(text: string): TimeLimit[] {
  const perChannel = parseTimeLimits(text);
  if (perChannel.length > 1 || perChannel.some((limit) => limit.channel)) return perChannel;
  const stages = stagesOf(text);
  if (stages.length > 1) return stages.map((stage) => stage.limit);
  return perChannel;
}

/** The fee as stated, with `不收取费用` / `不收费` anywhere in the sentence read as free. */
export function feeOf(text: string): Guide["fee"] {
  const fee = parseFee(text);
  if (fee && /不收取|不收费|免费|免收/.test(fee.text.replace(/\s+/g, ""))) return { ...fee, free: true };
  return fee;
}

/** Adds a `guide.notes` entry (skips empty text). */
export function addNote(guide: Guide, label: string, text: string): void {
  const value = text.trim();
  if (value !== "") guide.notes.push({ label, text: value });
}

// ---------------------------------------------------------------------------
// Legal basis

type LegalBasisItem = Guide["legalBasis"][number];

/** A clause that goes on with a further citation: `和《B》（文号）…`, `及《C》…`. */
const NEXT_CITATION_RE = /^(?:和|及|以及|、|，)\s*(?=[^。；]{0,30}《)/;

/** Splits an item whose clause starts another citation (`《A》（…）和《B》（…）`) into one item each. */
function splitChained(item: LegalBasisItem): LegalBasisItem[] {
  const clause = item.clause ?? "";
  const next = NEXT_CITATION_RE.exec(clause);
  if (!next) return [item];
  const following = parseCitation(clause.slice(next[0].length));
  const own: LegalBasisItem = { ...item };
  delete own.clause;
  return following ? [own, ...splitChained(following)] : [item];
}

/**
 * Legal basis of a section's paragraphs with A's citation reader (legalBasisFromParagraphs),
 * citations chained in one paragraph (`《A》（…）和《B》（…）`) split, duplicates merged.
 */
export function legalBasisOf(paragraphs: Paragraph[]): LegalBasisItem[] {
  const { items } = legalBasisFromParagraphs(paragraphs);
  return mergeLegalBasis(items.flatMap(splitChained));
}

/** Citations of several separate groups (each read on its own), duplicates merged. */
export function legalBasisOfGroups(groups: Paragraph[][]): LegalBasisItem[] {
  return mergeLegalBasis(groups.filter((group) => group.length > 0).flatMap((group) => legalBasisOf(group)));
}

/** Merges citations of the same document (title + 文号), joining their clauses. */
export function mergeLegalBasis(items: LegalBasisItem[]): LegalBasisItem[] {
  const merged: LegalBasisItem[] = [];
  for (const item of items) {
    const same = merged.find((known) => known.title === item.title && (known.docNo ?? "") === (item.docNo ?? ""));
    if (!same) merged.push(item);
    else if (item.clause && !same.clause?.includes(item.clause)) same.clause = same.clause ? `${same.clause}；${item.clause}` : item.clause;
  }
  return merged;
}

// ---------------------------------------------------------------------------
// Materials

export interface MaterialOptions {
  scenario?: string | null;
  required?: boolean;
  requirementText?: string;
  source?: string | null;
  medium?: string | null;
  note?: string;
}

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
  const kind = /原件/.test(text) && /复印件|复印/.test(text) ? "原件和复印件" : /复印件/.test(text) ? "复印件" : /原件/.test(text) ? "原件" : null;
  // a trailing explanation in brackets becomes the note
  const remark = /（([^（）]{4,})）$/.exec(text);
  let name = text;
  if (remark && !/^(验原件|含|包括)/.test(remark[1]) && text.length - remark[0].length >= 2) {
    notes.push(remark[1]);
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
    scenario: options.scenario ?? null,
    formId: null,
  };
  if (requirementText) material.requirementText = requirementText;
  if (notes.length > 0) material.note = notes.join("；");
  return material;
}

const MATERIAL_COLUMNS: [keyof Material | "scenario", RegExp][] = [
  ["scenario", /^场景$/],
  ["name", /材料名称/],
  ["source", /来源渠道/],
  ["kind", /材料类型/],
  ["copies", /份数/],
  ["medium", /材料形式/],
  ["requirementText", /必要性/],
  ["keepPaper", /留存纸质|存留纸质/],
  ["obtainableBySharing", /信息共享/],
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
    const requirement = cell(row, "requirementText");
    const copiesText = cell(row, "copies");
    const copies = /^\d+$/.test(copiesText) ? Number(copiesText) : /无需/.test(copiesText) ? 0 : null;
    const material: Material = {
      id: `${idPrefix}${materials.length + 1}`,
      name,
      source: cell(row, "source") || null,
      kind: cell(row, "kind") || null,
      copies,
      medium: cell(row, "medium") || null,
      required: !/非必要|非必须|可选|容缺/.test(requirement),
      keepPaper: yesNo(cell(row, "keepPaper")),
      obtainableBySharing: yesNo(cell(row, "obtainableBySharing")),
      scenario,
      formId: null,
    };
    if (requirement !== "") material.requirementText = requirement;
    if (copies === null && copiesText !== "") material.note = `份数：${copiesText}`;
    if (copies === 0) material.note = copiesText;
    materials.push(material);
  }
  return materials;
}

/**
 * Steps that start with the applicant's own 申请 step carrying the forms the applicant fills
 * (buildFlow would otherwise add a bare one).
 */
export function withApplicantStep(steps: StepSpec[], formIds: string[], label = "申请"): StepSpec[] {
  const forms = formIds.map((formId) => ({ formId, mode: "edit" as const }));
  const [first, ...rest] = steps;
  if (first && (first.role ?? roleFor(first.label)) === "applicant") return [{ ...first, forms: [...(first.forms ?? []), ...forms] }, ...rest];
  return [{ label, role: "applicant", forms }, ...steps];
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
  const compact = (text: string) => text.replace(/[《》\s（）()]/g, "").replace(/模板$/, "");
  const a = compact(name);
  const b = compact(title);
  if (a === "" || b === "") return 0;
  if (a === b || b.includes(a) || (a.includes(b) && b.length >= 4)) return 1;
  return commonSubsequence(a, b) / Math.max(a.length, b.length);
}

/**
 * Links each material to the form it is filled from: the form whose title contains the
 * material's name (or is at least 80 % alike: 结班/结业班, 申请表/资格审核表 of the same item).
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

// ---------------------------------------------------------------------------
// Forms

/** The item's lines between two line numbers (inclusive). */
export function linesBetween(item: ItemText, first: number, last: number): SourceLine[] {
  return item.lines.filter((line) => line.no >= first && line.no <= last);
}

/** The first line (number) of the item whose normalised text satisfies `test`, searching from `from`. */
export function findLine(item: ItemText, test: (text: string) => boolean, from = 0): number | null {
  const line = item.lines.find((candidate) => candidate.no >= from && test(cleanText(candidate.text).replace(/\s+/g, "")));
  return line ? line.no : null;
}

/** The last non-blank line number before `line` (exclusive). */
export function lastTextLineBefore(item: ItemText, line: number): number {
  const before = item.lines.filter((candidate) => candidate.no < line && candidate.text.trim() !== "");
  return before.length > 0 ? before[before.length - 1].no : line;
}

/** A short line naming a form or text template (`确认享受稳岗返还政策回执单`, `个人求职登记表`). */
export function isTemplateTitle(text: string): boolean {
  const compact = text.replace(/\s+/g, "");
  return (
    compact.length >= 3 &&
    compact.length <= 30 &&
    !/[。；：:，,_\t]/.test(compact) &&
    /(告知书|承诺书|回执单|申请书|申请表|登记表|审批表|审核表|花名册|通知单|存根|证明|函|表|单|模板|目录|简章模板)$/.test(compact)
  );
}

// ---------------------------------------------------------------------------
// Appendices and unextracted text

export function appendixOf(kind: Appendix["kind"], title: string, lines: SourceLine[]): Appendix {
  const range = rangeOf(lines.filter((line) => line.text.trim() !== ""));
  const appendix: Appendix = { kind, title, text: textOf(lines) };
  if (range) appendix.source = range;
  return appendix;
}

export function unextracted(label: string, first: number, last: number): Unextracted {
  return { label, range: { first, last } };
}

// ---------------------------------------------------------------------------
// Flows with alternative procedures

/** One alternative procedure of a service (职业供求信息发布 / 市场工资指导价位发布 …). */
export interface FlowBranch {
  /** Shown on the applicant's submit action that chooses this procedure. */
  label: string;
  /** Its steps; a leading applicant step is merged into the shared 申请 step. */
  steps: StepSpec[];
}

const BRANCH_NODE_SIZE: Record<FlowNode["type"], { width: number; height: number }> = {
  start: { width: 48, height: 48 },
  end: { width: 48, height: 48 },
  gateway: { width: 56, height: 56 },
  task: { width: 180, height: 64 },
};

/**
 * A flow whose shared 申请 step offers one submit action per alternative procedure; each
 * action leads into that procedure's steps (built with buildFlow and prefixed `b1-` …),
 * and all procedures share the end nodes. One branch → plain buildFlow.
 */
export function buildBranchedFlow(
  branches: FlowBranch[],
  derivation: "text" | "minimal" = "text",
  applyForms: string[] = [],
): Flow {
  if (branches.length === 1) return buildFlow(withApplicantStep(branches[0].steps, applyForms), { derivation });
  const nodes: FlowNode[] = [{ id: "start", type: "start", label: "开始", position: { x: 0, y: 0 } }];
  const edges: FlowEdge[] = [{ id: "start--apply", from: "start", to: "apply" }];
  const applyActions: Action[] = [];
  const endIds = new Set<string>();
  branches.forEach((branch, index) => {
    const prefix = `b${index + 1}-`;
    const flow = buildFlow(branch.steps, { derivation });
    const applicantStep = flow.nodes.find((node) => node.type === "task" && flow.edges.some((e) => e.from === "start" && e.to === node.id));
    const rename = (id: string) => (flow.nodes.find((node) => node.id === id)?.type === "end" ? id : `${prefix}${id}`);
    const entry = flow.edges.find((e) => e.from === applicantStep?.id && e.action?.endsWith("-submit"));
    const action: Action = { id: `apply-submit-${index + 1}`, label: branch.label, kind: "submit", requiresComment: false };
    applyActions.push(action);
    edges.push({ id: `apply--${rename(entry!.to)}--submit`, from: "apply", to: rename(entry!.to), action: action.id, label: branch.label });
    for (const node of flow.nodes) {
      if (node.type === "start" || node.id === applicantStep?.id) continue;
      if (node.type === "end") {
        if (!endIds.has(node.id)) nodes.push(node);
        endIds.add(node.id);
        continue;
      }
      const renamed = { ...node, id: rename(node.id) } as FlowNode;
      if (renamed.type === "task") {
        renamed.actions = renamed.actions.map((act) => ({ ...act, id: `${prefix}${act.id}` }));
      }
      nodes.push(renamed);
    }
    for (const edge of flow.edges) {
      if (edge.from === "start" || edge.from === applicantStep?.id) continue;
      edges.push({
        ...edge,
        id: `${prefix}${edge.id}`,
        from: rename(edge.from),
        to: rename(edge.to),
        ...(edge.action ? { action: `${prefix}${edge.action}` } : {}),
      });
    }
  });
  nodes.splice(1, 0, {
    id: "apply",
    type: "task",
    label: "申请",
    role: "applicant",
    actions: applyActions,
    position: { x: 0, y: 0 },
    forms: applyForms.map((formId) => ({ formId, mode: "edit" as const })),
    sla: null,
    pausable: false,
    clockStops: false,
    publicNotice: false,
    checkpoints: [],
  });
  const ends = nodes.filter((node) => node.type === "end");
  const rest = nodes.filter((node) => node.type !== "end");
  return { nodes: layoutNodes([...rest, ...ends], edges), edges, derivation };
}

/** Top-to-bottom dagre layout (positions are rounded top-left corners), as buildFlow does. */
export function layoutNodes(nodes: FlowNode[], edges: FlowEdge[]): FlowNode[] {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "TB", nodesep: 60, ranksep: 56, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { ...BRANCH_NODE_SIZE[node.type] });
  for (const edge of edges) graph.setEdge(edge.from, edge.to, {}, edge.id);
  dagre.layout(graph);
  return nodes.map((node) => {
    const { x, y } = graph.node(node.id);
    const { width, height } = BRANCH_NODE_SIZE[node.type];
    return { ...node, position: { x: Math.round(x - width / 2), y: Math.round(y - height / 2) } };
  });
}

/**
 * The entries of a section: list items, with a paragraph that carries an inline list
 * (`（1）…（2）…`) split into its items (its lead, if any, first).
 */
export function entriesOf(lines: SourceLine[]): { text: string; marker: string | null; first: number; last: number }[] {
  const entries: { text: string; marker: string | null; first: number; last: number }[] = [];
  for (const paragraph of paragraphsOf(lines)) {
    const inline = splitInlineList(paragraph.text);
    if (inline && inline.items.length >= 2) {
      if (inline.lead !== "") entries.push({ text: inline.lead, marker: null, first: paragraph.first, last: paragraph.last });
      inline.items.forEach((text, i) => entries.push({ text, marker: `（${i + 1}）`, first: paragraph.first, last: paragraph.last }));
    } else {
      entries.push(...toListItems([paragraph]));
    }
  }
  return entries;
}

/** The labels of a flow's task nodes in order (for tests and reports). */
export function taskLabels(flow: Flow): string[] {
  return flow.nodes.filter((node) => node.type === "task").map((node) => node.label);
}

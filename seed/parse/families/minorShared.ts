/**
 * Building blocks shared by the parsers of the twelve minor layouts (basicInfo, unempGuide,
 * applyBasis, acceptCond, projectName, handleBasis, disputeGuide, disputeRules, hotline,
 * archive, manual, notice): the service skeleton (on A's assemble.ts / categories.ts),
 * section paragraphs that never join across headings, guide fields, legal-basis citations
 * (A's legalBasis.ts, chained citations split), appendices. Materials and branched flows live
 * in ./minorMaterials and ./branchedFlow and are re-exported here. Pure functions.
 */
import type {
  Flow,
  Guide,
  Level,
  LineRange,
  Material,
  ServiceDefinition,
  TimeLimit,
} from "@/runtime/definition/schema";
import type { Appendix, ItemText, SourceLine, Unextracted } from "../types";
import {
  cleanText,
  findNumeralSections,
  joinParagraphs,
  parseNumeralHeading,
  rangeOf,
  firstSentence,
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
import { stagesOf } from "./stagedLimits";
import { assembleService as assembleItemService, type PartRanges } from "../assemble";
import { serviceGroup } from "../categories";
import { parseLevels as parseLevelsA } from "../guideFields";
import { looksLikeFormTitle } from "../formBlocks";

// ---------------------------------------------------------------------------
// Groups, codes and the service skeleton (A's assemble.ts / categories.ts)

export { emptyGuide, PartRanges, itemTitle, serviceTitle } from "../assemble";
export { serviceCode } from "../categories";

/** group.part / group.category: A's serviceGroup (ENTRIES group or the category of the seq range). */
export function groupOf(item: ItemText): { part: string; category: string } {
  return serviceGroup(item.entry);
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
  /** Lines of the service when it is one of several of the item (defaults to the whole item). */
  range?: LineRange;
  parts: PartRanges;
}

/**
 * A's assembleService plus what the minor layouts need: appendices, a sub-service's own line
 * range, and a summary defaulting to the description's first sentence (else the title).
 */
export function assembleService(item: ItemText, service: ServiceParts): ServiceDefinition {
  const summary = service.summary ?? (firstSentence(service.guide.description ?? "") || service.title);
  const assembled = assembleItemService(item, {
    code: service.code,
    title: service.title,
    group: service.group,
    summary,
    guide: service.guide,
    materials: service.materials ?? [],
    forms: service.forms ?? [],
    flow: service.flow,
    parts: service.parts,
  });
  return {
    ...assembled,
    appendices: service.appendices ?? [],
    source: service.range && assembled.source ? { ...assembled.source, ...service.range } : assembled.source,
  };
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

/** A's parseLevels, with `各级` → all three and `直辖市级` not read as 盟市 (市级). */
export function parseLevels(text: string): Level[] {
  const plain = cleanText(text);
  if (/各级/.test(plain)) return ["region", "league", "banner"];
  return parseLevelsA(plain.replace(/直辖市级?/g, "").replace(/省(、|级)?/g, "自治区$1"));
}

export { parseAudience, parseCaseType } from "../guideFields";

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
  // `人工语音，接通后及时登记。`: an immediate handling A's parser does not list
  if (perChannel.length === 1 && perChannel[0].unit === null && /即时|及时|当场/.test(text)) {
    const channel = /^(线上|线下|自助语音|人工语音)[，,：:]/.exec(cleanText(text))?.[1];
    return [{ ...perChannel[0], days: 0, unit: "instant", ...(channel ? { channel } : {}) }];
  }
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
  const items = legalBasisFromParagraphs(paragraphs);
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
// Forms

/** A short line naming a form or text template (A's looksLikeFormTitle, plus 存根 / 目录 / 模板) (`确认享受稳岗返还政策回执单`, `个人求职登记表`). */
export function isTemplateTitle(text: string): boolean {
  const compact = text.replace(/\s+/g, "");
  if (/[_\t]/.test(compact)) return false;
  if (looksLikeFormTitle(compact)) return true;
  // form nouns A's looksLikeFormTitle does not list (调函存根, 人事档案目录, 招聘简章模板)
  return compact.length >= 3 && compact.length <= 30 && !/[。；：:，,]/.test(compact) && /(存根|目录|模板)$/.test(compact);
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


// ---------------------------------------------------------------------------
// Re-exports of the sibling modules (materials, flows) so families import one place

export * from "./minorMaterials";
export * from "./branchedFlow";

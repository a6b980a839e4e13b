/** Guide fields as the minor layouts state them: levels, conditions, channels, parties, URLs, limits, fee, notes. */
import type { Guide, Level, TimeLimit } from "@/runtime/definition/schema";
import type { SourceLine } from "../types";
import type { PartRanges } from "../assemble";
import { parseLevels as parseLevelsA } from "../guideFields";
import { parseFee, parseTimeLimits } from "../limits";
import { sectionRange, type Section } from "../text/headings";
import { cleanText } from "../text/markup";
import { listItemsOf, textOf } from "../text/sectionText";
import { splitTopLevel, trimPunctuation } from "../text/sentences";
import { stagesOf } from "./stagedLimits";

/** A's parseLevels, with `各级` → all three and `直辖市级` not read as 盟市 (市级). */
export function parseLevels(text: string): Level[] {
  const plain = cleanText(text);
  if (/各级/.test(plain)) return ["region", "league", "banner"];
  return parseLevelsA(plain.replace(/直辖市级?/g, "").replace(/省(、|级)?/g, "自治区$1"));
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
    return splitTopLevel(entries[0].text, "。").map(trimPunctuation).filter((sentence) => sentence !== "");
  }
  return entries.map((entry) => trimPunctuation(entry.text)).filter((text) => text !== "");
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

/** A section's text as a `guide.notes` entry under its heading; its lines are recorded as the note's source. */
export function addSectionNote(guide: Guide, parts: PartRanges, section: Section): void {
  addNote(guide, section.name, textOf(section.body));
  parts.add(`guide.notes.${section.name}`, sectionRange(section));
}

/** Every section the layout's vocabulary does not name (key null) as a note, in document order. */
export function addUnnamedSectionNotes(guide: Guide, parts: PartRanges, sections: Section[]): void {
  for (const section of sections) if (section.key === null) addSectionNote(guide, parts, section);
}

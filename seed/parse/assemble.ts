/**
 * Assembling a ServiceDefinition from what a family parser extracted: the `source.parts`
 * line ranges, forms from blocks (via the form converter) and the
 * material ↔ form links.
 */
import type { Guide, LineRange, Material, ServiceDefinition } from "@/runtime/definition/schema";
import { defaultLocks } from "@/runtime/definition/variant/locks";
import { formFromBlock } from "../forms/fromBlock";
import { sameForm } from "./formBlocks";
import { rangeOf } from "./text/lines";
import type { FormBlock, ItemText } from "./types";

/** Collects `source.parts`: the line range each extracted part came from. */
export class PartRanges {
  readonly ranges: Record<string, LineRange> = {};

  /** Records (or widens) the range of `key`; ignores empty input. */
  add(key: string, lines: { no: number }[] | LineRange | null | undefined): void {
    const range = Array.isArray(lines) ? rangeOf(lines) : lines;
    if (!range) return;
    const known = this.ranges[key];
    this.ranges[key] = known
      ? { first: Math.min(known.first, range.first), last: Math.max(known.last, range.last) }
      : { first: range.first, last: range.last };
  }
}

/** The converted form of a block, with the block's line range as its source. */
export function formOf(block: FormBlock): ServiceDefinition["forms"][number] {
  const form = formFromBlock(block);
  const range = rangeOf(block.lines.filter((line) => line.text.trim() !== ""));
  return range && !form.source ? { ...form, source: range } : form;
}

/** Sets `formId` on each material that names one of the forms (`《X》` = form title X). */
export function linkMaterialsToForms(materials: Material[], forms: { id: string; title: string }[]): void {
  for (const material of materials) {
    const form = forms.find((candidate) => sameForm(material.name, candidate.title));
    if (form) material.formId = form.id;
  }
}

/** The title of an item as the table of contents spells it (wrap spaces removed, full-width parens). */
export function itemTitle(item: ItemText): string {
  return item.entry.titleInToc
    .replace(/(?<=[^\p{ASCII}])\s+(?=[^\p{ASCII}])/gu, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）");
}

/**
 * The name of the service an item describes: its title without the kind of text it is
 * (`企业社会保险登记规范` → `企业社会保险登记`, `工伤认定办事指南` → `工伤认定`,
 * `劳动人事争议仲裁申请流程指南` → `劳动人事争议仲裁申请`), as the applicant's pages and the
 * letters (“您于…提交的“工伤认定”申请”) name it.
 */
export function serviceTitle(item: ItemText): string {
  const title = itemTitle(item);
  const name = title.replace(/(?:办事指南|工作指南|流程指南|服务指南|规范)$/, "");
  return name.length >= 2 ? name : title;
}

export interface ServiceContent {
  code: string;
  title: string;
  group: ServiceDefinition["group"];
  summary: string;
  guide: Guide;
  materials: Material[];
  forms: ServiceDefinition["forms"];
  flow: ServiceDefinition["flow"];
  parts: PartRanges;
}

/** A material the document names as a 告知承诺 letter (“…证明事项告知承诺制承诺书…”) may be committed to instead of provided. */
function withCommitment(material: Material): Material {
  return /告知承诺/.test(material.name) ? { ...material, commitmentAllowed: true } : material;
}

/** A ServiceDefinition of one item: the item's lines are its source range. */
export function assembleService(item: ItemText, content: ServiceContent): ServiceDefinition {
  const definition: ServiceDefinition = {
    schemaVersion: 1,
    code: content.code,
    title: content.title,
    group: content.group,
    summary: content.summary,
    guide: content.guide,
    materials: content.materials.map(withCommitment),
    forms: content.forms,
    flow: content.flow,
    appendices: [],
    source: {
      document: item.document,
      entry: item.entry.seq,
      layout: item.entry.layout,
      first: item.lines[0].no,
      last: item.lines[item.lines.length - 1].no,
      parts: content.parts.ranges,
    },
    locks: [],
  };
  // What local variants may not change: the fee, the legal limit, the legal basis, the materials marked 必要.
  return { ...definition, locks: defaultLocks(definition) };
}

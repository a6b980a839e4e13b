/**
 * The service skeleton of the twelve minor layouts (basicInfo, unempGuide, applyBasis, acceptCond,
 * projectName, handleBasis, disputeGuide, disputeRules, hotline, archive, manual, notice): A's
 * assembleService with appendices and a sub-service's own line range; the result of an item that is
 * one service; appendices and unextracted text.
 */
import type { Flow, Guide, LineRange, Material, ServiceDefinition } from "@/runtime/definition/schema";
import type { Appendix, ItemText, ParseResult, SourceLine, Unextracted } from "../types";
import { assembleService as assembleItemService, serviceTitle, type PartRanges } from "../assemble";
import { serviceGroup } from "../categories";
import { rangeOf } from "../text/lines";
import { textOf } from "../text/sectionText";
import { firstSentence } from "../text/sentences";

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

/** The parse result of an item that is one service, titled (serviceTitle) and grouped as the item. */
export function singleServiceResult(
  item: ItemText,
  service: Omit<ServiceParts, "title" | "group">,
  unextractedParts: Unextracted[],
): ParseResult {
  const assembled = assembleService(item, { ...service, title: serviceTitle(item), group: groupOf(item) });
  return { services: [assembled], attachments: [], unextracted: unextractedParts };
}

export function appendixOf(kind: Appendix["kind"], title: string, lines: SourceLine[]): Appendix {
  const range = rangeOf(lines.filter((line) => line.text.trim() !== ""));
  const appendix: Appendix = { kind, title, text: textOf(lines) };
  if (range) appendix.source = range;
  return appendix;
}

export function unextracted(label: string, first: number, last: number): Unextracted {
  return { label, range: { first, last } };
}

/**
 * The whole seed parse, pure: document text + ENTRIES.tsv text → validated service
 * definitions (appendices attached) and what each entry left unextracted. Used by
 * `seed/build.ts` (which writes the templates), `seed/report.ts` and the templates test.
 */
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { defaultBindings } from "@/runtime/definition/connectors";
import { FAMILY_PARSERS } from "./parse/families";
import { withDecisions } from "./decisions";
import { cutItems, numberLines, parseEntries } from "./parse/items";
import type { ParseResult, Unextracted } from "./parse/types";
import { withGeneratedForm } from "./forms/generated";
import { withOrganisationOnlyMarked } from "./forms/organisationOnly";

export const SOURCE_DOCUMENT = "000_f296b97e2ab141b6.txt";

export interface SeedResult {
  services: ServiceDefinition[];
  /** Unextracted text by ENTRIES seq. */
  unextracted: Map<number, Unextracted[]>;
}

/** The index entry of one service (`seed/templates/index.json`). */
export interface TemplateIndexEntry {
  code: string;
  title: string;
  group: ServiceDefinition["group"];
  entry: number | null;
  source: { first: number; last: number } | null;
}

/**
 * Parses every entry with its family parser, attaches the appendices items return for
 * other services (to `targetCode`, else the first service of `targetSeq`), and validates
 * each service with the contract (defaults applied). Throws on an unknown layout, a
 * missing attachment target or an invalid service.
 */
export function parseSeed(documentText: string, entriesTsv: string, document = SOURCE_DOCUMENT): SeedResult {
  const items = cutItems(numberLines(documentText), parseEntries(entriesTsv), document);
  const results: { seq: number; result: ParseResult }[] = items.map((item) => {
    const parser = FAMILY_PARSERS[item.entry.layout];
    if (!parser) throw new Error(`Entry ${item.entry.seq}: no parser for layout "${item.entry.layout}"`);
    return { seq: item.entry.seq, result: parser(item) };
  });
  const services = results.flatMap(({ result }) => result.services);
  for (const { seq, result } of results) {
    for (const attachment of result.attachments) {
      const target =
        services.find((service) => attachment.targetCode !== undefined && service.code === attachment.targetCode) ??
        services.find((service) => service.source?.entry === attachment.targetSeq);
      if (!target) throw new Error(`Entry ${seq}: no service ${attachment.targetCode ?? `of entry ${attachment.targetSeq}`} to attach 「${attachment.appendix.title}」 to`);
      target.appendices = [...(target.appendices ?? []), attachment.appendix];
    }
  }
  const validated = services.map((service) => {
    // 校验与共享: the template comes bound to the named connectors (the designer's 校验与共享 tab changes them).
    const bindings = defaultBindings(service);
    if (bindings.preChecks.length + bindings.dataSharing.length + bindings.materials.length > 0) service.connectors = bindings;
    // a service whose applicant has no form to fill gets one built from its guide (seed/forms/generated.ts)
    // and a person is never asked for an organisation's seal or its 经办人's signature (seed/forms/organisationOnly.ts);
    // the parsers' services are complete, so one parse after these additions validates all and applies their defaults
    const parsed = serviceDefinition.safeParse(withDecisions(withOrganisationOnlyMarked(withGeneratedForm(service))));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`Service ${service.code}: ${issue.path.join(".")}: ${issue.message}`);
    }
    return parsed.data;
  });
  const codes = new Set<string>();
  for (const service of validated) {
    if (codes.has(service.code)) throw new Error(`Duplicate service code ${service.code}`);
    codes.add(service.code);
  }
  return {
    services: validated,
    unextracted: new Map(results.map(({ seq, result }) => [seq, result.unextracted])),
  };
}

export function indexEntry(service: ServiceDefinition): TemplateIndexEntry {
  return {
    code: service.code,
    title: service.title,
    group: service.group,
    entry: service.source?.entry ?? null,
    source: service.source ? { first: service.source.first, last: service.source.last } : null,
  };
}

/** The JSON text a template file holds: 2-space indent, trailing newline. */
export function templateJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * `npm run seed:report`: one line per service with what was extracted (materials, forms,
 * form fields, flow steps, time limits, legal basis, risk points) and what was not, then
 * totals. Runs the same pure parse as `seed:build`.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { unboundItems } from "@/runtime/definition/connectors";
import { parseSeed, SOURCE_DOCUMENT } from "./pipeline";

interface Counts {
  materials: number;
  forms: number;
  fields: number;
  steps: number;
  limits: number;
  legalBasis: number;
  risks: number;
  /** 前置校验 and 业务共享需求 the text states, and how many of each are bound to a connector (校验与共享). */
  preChecks: number;
  preChecksBound: number;
  sharing: number;
  sharingBound: number;
}

/** Leaf fields of a JSON Schema: nested objects and array items are counted by their leaves. */
function countFields(schema: unknown): number {
  if (typeof schema !== "object" || schema === null) return 0;
  const node = schema as { properties?: Record<string, unknown>; items?: unknown; $comment?: string };
  if (typeof node.$comment === "string" && node.$comment.startsWith("attestation")) return 1;
  if (node.properties) return Object.values(node.properties).reduce<number>((sum, child) => sum + countFields(child), 0);
  if (node.items) return countFields(node.items);
  return 1;
}

function connectorCounts(service: ServiceDefinition) {
  const unbound = unboundItems(service);
  return {
    preChecks: service.guide.preChecks.length,
    preChecksBound: service.guide.preChecks.length - unbound.preChecks.length,
    sharing: service.guide.dataSharing.length,
    sharingBound: service.guide.dataSharing.length - unbound.dataSharing.length,
  };
}

function countsOf(service: ServiceDefinition): Counts {
  return {
    materials: service.materials.length,
    forms: service.forms.length,
    fields: service.forms.reduce((sum, form) => sum + countFields(form.schema), 0),
    steps: service.flow.nodes.filter((node) => node.type === "task").length,
    limits: service.guide.legalLimit.length + service.guide.promisedLimit.length,
    legalBasis: service.guide.legalBasis.length,
    risks: service.guide.risks.length,
    ...connectorCounts(service),
  };
}

function main(): void {
  const sourceDir = join(dirname(fileURLToPath(import.meta.url)), "source");
  const { services, unextracted } = parseSeed(
    readFileSync(join(sourceDir, SOURCE_DOCUMENT), "utf8"),
    readFileSync(join(sourceDir, "ENTRIES.tsv"), "utf8"),
  );
  const totals: Counts = { materials: 0, forms: 0, fields: 0, steps: 0, limits: 0, legalBasis: 0, risks: 0, preChecks: 0, preChecksBound: 0, sharing: 0, sharingBound: 0 };
  const unboundServices: string[] = [];
  const reported = new Set<number>();
  for (const service of services) {
    const counts = countsOf(service);
    for (const key of Object.keys(totals) as (keyof Counts)[]) totals[key] += counts[key];
    const columns = Object.entries(counts)
      .map(([key, value]) => `${key}=${value}`)
      .join(" ");
    console.log(`${service.code.padEnd(8)} ${columns} flow=${service.flow.derivation} ${service.title}`);
    const unbound = unboundItems(service);
    for (const item of [...unbound.preChecks, ...unbound.dataSharing, ...unbound.materials]) console.log(`         unbound ${item}`);
    if (unbound.preChecks.length + unbound.dataSharing.length + unbound.materials.length > 0) unboundServices.push(service.code);
    // a form the platform built where the document gives no template, and what from
    for (const form of service.forms.filter((f) => f.generated)) {
      const lines = form.generated!.from.map((f) => `${f.part} ${f.first}-${f.last}`).join(", ");
      console.log(`         generated ${form.id} 《${form.title}》: ${form.generated!.basis} (${lines || "no lines"})`);
    }
    const seq = service.source?.entry;
    if (seq !== undefined && !reported.has(seq)) {
      reported.add(seq);
      for (const item of unextracted.get(seq) ?? []) {
        console.log(`         unextracted ${item.range.first}-${item.range.last}: ${item.label}`);
      }
    }
  }
  const unextractedCount = [...unextracted.values()].reduce((sum, list) => sum + list.length, 0);
  const byDerivation = (derivation: string) => services.filter((service) => service.flow.derivation === derivation).length;
  console.log(
    `\nTOTAL services=${services.length} ${Object.entries(totals)
      .map(([key, value]) => `${key}=${value}`)
      .join(" ")} generatedForms=${services.filter((service) => service.forms.some((f) => f.generated)).length} flows(text)=${byDerivation("text")} flows(minimal)=${byDerivation("minimal")} unextracted=${unextractedCount}`,
  );
  const stating = services.filter((service) => service.guide.preChecks.length + service.guide.dataSharing.length > 0).length;
  console.log(`CONNECTORS services stating checks or shared data=${stating} unbound services=${unboundServices.length}${unboundServices.length ? ` (${unboundServices.join(", ")})` : ""}`);
}

main();

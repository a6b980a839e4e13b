/**
 * `npm run export -- --office CODE`: the definitions an office actually runs. For every service
 * visible to it — its own, and for each service of the offices above it the most specific
 * published variant in its chain (banner → league → region) — the effective definition, with
 * whose version it is and which of the parent's versions it derives from (_index.json).
 */
import "server-only";
import type { Db } from "@/runtime/db";
import { AppError } from "@/runtime/errors";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { organisationTree } from "../organisations/tree";

export interface OfficeExportEntry {
  code: string;
  /** The office whose version this is (the office itself, its league or the region). */
  ownerOrgId: string;
  ownerName: string;
  version: number;
  /** The parent's version a variant derives from; null for a service of its own. */
  baseVersion: number | null;
  /** The office owning that parent version; null for a service of its own. */
  baseOwnerOrgId: string | null;
}

/** The file beside the definitions: marked, so that `npm run import` of a whole folder skips it. */
export interface OfficeExportIndex {
  kind: "office-export-index";
  office: { code: string; name: string };
  services: OfficeExportEntry[];
}

export function isOfficeExportIndex(value: unknown): value is OfficeExportIndex {
  return !!value && typeof value === "object" && (value as { kind?: unknown }).kind === "office-export-index";
}

export async function exportForOffice(db: Db, officeId: string): Promise<{ index: OfficeExportIndex; definitions: Map<string, ServiceDefinition> }> {
  const tree = await organisationTree(db);
  const chain = tree.chain(officeId);
  if (chain.length === 0) throw new AppError("NOT_FOUND", `没有编码为 ${officeId} 的单位`);
  const rank = new Map(chain.map((org, i) => [org.id, i]));
  // The latest published version of every service in the chain, without definitions.
  const versions = await db.serviceVersion.findMany({
    where: { status: "published", service: { ownerOrgId: { in: chain.map((o) => o.id) } } },
    orderBy: [{ serviceId: "asc" }, { number: "desc" }],
    select: {
      id: true,
      serviceId: true,
      number: true,
      service: { select: { code: true, ownerOrgId: true } },
      baseVersion: { select: { number: true, service: { select: { ownerOrgId: true } } } },
    },
  });
  const latest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if (!latest.has(v.serviceId)) latest.set(v.serviceId, v);
  // Per code, the one nearest the office.
  const chosen = new Map<string, (typeof versions)[number]>();
  for (const v of latest.values()) {
    const current = chosen.get(v.service.code);
    if (!current || rank.get(v.service.ownerOrgId)! < rank.get(current.service.ownerOrgId)!) chosen.set(v.service.code, v);
  }
  const rows = await db.serviceVersion.findMany({ where: { id: { in: [...chosen.values()].map((v) => v.id) } }, select: { id: true, definition: true } });
  const byId = new Map(rows.map((r) => [r.id, r.definition]));
  const entries = [...chosen.values()].sort((a, b) => a.service.code.localeCompare(b.service.code));
  const definitions = new Map<string, ServiceDefinition>();
  for (const v of entries) definitions.set(v.service.code, serviceDefinition.parse(byId.get(v.id)));
  return {
    index: {
      kind: "office-export-index",
      office: { code: officeId, name: chain[0].name },
      services: entries.map((v) => ({
        code: v.service.code,
        ownerOrgId: v.service.ownerOrgId,
        ownerName: tree.get(v.service.ownerOrgId)?.name ?? v.service.ownerOrgId,
        version: v.number ?? 0,
        baseVersion: v.baseVersion?.number ?? null,
        baseOwnerOrgId: v.baseVersion?.service.ownerOrgId ?? null,
      })),
    },
    definitions,
  };
}

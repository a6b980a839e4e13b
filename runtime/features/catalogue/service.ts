/** Reads of the published catalogue. The region (150000) owns the templates. */
import "server-only";
import type { Db } from "@/runtime/db";
import { notFound } from "@/runtime/errors";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { cached, dbCache } from "@/runtime/cache";
import { catalogueGeneration } from "./changes";

export const REGION_ID = "150000";

export interface CatalogueEntry {
  code: string;
  title: string;
  part: string;
  category: string;
  summary: string;
  version: number;
}

/**
 * The latest published version of each region service. Reads only the version ids and the
 * services' names; what comes from a version's definition (its summary) is derived once per
 * published version and kept by version id — a published version never changes, so a new
 * publication (a new id) is listed at once, on every instance.
 */
export async function listPublishedServices(db: Db, search?: string): Promise<CatalogueEntry[]> {
  const versions = await db.serviceVersion.findMany({
    where: {
      status: "published",
      service: {
        ownerOrgId: REGION_ID,
        ...(search ? { OR: [{ title: { contains: search } }, { category: { contains: search } }, { code: { contains: search } }] } : {}),
      },
    },
    select: { id: true, number: true, service: { select: { code: true, title: true, part: true, category: true } } },
    orderBy: [{ service: { code: "asc" } }, { number: "desc" }],
  });
  const latest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if (!latest.has(v.service.code)) latest.set(v.service.code, v);
  const summaries = await versionSummaries(db, [...latest.values()].map((v) => v.id));
  return [...latest.values()].map((v) => ({
    code: v.service.code,
    title: v.service.title,
    part: v.service.part,
    category: v.service.category,
    summary: summaries.get(v.id) ?? "",
    version: v.number ?? 0,
  }));
}

/** Published versions are immutable: what is derived from one is kept by its id (LRU-bounded). */
const VERSION_TTL_MS = 24 * 60 * 60 * 1000;

async function versionSummaries(db: Db, versionIds: string[]): Promise<Map<string, string>> {
  const cache = dbCache<{ summary: string }>(db, "versionSummary", VERSION_TTL_MS, 5000);
  const out = new Map<string, string>();
  const missing: string[] = [];
  for (const id of versionIds) {
    const hit = cache?.get(id);
    if (hit) out.set(id, hit.summary);
    else missing.push(id);
  }
  for (let at = 0; at < missing.length; at += 200) {
    const rows = await db.serviceVersion.findMany({ where: { id: { in: missing.slice(at, at + 200) } }, select: { id: true, definition: true } });
    for (const row of rows) {
      const summary = (row.definition as { summary?: unknown }).summary;
      const entry = { summary: typeof summary === "string" ? summary : "" };
      cache?.set(row.id, entry);
      out.set(row.id, entry.summary);
    }
  }
  return out;
}

export interface PublishedService {
  serviceId: string;
  versionId: string;
  version: number;
  definition: ServiceDefinition;
}

/**
 * The latest published version of a region service. Which version is the latest is cached
 * briefly (publishing through this instance shows at once, see changes.ts; through another
 * instance within seconds); its parsed definition is kept by version id.
 */
export function getPublishedService(db: Db, code: string): Promise<PublishedService> {
  return cached(dbCache<PublishedService>(db, "published", 3_000), `${catalogueGeneration()}:${code}`, () => loadPublishedService(db, code));
}

async function loadPublishedService(db: Db, code: string): Promise<PublishedService> {
  const version = await db.serviceVersion.findFirst({
    where: { status: "published", service: { code, ownerOrgId: REGION_ID } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, serviceId: true },
  });
  if (!version) throw notFound("该服务事项");
  return {
    serviceId: version.serviceId,
    versionId: version.id,
    version: version.number ?? 0,
    definition: (await publishedDefinition(db, version.id)).definition,
  };
}

function publishedDefinition(db: Db, versionId: string): Promise<{ definition: ServiceDefinition }> {
  return cached(dbCache<{ definition: ServiceDefinition }>(db, "publishedDefinition", VERSION_TTL_MS, 500), versionId, async () => {
    const row = await db.serviceVersion.findUniqueOrThrow({ where: { id: versionId }, select: { definition: true } });
    return { definition: serviceDefinition.parse(row.definition) };
  });
}

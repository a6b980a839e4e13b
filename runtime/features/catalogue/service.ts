/** Reads of the published catalogue. The region (150000) owns the templates. */
import "server-only";
import type { Db } from "@/runtime/db";
import { notFound } from "@/runtime/errors";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { cached, dbCache } from "@/runtime/cache";

export const REGION_ID = "150000";

export interface CatalogueEntry {
  code: string;
  title: string;
  part: string;
  category: string;
  summary: string;
  version: number;
}

export async function listPublishedServices(db: Db, search?: string): Promise<CatalogueEntry[]> {
  const versions = await db.serviceVersion.findMany({
    where: {
      status: "published",
      service: {
        ownerOrgId: REGION_ID,
        ...(search ? { OR: [{ title: { contains: search } }, { category: { contains: search } }, { code: { contains: search } }] } : {}),
      },
    },
    select: { number: true, definition: true, service: { select: { code: true, title: true, part: true, category: true } } },
    orderBy: [{ service: { code: "asc" } }, { number: "desc" }],
  });
  const latest = new Map<string, CatalogueEntry>();
  for (const v of versions) {
    if (latest.has(v.service.code)) continue;
    const def = v.definition as { summary?: string };
    latest.set(v.service.code, {
      code: v.service.code,
      title: v.service.title,
      part: v.service.part,
      category: v.service.category,
      summary: def.summary ?? "",
      version: v.number ?? 0,
    });
  }
  return [...latest.values()];
}

export interface PublishedService {
  serviceId: string;
  versionId: string;
  version: number;
  definition: ServiceDefinition;
}

/** The latest published version of a region service (cached briefly: publishing elsewhere shows within seconds). */
export function getPublishedService(db: Db, code: string): Promise<PublishedService> {
  return cached(dbCache<PublishedService>(db, "published", 3_000), code, () => loadPublishedService(db, code));
}

async function loadPublishedService(db: Db, code: string): Promise<PublishedService> {
  const version = await db.serviceVersion.findFirst({
    where: { status: "published", service: { code, ownerOrgId: REGION_ID } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, serviceId: true, definition: true },
  });
  if (!version) throw notFound("该服务事项");
  return {
    serviceId: version.serviceId,
    versionId: version.id,
    version: version.number ?? 0,
    definition: serviceDefinition.parse(version.definition),
  };
}

/** Reads of the published catalogue as it applies at a place: the region's templates, and the leagues' and banners' variants and services of their own. */
import "server-only";
import type { Db } from "@/runtime/db";
import { notFound } from "@/runtime/errors";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { cached, dbCache } from "@/runtime/cache";
import type { Level } from "@/runtime/definition/schema";
import { catalogueGeneration } from "./changes";
import { organisationTree, placeOf, versionLabel, type OrganisationTree } from "./places";
import { REGION_ID } from "./regionId";

export { REGION_ID };

/** The office whose version an entry is, and how the hall names it (「新城区版本」). */
export interface VersionOwner {
  id: string;
  name: string;
  level: Level;
  label: string;
}

export interface CatalogueEntry {
  code: string;
  title: string;
  part: string;
  category: string;
  summary: string;
  version: number;
  owner: VersionOwner;
}

interface Candidate {
  id: string;
  number: number | null;
  service: { ownerOrgId: string };
}

/**
 * Of the published versions of one service code owned along a place's chain, the one that
 * applies there: the most specific office's (banner, then league, then region), its latest.
 */
function mostSpecific<C extends Candidate>(candidates: C[], rank: Map<string, number>): C | undefined {
  let best: C | undefined;
  for (const c of candidates) {
    const r = rank.get(c.service.ownerOrgId) ?? Infinity;
    const b = best ? (rank.get(best.service.ownerOrgId) ?? Infinity) : Infinity;
    if (!best || r < b || (r === b && (c.number ?? 0) > (best.number ?? 0))) best = c;
  }
  return best;
}

function ownerOf(tree: OrganisationTree, id: string): VersionOwner {
  const place = tree.get(id) ?? { id, name: id, level: "region" as Level, parentId: null };
  return { id, name: place.name, level: place.level, label: versionLabel(place) };
}

async function placeChain(db: Db, placeId: string | null | undefined) {
  const tree = await organisationTree(db);
  const chain = tree.chain(placeOf(tree, placeId).id).map((p) => p.id);
  return { tree, chain, rank: new Map(chain.map((id, i) => [id, i])) };
}

/**
 * The catalogue as it applies at a place (none: the region's): for each service code, the
 * latest published version of the most specific office along the place's chain — its banner's
 * variant, else its league's, else the region's — and the services those offices designed on
 * their own. One query; the tree is cached, and what comes from a version's definition (its
 * summary) is derived once per published version and kept by version id — a published version
 * never changes, so a new publication (a new id) is listed at once, on every instance.
 */
export async function listPublishedServices(db: Db, search?: string, placeId?: string | null): Promise<CatalogueEntry[]> {
  const { tree, chain, rank } = await placeChain(db, placeId);
  const versions = await db.serviceVersion.findMany({
    where: {
      status: "published",
      service: {
        ownerOrgId: { in: chain },
        ...(search ? { OR: [{ title: { contains: search } }, { category: { contains: search } }, { code: { contains: search } }] } : {}),
      },
    },
    select: { id: true, number: true, service: { select: { code: true, title: true, part: true, category: true, ownerOrgId: true } } },
    orderBy: [{ service: { code: "asc" } }, { number: "desc" }],
  });
  const byCode = new Map<string, (typeof versions)[number][]>();
  for (const v of versions) byCode.set(v.service.code, [...(byCode.get(v.service.code) ?? []), v]);
  const chosen = [...byCode.values()].map((candidates) => mostSpecific(candidates, rank)!);
  const summaries = await versionSummaries(db, chosen.map((v) => v.id));
  return chosen.map((v) => ({
    code: v.service.code,
    title: v.service.title,
    part: v.service.part,
    category: v.service.category,
    summary: summaries.get(v.id) ?? "",
    version: v.number ?? 0,
    owner: ownerOf(tree, v.service.ownerOrgId),
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
  /** The office whose version this is (a variant's owner, or the region). */
  owner: VersionOwner;
  /**
   * The office under which the service applies at all: the owner of the topmost service of this
   * code along the chain (the region for its templates and their variants; a league or banner
   * for a service it designed on its own). Cases go only to offices within it.
   */
  scopeId: string;
}

/**
 * The published version of a service that applies at a place (an applicant's chosen league or
 * banner, or the office a case goes to; none: the region): the most specific office's along
 * the place's chain, its latest. A version owned by an office is only ever found for places
 * within that office, so a neighbouring banner's variant is "not found". Which version applies
 * is cached briefly (publishing through this instance shows at once, see changes.ts; through
 * another instance within seconds); its parsed definition is kept by version id.
 */
export function getPublishedService(db: Db, code: string, placeId?: string | null): Promise<PublishedService> {
  return cached(dbCache<PublishedService>(db, "published", 3_000), `${catalogueGeneration()}:${placeId ?? ""}:${code}`, () => loadPublishedService(db, code, placeId));
}

async function loadPublishedService(db: Db, code: string, placeId: string | null | undefined): Promise<PublishedService> {
  const { tree, chain, rank } = await placeChain(db, placeId);
  const candidates = await db.serviceVersion.findMany({
    where: { status: "published", service: { code, ownerOrgId: { in: chain } } },
    select: { id: true, number: true, serviceId: true, service: { select: { ownerOrgId: true } } },
  });
  const version = mostSpecific(candidates, rank);
  if (!version) throw notFound("该服务事项");
  const scopeId = candidates.reduce((top, c) => ((rank.get(c.service.ownerOrgId) ?? 0) > (rank.get(top) ?? 0) ? c.service.ownerOrgId : top), version.service.ownerOrgId);
  return {
    serviceId: version.serviceId,
    versionId: version.id,
    version: version.number ?? 0,
    definition: (await publishedDefinition(db, version.id)).definition,
    owner: ownerOf(tree, version.service.ownerOrgId),
    scopeId,
  };
}

function publishedDefinition(db: Db, versionId: string): Promise<{ definition: ServiceDefinition }> {
  return cached(dbCache<{ definition: ServiceDefinition }>(db, "publishedDefinition", VERSION_TTL_MS, 500), versionId, async () => {
    const row = await db.serviceVersion.findUniqueOrThrow({ where: { id: versionId }, select: { definition: true } });
    return { definition: serviceDefinition.parse(row.definition) };
  });
}

/**
 * The standardisation view: for each service, which offices run a local variant of it, on which
 * of their parent's versions, which are behind (有新版本), and how much each differs. The region's
 * administrators see the whole region, a league's its league and banners. Variants share their
 * parent's code, so a service's variants at every level are the variants with its code.
 * Kept to a few queries for ~150 services × ~100 offices; definitions are parsed only for one
 * service's table (its few base versions), never per row of the summary.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { itemStates, overlayOf, overlaySize, variantOverlay, type ItemStatus, type OverlaySize } from "@/runtime/definition/variant";
import { notFound } from "@/runtime/errors";
import { adminOrganisations } from "../designer/access";
import { organisationTree } from "../organisations/tree";
import { administers, readableOffices, serviceWithAccess } from "./access";

export interface OverviewService {
  code: string;
  title: string;
  variants: number;
  behind: number;
}

interface LatestPublished {
  id: string;
  serviceId: string;
  number: number;
  baseVersionId: string | null;
  baseNumber: number | null;
}

/** The latest published version of each of the services (one query). */
async function latestPublished(db: Db, where: object): Promise<Map<string, LatestPublished>> {
  const rows = await db.serviceVersion.findMany({
    where: { status: "published", service: where },
    select: { id: true, serviceId: true, number: true, baseVersionId: true, baseVersion: { select: { number: true } } },
    orderBy: [{ serviceId: "asc" }, { number: "desc" }],
  });
  const out = new Map<string, LatestPublished>();
  for (const r of rows) {
    if (out.has(r.serviceId)) continue;
    out.set(r.serviceId, { id: r.id, serviceId: r.serviceId, number: r.number ?? 0, baseVersionId: r.baseVersionId, baseNumber: r.baseVersion?.number ?? null });
  }
  return out;
}

/** The latest published number of each parent (one query). */
async function parentNumbers(db: Db, parentIds: string[]): Promise<Map<string, number>> {
  const rows = await db.serviceVersion.groupBy({ by: ["serviceId"], where: { status: "published", serviceId: { in: parentIds } }, _max: { number: true } });
  return new Map(rows.map((r) => [r.serviceId, r._max.number ?? 0]));
}

const isBehind = (v: LatestPublished | undefined, parentNumber: number | undefined) =>
  !!v && v.baseNumber !== null && parentNumber !== undefined && parentNumber > v.baseNumber;

/** Every service with variants the user reads, with how many there are and how many are behind. */
export async function variantOverview(db: Db, user: SessionUser): Promise<OverviewService[]> {
  const owners = await readableOffices(db, user);
  if (owners.length === 0) return [];
  const scope = { parentServiceId: { not: null }, ownerOrgId: { in: owners } };
  const [variants, latest] = await Promise.all([
    db.service.findMany({ where: scope, select: { id: true, code: true, title: true, parentServiceId: true } }),
    latestPublished(db, scope),
  ]);
  const parents = await parentNumbers(db, [...new Set(variants.map((v) => v.parentServiceId!))]);
  const byCode = new Map<string, OverviewService>();
  for (const v of variants) {
    const row = byCode.get(v.code) ?? { code: v.code, title: v.title, variants: 0, behind: 0 };
    row.variants++;
    if (isBehind(latest.get(v.id), parents.get(v.parentServiceId!))) row.behind++;
    byCode.set(v.code, row);
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export interface OverviewRow {
  serviceId: string;
  ownerOrgId: string;
  ownerName: string;
  level: string;
  /** Whose service the variant customises (the region, or its league). */
  parentOwnerName: string;
  publishedNumber: number | null;
  baseNumber: number | null;
  parentNumber: number | null;
  behind: boolean;
  hasDraft: boolean;
  size: OverlaySize | null;
  canEdit: boolean;
}

/** One service's variants the user reads: an office per row, with its base and its differences. */
export async function variantOverviewOf(db: Db, user: SessionUser, code: string): Promise<{ code: string; title: string; rows: OverviewRow[] }> {
  const tree = await organisationTree(db);
  const owners = await readableOffices(db, user);
  const scope = { code, parentServiceId: { not: null }, ownerOrgId: { in: owners } };
  const [variants, latest, drafts] = await Promise.all([
    db.service.findMany({ where: scope, select: { id: true, title: true, ownerOrgId: true, parentServiceId: true, parentService: { select: { owner: { select: { name: true } } } } } }),
    latestPublished(db, scope),
    db.serviceVersion.findMany({ where: { status: "draft", service: scope }, select: { serviceId: true } }),
  ]);
  if (variants.length === 0) throw notFound("该服务事项的本地版本");
  const parents = await parentNumbers(db, [...new Set(variants.map((v) => v.parentServiceId!))]);
  // The overlays of the rows' published versions, and the few base definitions they sit on.
  const versionRows = await db.serviceVersion.findMany({
    where: { id: { in: [...latest.values()].map((v) => v.id) } },
    select: { id: true, serviceId: true, overlay: true, baseVersionId: true },
  });
  const current = new Map(versionRows.map((v) => [v.serviceId, v]));
  // A version written without its overlay (none should be): its definition, to compute it.
  const withoutOverlay = versionRows.filter((v) => !variantOverlay.safeParse(v.overlay ?? undefined).success || !v.overlay).map((v) => v.id);
  const definitions = new Map(
    withoutOverlay.length
      ? (await db.serviceVersion.findMany({ where: { id: { in: withoutOverlay } }, select: { id: true, definition: true } })).map((v) => [v.id, v.definition])
      : [],
  );
  const baseIds = [...new Set([...current.values()].map((v) => v.baseVersionId).filter((id): id is string => !!id))];
  const bases = new Map(
    (await db.serviceVersion.findMany({ where: { id: { in: baseIds } }, select: { id: true, definition: true } })).map((b) => [b.id, serviceDefinition.parse(b.definition)]),
  );
  const withDraft = new Set(drafts.map((d) => d.serviceId));
  const rows = variants.map((v): OverviewRow => {
    const l = latest.get(v.id);
    const version = current.get(v.id);
    const base = version?.baseVersionId ? bases.get(version.baseVersionId) : undefined;
    let size: OverlaySize | null = null;
    if (version && base) {
      const stored = version.overlay ? variantOverlay.safeParse(version.overlay) : null;
      const overlay = stored?.success ? stored.data : overlayOf(base, serviceDefinition.parse(definitions.get(version.id)));
      size = overlaySize(base, overlay);
    }
    const org = tree.get(v.ownerOrgId);
    return {
      serviceId: v.id,
      ownerOrgId: v.ownerOrgId,
      ownerName: org?.name ?? v.ownerOrgId,
      level: org?.level ?? "",
      parentOwnerName: v.parentService?.owner.name ?? "",
      publishedNumber: l?.number ?? null,
      baseNumber: l?.baseNumber ?? null,
      parentNumber: parents.get(v.parentServiceId!) ?? null,
      behind: isBehind(l, parents.get(v.parentServiceId!)),
      hasDraft: withDraft.has(v.id),
      size,
      canEdit: administers(user, v.ownerOrgId),
    };
  });
  rows.sort((a, b) => a.ownerOrgId.localeCompare(b.ownerOrgId));
  return { code, title: variants[0].title, rows };
}

export interface VariantDifferences {
  serviceId: string;
  ownerName: string;
  publishedNumber: number;
  baseNumber: number;
  parentOwnerName: string;
  /** The items the variant changes, adds or removes against the parent's version it derives from. */
  items: ItemStatus[];
  before: ServiceDefinition;
  after: ServiceDefinition;
}

/** What a variant's published version changes against its base: its items that are not inherited. */
export async function variantDifferences(db: Db, user: SessionUser, serviceId: string): Promise<VariantDifferences> {
  const { service } = await serviceWithAccess(db, user, serviceId);
  const version = await db.serviceVersion.findFirst({
    where: { serviceId, status: "published", baseVersionId: { not: null } },
    orderBy: { number: "desc" },
    select: { number: true, definition: true, baseVersion: { select: { number: true, definition: true, service: { select: { owner: { select: { name: true } } } } } } },
  });
  if (!service.parentServiceId || !version?.baseVersion) throw notFound("该本地版本的已发布版本");
  const before = serviceDefinition.parse(version.baseVersion.definition);
  const after = serviceDefinition.parse(version.definition);
  return {
    serviceId,
    ownerName: service.owner.name,
    publishedNumber: version.number ?? 0,
    baseNumber: version.baseVersion.number ?? 0,
    parentOwnerName: version.baseVersion.service.owner.name,
    items: itemStates(before, after).filter((s) => s.state !== "inherited"),
    before,
    after,
  };
}

/** The variants the user edits that are behind their parent: the designer's list marks them 有新版本. */
export async function behindVariants(db: Db, user: SessionUser): Promise<string[]> {
  const owners = adminOrganisations(user);
  if (owners.length === 0) return [];
  const scope = { parentServiceId: { not: null }, ownerOrgId: { in: owners } };
  const [variants, latest] = await Promise.all([db.service.findMany({ where: scope, select: { id: true, parentServiceId: true } }), latestPublished(db, scope)]);
  const parents = await parentNumbers(db, [...new Set(variants.map((v) => v.parentServiceId!))]);
  return variants.filter((v) => isBehind(latest.get(v.id), parents.get(v.parentServiceId!))).map((v) => v.id);
}

/** The versions of a service: the list, one version's definition, and the diff between two. */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { notFound } from "@/runtime/errors";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { readableService } from "./access";
import { diffDefinitions, type DefinitionDiff } from "@/runtime/definition/diff";
import { displayNames } from "../users/displayNames";

export interface VersionRow {
  id: string;
  number: number | null;
  status: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  /** Cases submitted under this version. */
  cases: number;
}

export async function listVersions(db: Db, user: SessionUser, serviceId: string): Promise<VersionRow[]> {
  await readableService(db, user, serviceId);
  const versions = await db.serviceVersion.findMany({
    where: { serviceId },
    orderBy: [{ number: { sort: "desc", nulls: "first" } }],
    select: {
      id: true,
      number: true,
      status: true,
      revision: true,
      createdAt: true,
      updatedAt: true,
      createdById: true,
      updatedById: true,
      publishedAt: true,
      publishedById: true,
      _count: { select: { applications: true } },
    },
  });
  const names = await displayNames(db, versions.flatMap((v) => [v.updatedById ?? v.createdById, v.publishedById]));
  return versions.map((v) => ({
    id: v.id,
    number: v.number,
    status: v.status,
    revision: v.revision,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    updatedBy: names.get(v.updatedById ?? v.createdById ?? "") ?? null,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    publishedBy: names.get(v.publishedById ?? "") ?? null,
    cases: v._count.applications,
  }));
}

export interface VersionDefinition {
  id: string;
  number: number | null;
  status: string;
  definition: ServiceDefinition;
}

export async function versionDefinition(db: Db | Tx, user: SessionUser, serviceId: string, versionId: string): Promise<VersionDefinition> {
  await readableService(db, user, serviceId);
  const version = await db.serviceVersion.findFirst({ where: { id: versionId, serviceId } });
  if (!version) throw notFound("该版本");
  return {
    id: version.id,
    number: version.number,
    status: version.status,
    // Drafts may be half-edited: the contract's defaults are filled where it parses.
    definition: (serviceDefinition.safeParse(version.definition).data ?? version.definition) as ServiceDefinition,
  };
}

export interface VersionComparison {
  before: VersionDefinition;
  after: VersionDefinition;
  diff: DefinitionDiff;
}

export async function compareVersions(db: Db, user: SessionUser, serviceId: string, beforeId: string, afterId: string): Promise<VersionComparison> {
  const [before, after] = await Promise.all([
    versionDefinition(db, user, serviceId, beforeId),
    versionDefinition(db, user, serviceId, afterId),
  ]);
  return { before, after, diff: diffDefinitions(before.definition, after.definition) };
}

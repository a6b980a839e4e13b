/** The designer's list of services an administrator may edit, with their latest version. */
import type { Db } from "../../db";
import type { SessionUser } from "../../auth/roles";

export interface DesignerServiceRow {
  id: string;
  code: string;
  title: string;
  part: string;
  category: string;
  ownerOrgId: string;
  ownerOrgName: string;
  isVariant: boolean;
  publishedVersion: number | null;
  hasDraft: boolean;
  updatedAt: Date;
  lastEditor: string | null;
}

/** Organisations whose services a user administers: region admins the region, office admins their office. */
export function adminOrganisations(user: SessionUser): string[] {
  return user.memberships.filter((m) => m.role === "region_admin" || m.role === "office_admin").map((m) => m.organisationId);
}

export async function listDesignerServices(db: Db, user: SessionUser, search?: string): Promise<DesignerServiceRow[]> {
  const owners = adminOrganisations(user);
  if (owners.length === 0) return [];
  const services = await db.service.findMany({
    where: {
      ownerOrgId: { in: owners },
      ...(search ? { OR: [{ title: { contains: search } }, { code: { contains: search } }, { category: { contains: search } }] } : {}),
    },
    orderBy: { code: "asc" },
    include: {
      owner: { select: { name: true } },
      versions: {
        orderBy: { updatedAt: "desc" },
        select: { number: true, status: true, updatedAt: true, updatedById: true, createdById: true },
      },
    },
  });
  const editorIds = [
    ...new Set(services.flatMap((s) => s.versions.slice(0, 1).map((v) => v.updatedById ?? v.createdById)).filter((id): id is string => !!id)),
  ];
  const editors = new Map(
    (await db.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]),
  );
  return services.map((s) => {
    const published = s.versions.filter((v) => v.status === "published").map((v) => v.number ?? 0);
    const latest = s.versions[0];
    return {
      id: s.id,
      code: s.code,
      title: s.title,
      part: s.part,
      category: s.category,
      ownerOrgId: s.ownerOrgId,
      ownerOrgName: s.owner.name,
      isVariant: s.parentServiceId !== null,
      publishedVersion: published.length ? Math.max(...published) : null,
      hasDraft: s.versions.some((v) => v.status === "draft"),
      updatedAt: latest?.updatedAt ?? s.updatedAt,
      lastEditor: editors.get(latest?.updatedById ?? latest?.createdById ?? "") ?? null,
    };
  });
}

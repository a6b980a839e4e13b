/**
 * Which services an administrator reaches, and whether to edit or only to read: the owner's
 * administrators edit (the region's administrators the region's templates, a league's its
 * league's variants, a banner's its banner's); administrators above the owner read. Anything
 * else is "not found" (its existence is not revealed); a reader attempting a write is refused.
 */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { forbidden, notFound } from "@/runtime/errors";
import { adminOrganisations } from "../designer/access";
import { organisationTree, type OrganisationTree } from "../organisations/tree";

export function canEditService(user: SessionUser, ownerOrgId: string): boolean {
  return adminOrganisations(user).includes(ownerOrgId);
}

export function canReadService(user: SessionUser, tree: OrganisationTree, ownerOrgId: string): boolean {
  return adminOrganisations(user).some((org) => tree.isWithin(ownerOrgId, org));
}

/** The organisations whose services the user reads: their own and every one below. */
export function readableOwners(user: SessionUser, tree: OrganisationTree): string[] {
  return [...new Set(adminOrganisations(user).flatMap((org) => tree.subtree(org).map((n) => n.id)))];
}

/** The service when the user reaches it (NOT_FOUND otherwise), with whether they may edit it. */
export async function reachedService(db: Db | Tx, user: SessionUser, serviceId: string) {
  const service = await db.service.findUnique({ where: { id: serviceId }, include: { owner: { select: { name: true } } } });
  if (!service) throw notFound("该服务事项");
  const tree = await organisationTree(db);
  if (canEditService(user, service.ownerOrgId)) return { service, canEdit: true };
  if (canReadService(user, tree, service.ownerOrgId)) return { service, canEdit: false };
  throw notFound("该服务事项");
}

/** The service when the user may edit it: FORBIDDEN for a reader, NOT_FOUND beyond their reach. */
export async function editableService(db: Db | Tx, user: SessionUser, serviceId: string) {
  const reached = await reachedService(db, user, serviceId);
  if (!reached.canEdit) throw forbidden("您只能查看这个本地版本，不能修改它（由它所属单位的管理员维护）");
  return reached.service;
}

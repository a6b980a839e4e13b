/**
 * Who may do what with a service in the designer (issue 8, item 8). An administrator edits the
 * services of the offices they administer (a banner's administrator its own variants, a league's
 * its league's, the region's the templates and their locks) and reads those of every office
 * below them (a league administrator its banners' variants, the region administrator all).
 * A service beyond one's reach is "not found" (its existence is not revealed); one within reading
 * reach but not one's own is "forbidden" to change.
 */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { forbidden, notFound } from "@/runtime/errors";
import { organisationTree, type OrganisationTree } from "../organisations/tree";

/** Organisations whose services a user administers (edits). */
export function adminOrganisations(user: SessionUser): string[] {
  return user.memberships.filter((m) => m.role === "region_admin" || m.role === "office_admin").map((m) => m.organisationId);
}

export function administers(user: SessionUser, ownerOrgId: string): boolean {
  return adminOrganisations(user).includes(ownerOrgId);
}

/** Whether the user reads the services of `ownerOrgId`: one of their offices is it or above it. */
export function readsOffice(tree: OrganisationTree, user: SessionUser, ownerOrgId: string): boolean {
  return adminOrganisations(user).some((org) => tree.isWithin(ownerOrgId, org));
}

/** The offices whose services the user reads: their own and every one below. */
export async function readableOffices(db: Db | Tx, user: SessionUser): Promise<string[]> {
  const owners = adminOrganisations(user);
  if (owners.length === 0) return [];
  const tree = await organisationTree(db);
  return [...new Set(owners.flatMap((org) => tree.subtree(org).map((n) => n.id)))];
}

export type ServiceAccess = "edit" | "read";

async function loadService(db: Db | Tx, serviceId: string) {
  return db.service.findUnique({ where: { id: serviceId }, include: { owner: { select: { name: true, level: true, parentId: true } } } });
}

/** The service and what the user may do with it; "not found" when beyond their reach. */
export async function serviceWithAccess(db: Db | Tx, user: SessionUser, serviceId: string) {
  const service = await loadService(db, serviceId);
  if (!service) throw notFound("该服务事项");
  if (administers(user, service.ownerOrgId)) return { service, access: "edit" as ServiceAccess };
  if (readsOffice(await organisationTree(db), user, service.ownerOrgId)) return { service, access: "read" as ServiceAccess };
  throw notFound("该服务事项");
}

/** The service, when the user may read it (their office's or one below). */
export async function readableService(db: Db | Tx, user: SessionUser, serviceId: string) {
  return (await serviceWithAccess(db, user, serviceId)).service;
}

/** The service, when the user may change it (their own office's); a readable one of an office below is refused. */
export async function editableService(db: Db | Tx, user: SessionUser, serviceId: string) {
  const { service, access } = await serviceWithAccess(db, user, serviceId);
  if (access !== "edit") throw forbidden(`该服务事项属于${service.owner.name}，您只能查看，不能修改或发布`);
  return service;
}

/**
 * Who may design which service: administrators of the organisation that owns it. Region admins
 * hold the region's templates; an office admin holds its office's services, so a local variant
 * (a Service owned by a league or banner, with parentServiceId) is theirs without more rules.
 */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { forbidden, notFound } from "@/runtime/errors";

/** Organisations whose services a user administers. */
export function adminOrganisations(user: SessionUser): string[] {
  return user.memberships.filter((m) => m.role === "region_admin" || m.role === "office_admin").map((m) => m.organisationId);
}

export function administers(user: SessionUser, ownerOrgId: string): boolean {
  return adminOrganisations(user).includes(ownerOrgId);
}

/** The service, when the user administers its owner; otherwise "not found" (its existence is not revealed). */
export async function administeredService(db: Db | Tx, user: SessionUser, serviceId: string) {
  const service = await db.service.findUnique({ where: { id: serviceId }, include: { owner: { select: { name: true } } } });
  if (!service || !administers(user, service.ownerOrgId)) throw notFound("该服务事项");
  return service;
}

/** The organisation a new service is created under: the one asked for, or the user's only one. */
export function ownerForNewService(user: SessionUser, requested?: string): string {
  const owners = adminOrganisations(user);
  if (requested) {
    if (!owners.includes(requested)) throw forbidden("您不能在该单位下创建服务事项");
    return requested;
  }
  if (owners.length !== 1) throw forbidden("请选择要在哪个单位下创建服务事项");
  return owners[0];
}

/**
 * Who administers whose staff accounts: a region administrator any organisation's, an office
 * administrator their own office's. Which roles an organisation's staff may hold: the region
 * its administrators, caseworkers and reviewers; a league or banner office its own.
 */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import { hasRole, type SessionUser, type StaffRole } from "@/runtime/auth/roles";
import { forbidden, notFound } from "@/runtime/errors";

export function rolesFor(level: string): StaffRole[] {
  // 稽核人员 audit the offices below them: region and league organisations only.
  if (level === "region") return ["region_admin", "caseworker", "reviewer", "auditor"];
  return level === "league" ? ["office_admin", "caseworker", "reviewer", "auditor"] : ["office_admin", "caseworker", "reviewer"];
}

export function administers(user: SessionUser, organisationId: string): boolean {
  return user.kind === "staff" && (hasRole(user, ["region_admin"]) || hasRole(user, ["office_admin"], organisationId));
}

/** The organisations whose accounts `user` administers, by code. */
export async function administeredOrganisations(db: Db, user: SessionUser) {
  const where = hasRole(user, ["region_admin"])
    ? {}
    : { id: { in: user.memberships.filter((m) => m.role === "office_admin").map((m) => m.organisationId) } };
  return db.organisation.findMany({ where, select: { id: true, name: true, level: true }, orderBy: { id: "asc" } });
}

export function requireAdministers(user: SessionUser, organisationId: string): void {
  if (!administers(user, organisationId)) throw forbidden("您只能管理本单位的工作人员账号");
}

/**
 * A staff account `actor` may change: read in the caller's transaction; every organisation the
 * account belongs to must be one the actor administers. Unknown ids and applicants' accounts are
 * not found (nothing tells an office which other accounts exist).
 */
export async function administeredAccount(tx: Tx, actor: SessionUser, userId: string) {
  const account = await tx.user.findUnique({ where: { id: userId }, include: { memberships: true } });
  if (!account || account.kind !== "staff") throw notFound("账号");
  const organisations = [...new Set(account.memberships.map((m) => m.organisationId))];
  if (organisations.length === 0 ? !hasRole(actor, ["region_admin"]) : !organisations.every((id) => administers(actor, id))) {
    throw notFound("账号");
  }
  return account;
}

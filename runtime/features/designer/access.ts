/**
 * Who may design which service (runtime/features/variants/access.ts has the rules): the
 * administrators of the owning office edit it, those of an office above read it.
 */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { forbidden } from "@/runtime/errors";
import { adminOrganisations, administers, editableService, readableService } from "../variants/access";

export { adminOrganisations, administers, readableService };

/** The service, when the user administers its owner; one of an office below is "forbidden", others "not found". */
export async function administeredService(db: Db | Tx, user: SessionUser, serviceId: string) {
  return editableService(db, user, serviceId);
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

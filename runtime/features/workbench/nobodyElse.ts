/**
 * 不相容岗位分离 in a small office: a step to be done by someone other than whoever did the step
 * before is stuck when the office has no one else holding the step's role. The workbench says so
 * (to the one who sees the step and may not do it) instead of leaving the case silently unworked.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import { roleLabels } from "@/runtime/definition/labels";

/** Whether anyone at `officeId` other than `barredUserId` holds `role` with an account that is not disabled. */
export async function someoneElseHolds(db: Db, officeId: string, role: string, barredUserId: string): Promise<boolean> {
  const others = await db.membership.count({ where: { organisationId: officeId, role, userId: { not: barredUserId }, user: { disabledAt: null } } });
  return others > 0;
}

/** What the barred person is told when no one else at the office can do the step. */
export function nobodyElseMessage(role: string): string {
  const holder = roleLabels[role as keyof typeof roleLabels] ?? "工作人员";
  return `本机构目前没有其他${holder}可以办理此环节，办件无法继续：请联系本机构管理员在“账号管理”中增加${holder}`;
}

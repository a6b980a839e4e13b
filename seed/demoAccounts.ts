/**
 * Demo accounts for every role at region, league and banner level, plus two applicants.
 * They share one password: DEMO_PASSWORD, or the one generated on first start (see demoPassword.ts).
 */
import "server-only";
import type { Db } from "@/runtime/db";
import { hashPassword } from "@/runtime/auth/password";
import type { StaffRole } from "@/runtime/auth/roles";

export interface DemoAccount {
  username: string;
  displayName: string;
  kind: "staff" | "person" | "organisation";
  memberships?: { organisationId: string; role: StaffRole }[];
  idNumber?: string;
  creditCode?: string;
  phone?: string;
}

const staff = (username: string, displayName: string, organisationId: string, role: StaffRole): DemoAccount => ({
  username,
  displayName,
  kind: "staff",
  memberships: [{ organisationId, role }],
});

export const demoAccounts: DemoAccount[] = [
  staff("region.admin", "自治区管理员", "150000", "region_admin"),
  staff("region.caseworker", "自治区经办员", "150000", "caseworker"),
  staff("region.reviewer", "自治区复核员", "150000", "reviewer"),
  staff("hohhot.admin", "呼和浩特市管理员", "150100", "office_admin"),
  staff("hohhot.caseworker", "呼和浩特市经办员", "150100", "caseworker"),
  staff("hohhot.reviewer", "呼和浩特市复核员", "150100", "reviewer"),
  staff("xincheng.admin", "新城区管理员", "150102", "office_admin"),
  staff("xincheng.caseworker", "新城区经办员", "150102", "caseworker"),
  // A second caseworker: steps marked for separation of duties (审核 after 受理) need another person.
  staff("xincheng.caseworker2", "新城区经办员（二）", "150102", "caseworker"),
  staff("xincheng.reviewer", "新城区复核员", "150102", "reviewer"),
  staff("tumed.admin", "土默特左旗管理员", "150121", "office_admin"),
  staff("tumed.caseworker", "土默特左旗经办员", "150121", "caseworker"),
  staff("tumed.reviewer", "土默特左旗复核员", "150121", "reviewer"),
  // 稽核人员: internal audit (内控稽核) of the offices at and below their own; they read and sample cases, never act on them.
  staff("region.auditor", "自治区稽核员", "150000", "auditor"),
  staff("hohhot.auditor", "呼和浩特市稽核员", "150100", "auditor"),
  { username: "zhangsan", displayName: "张三", kind: "person", idNumber: "150102199003071237", phone: "13800471234" },
  { username: "company.demo", displayName: "呼和浩特示例科技有限公司", kind: "organisation", creditCode: "91150100MA0N000013", phone: "0471-6660000" },
];

export async function seedDemoAccounts(db: Db, password: string): Promise<number> {
  let created = 0;
  for (const account of demoAccounts) {
    const existing = await db.user.findUnique({ where: { username: account.username } });
    if (existing) continue;
    const passwordHash = await hashPassword(password);
    await db.user.create({
      data: {
        username: account.username,
        displayName: account.displayName,
        kind: account.kind,
        passwordHash,
        idNumber: account.idNumber ?? null,
        creditCode: account.creditCode ?? null,
        phone: account.phone ?? null,
        memberships: { create: account.memberships ?? [] },
      },
    });
    created++;
  }
  return created;
}

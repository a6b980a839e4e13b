/**
 * Creating a staff account from the command line (`npm run user:add`), e.g. the first region
 * administrator of a production deployment that runs with SEED_DEMO_ACCOUNTS=0; or setting a
 * new password on an existing account (`--reset-password`).
 */
import type { Db } from "@/runtime/db";
import { hashPassword } from "@/runtime/auth/password";
import { endUserSessions } from "@/runtime/auth/session";
import { staffRoles, type StaffRole } from "@/runtime/auth/roles";
import { writeWithPrisma } from "@/runtime/write";
import { passwordProblem } from "@/runtime/auth/passwordRules";

// The rules live in runtime/auth/passwordRules.ts (administrators' account pages use them too).
export { MIN_PASSWORD_LENGTH, passwordProblem } from "@/runtime/auth/passwordRules";

export class UserAddError extends Error {
  override name = "UserAddError";
}

export interface AddUserInput {
  username: string;
  password: string;
  /** Required for a new account. */
  organisationId?: string;
  role?: string;
  displayName?: string;
  /** Set a new password on an existing account instead of creating one. */
  resetPassword?: boolean;
}

export async function addUser(db: Db, input: AddUserInput): Promise<{ created: boolean; userId: string }> {
  const username = input.username.trim();
  if (!/^[A-Za-z0-9._-]{2,64}$/.test(username)) throw new UserAddError("用户名须为 2–64 个字母、数字、点、下划线或连字符");
  const problem = passwordProblem(input.password);
  if (problem) throw new UserAddError(problem);
  const existing = await db.user.findUnique({ where: { username } });
  const passwordHash = await hashPassword(input.password);
  if (input.resetPassword) {
    if (!existing) throw new UserAddError(`账号 ${username} 不存在`);
    await writeWithPrisma(db, null, async ({ tx, audit }) => {
      await tx.user.update({ where: { id: existing.id }, data: { passwordHash } });
      // Whoever knew the old password is signed out.
      await endUserSessions(tx, existing.id);
      audit.record({ action: "passwordResetFromCommandLine", actorRole: "system", entityType: "user", entityId: existing.id, payload: { username } });
    });
    return { created: false, userId: existing.id };
  }
  if (existing) throw new UserAddError(`账号 ${username} 已存在；如需重设密码请加 --reset-password`);
  if (!staffRoles.includes(input.role as StaffRole)) throw new UserAddError(`角色须为 ${staffRoles.join("、")} 之一`);
  const organisation = input.organisationId ? await db.organisation.findUnique({ where: { id: input.organisationId } }) : null;
  if (!organisation) throw new UserAddError(`单位 ${input.organisationId ?? "（未指定）"} 不存在，请用 --org 指定单位代码，如 150000`);
  if (input.role === "region_admin" && organisation.level !== "region") throw new UserAddError("自治区管理员只能属于自治区单位（150000）");
  const user = await writeWithPrisma(db, null, async ({ tx, audit }) => {
    const created = await tx.user.create({
      data: {
        username,
        displayName: input.displayName?.trim() || username,
        kind: "staff",
        passwordHash,
        memberships: { create: [{ organisationId: organisation.id, role: input.role as StaffRole }] },
      },
    });
    audit.record({
      action: "createdFromCommandLine",
      actorRole: "system",
      organisationId: organisation.id,
      entityType: "user",
      entityId: created.id,
      payload: { username, role: input.role, organisationId: organisation.id },
    });
    return created;
  });
  return { created: true, userId: user.id };
}

/**
 * Staff accounts, administered by region and office administrators: list an organisation's
 * staff, create an account (its password generated and shown once), disable or enable it, reset
 * its password, sign it out everywhere. Each a write through the one write path with its audit
 * event; disabling, resetting and signing out end the account's sessions at once (on every
 * instance: sessions are read per request, see runtime/auth/session.ts).
 */
import "server-only";
import type { Db } from "@/runtime/db";
import { isUniqueViolation } from "@/runtime/db";
import { hashPassword } from "@/runtime/auth/password";
import { generatePassword, passwordProblem } from "@/runtime/auth/passwordRules";
import { endUserSessions } from "@/runtime/auth/session";
import type { SessionUser, StaffRole } from "@/runtime/auth/roles";
import { writeWithPrisma } from "@/runtime/write";
import { AppError, conflict, notFound } from "@/runtime/errors";
import { administeredAccount, administeredOrganisations, requireAdministers, rolesFor } from "./access";

export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{2,64}$/;

export async function accountsOverview(db: Db, user: SessionUser, organisationId?: string) {
  const organisations = await administeredOrganisations(db, user);
  const chosen = organisations.find((o) => o.id === (organisationId ?? user.memberships[0]?.organisationId)) ?? organisations[0];
  if (organisationId && chosen?.id !== organisationId) requireAdministers(user, organisationId);
  if (!chosen) return { organisations, organisation: null, roles: [] as StaffRole[], staff: [] };
  const now = new Date();
  const users = await db.user.findMany({
    where: { kind: "staff", memberships: { some: { organisationId: chosen.id } } },
    select: {
      id: true,
      username: true,
      displayName: true,
      disabledAt: true,
      createdAt: true,
      memberships: { where: { organisationId: chosen.id }, select: { role: true } },
      _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
    },
    orderBy: { username: "asc" },
  });
  return {
    organisations,
    organisation: chosen,
    roles: rolesFor(chosen.level),
    staff: users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.memberships.map((m) => m.role as StaffRole),
      disabled: u.disabledAt !== null,
      createdAt: u.createdAt,
      openSessions: u._count.sessions,
      self: u.id === user.id,
    })),
  };
}

export interface CreateStaffInput {
  organisationId: string;
  username: string;
  displayName: string;
  role: StaffRole;
}

export async function createStaffAccount(db: Db, actor: SessionUser, input: CreateStaffInput): Promise<{ id: string; username: string; password: string }> {
  requireAdministers(actor, input.organisationId);
  const organisation = await db.organisation.findUnique({ where: { id: input.organisationId } });
  if (!organisation) throw notFound("单位");
  if (!rolesFor(organisation.level).includes(input.role)) {
    throw new AppError("BAD_REQUEST", `${organisation.name}的工作人员不能担任这一角色`, [{ path: "role", message: "请选择本单位可设的角色" }]);
  }
  const password = generatePassword();
  const problem = passwordProblem(password);
  if (problem) throw new Error(`generated password refused: ${problem}`);
  const passwordHash = await hashPassword(password);
  try {
    const created = await writeWithPrisma(db, actor, async ({ tx, audit }) => {
      const user = await tx.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          kind: "staff",
          passwordHash,
          memberships: { create: [{ organisationId: organisation.id, role: input.role }] },
        },
      });
      audit.record({ action: "account.create", entityType: "user", entityId: user.id, organisationId: organisation.id, payload: { username: input.username, role: input.role } });
      return user;
    });
    return { id: created.id, username: created.username, password };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`用户名 ${input.username} 已被使用，请换一个`, "duplicate");
    throw error;
  }
}

/** Disables (ending its sessions) or enables an account. */
export async function setAccountDisabled(db: Db, actor: SessionUser, userId: string, disabled: boolean): Promise<{ endedSessions: number }> {
  if (disabled && userId === actor.id) throw new AppError("BAD_REQUEST", "不能停用自己的账号");
  return writeWithPrisma(db, actor, async ({ tx, audit }) => {
    const account = await administeredAccount(tx, actor, userId);
    if ((account.disabledAt !== null) === disabled) {
      audit.unchanged();
      return { endedSessions: 0 };
    }
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    const endedSessions = await endUserSessions(tx, userId);
    audit.record({
      action: disabled ? "account.disable" : "account.enable",
      entityType: "user",
      entityId: userId,
      organisationId: account.memberships[0]?.organisationId ?? null,
      payload: { username: account.username, endedSessions },
    });
    return { endedSessions };
  });
}

/** A new generated password (shown once); the account's sessions end. */
export async function resetAccountPassword(db: Db, actor: SessionUser, userId: string): Promise<{ password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await writeWithPrisma(db, actor, async ({ tx, audit }) => {
    const account = await administeredAccount(tx, actor, userId);
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    const endedSessions = await endUserSessions(tx, userId);
    audit.record({ action: "account.resetPassword", entityType: "user", entityId: userId, organisationId: account.memberships[0]?.organisationId ?? null, payload: { username: account.username, endedSessions } });
  });
  return { password };
}

/** Ends every session of the account (「退出所有登录」). */
export async function signOutEverywhere(db: Db, actor: SessionUser, userId: string): Promise<{ endedSessions: number }> {
  return writeWithPrisma(db, actor, async ({ tx, audit }) => {
    const account = await administeredAccount(tx, actor, userId);
    const endedSessions = await endUserSessions(tx, userId);
    audit.record({ action: "account.signOutEverywhere", entityType: "user", entityId: userId, organisationId: account.memberships[0]?.organisationId ?? null, payload: { username: account.username, endedSessions } });
    return { endedSessions };
  });
}

/**
 * How an applicant wants to hear about their cases: 站内消息 always; e-mail when they give an
 * address; SMS to the phone of their account. Staff get 站内消息 only.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { AppError } from "@/runtime/errors";
import { writeWithPrisma } from "@/runtime/write";

export interface NotificationPreferences {
  email: string | null;
  byEmail: boolean;
  bySms: boolean;
  /** The account's phone (SMS goes there); null: SMS cannot be chosen. */
  phone: string | null;
}

export async function readPreferences(db: Db, user: SessionUser): Promise<NotificationPreferences> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, notifyByEmail: true, notifyBySms: true, phone: true } });
  return { email: row.email, byEmail: row.notifyByEmail, bySms: row.notifyBySms, phone: row.phone };
}

export async function savePreferences(db: Db, user: SessionUser, input: { email: string | null; byEmail: boolean; bySms: boolean }): Promise<NotificationPreferences> {
  if (input.byEmail && !input.email) throw new AppError("BAD_REQUEST", "选择邮件通知时请填写电子邮箱", [{ path: "email", message: "请填写电子邮箱" }]);
  return writeWithPrisma(db, user, async ({ tx, audit }) => {
    const current = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { phone: true } });
    if (input.bySms && !current.phone) throw new AppError("BAD_REQUEST", "账号没有手机号，不能选择短信通知");
    const row = await tx.user.update({
      where: { id: user.id },
      data: { email: input.email, notifyByEmail: input.byEmail, notifyBySms: input.bySms },
      select: { email: true, notifyByEmail: true, notifyBySms: true, phone: true },
    });
    audit.record({ action: "notification.preferences", entityType: "user", entityId: user.id, payload: { byEmail: input.byEmail, bySms: input.bySms, email: input.email !== null } });
    return { email: row.email, byEmail: row.notifyByEmail, bySms: row.notifyBySms, phone: row.phone };
  });
}

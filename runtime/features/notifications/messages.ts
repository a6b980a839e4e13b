/**
 * 消息: a signed-in user's messages (applicants and staff alike), their unread count, and marking
 * them read (through the write path, audited). Only one's own messages: another's is "not found".
 */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { notFound } from "@/runtime/errors";
import { writeWithPrisma } from "@/runtime/write";
import type { NotificationKind } from "@/runtime/definition/labels";

export const MESSAGES_PAGE_SIZE = 50;

export interface MessageView {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  read: boolean;
  /** How the e-mail and SMS went: null when not wanted. */
  email: "pending" | "sent" | "failed" | null;
  sms: "pending" | "sent" | "failed" | null;
}

const channelState = (state: string) => (state === "none" ? null : (state as "pending" | "sent" | "failed"));

export async function listMessages(db: Db, user: SessionUser, options: { unreadOnly?: boolean } = {}): Promise<MessageView[]> {
  const rows = await db.notification.findMany({
    where: { userId: user.id, ...(options.unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MESSAGES_PAGE_SIZE,
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationKind,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.createdAt.toISOString(),
    read: r.readAt !== null,
    email: channelState(r.emailState),
    sms: channelState(r.smsState),
  }));
}

export function unreadCount(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function markRead(db: Db, user: SessionUser, id: string): Promise<{ ok: true }> {
  return writeWithPrisma(db, user, async ({ tx, audit }) => {
    const row = await tx.notification.findFirst({ where: { id, userId: user.id }, select: { id: true, applicationId: true, readAt: true } });
    if (!row) throw notFound("消息");
    if (row.readAt) {
      audit.unchanged();
      return { ok: true as const };
    }
    await tx.notification.update({ where: { id }, data: { readAt: new Date() } });
    audit.record({ action: "notification.read", entityType: "notification", entityId: id, applicationId: row.applicationId });
    return { ok: true as const };
  });
}

export async function markAllRead(db: Db, user: SessionUser): Promise<{ marked: number }> {
  return writeWithPrisma(db, user, async ({ tx, audit }) => {
    const { count } = await tx.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
    audit.record({ action: "notification.readAll", entityType: "user", entityId: user.id, payload: { marked: count } });
    return { marked: count };
  });
}

/**
 * The sender: delivers the outbox's e-mail and SMS (站内消息 need no delivery). Runs in the server
 * process beside the scheduler's tick; with several instances only the holder of the
 * `notifications` lease sends (startNotificationLoop), and each row is claimed (claimedBy,
 * claimedUntil, set by one conditional UPDATE) before it is sent, so two senders never send the
 * same row. Every attempt is counted; a failure is retried with a growing wait (30 s, 1 min,
 * 2 min …) and after `maxAttempts` the channel is marked failed with its last error — the row
 * stays, nothing is lost. Delivery bookkeeping is not a user's action: it is not in the audit
 * trail (the event that caused the message is).
 */
import "server-only";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { acquireLease, type Db } from "@/runtime/db";
import { errorLog, log } from "@/runtime/ops/log";
import { notificationChannel, type NotificationChannel } from "./channel";
import { mailChannel, type MailChannel } from "./mail";
import { queueCorrectionReminders } from "./reminders";

export interface SenderOptions {
  /** Who sends (distinct per process). */
  holder?: string;
  mail?: MailChannel;
  sms?: NotificationChannel;
  /** Rows claimed per round (default 50). */
  batch?: number;
  /** Attempts before a channel is marked failed (default 5). */
  maxAttempts?: number;
  /** The wait before attempt `attempt + 1` (default 30 s × 2^(attempt − 1)). */
  backoffMs?: (attempt: number) => number;
  /** How long a claim holds (default 2 minutes): a sender that died lets go of its rows. */
  claimMs?: number;
  now?: () => Date;
  /** The site's address for links in e-mail (default `PUBLIC_URL`). */
  publicUrl?: string;
}

export interface SendResult {
  sent: number;
  retried: number;
  failed: number;
}

type Channel = "email" | "sms";

const REMINDER_INTERVAL_MS = 10 * 60_000;
const defaultBackoff = (attempt: number) => 30_000 * 2 ** Math.max(0, attempt - 1);
const dueOn = (channel: Channel, now: Date) =>
  channel === "email" ? { emailState: "pending", emailNextAt: { lte: now } } : { smsState: "pending", smsNextAt: { lte: now } };

/** The e-mail and SMS due now: claimed, sent, recorded. */
export async function sendDueNotifications(db: Db, options: SenderOptions = {}): Promise<SendResult> {
  const now = (options.now ?? (() => new Date()))();
  const holder = options.holder ?? `sender-${randomUUID().slice(0, 8)}`;
  const mail = options.mail ?? mailChannel();
  const sms = options.sms ?? notificationChannel();
  const maxAttempts = options.maxAttempts ?? 5;
  const backoff = options.backoffMs ?? defaultBackoff;
  const publicUrl = (options.publicUrl ?? process.env.PUBLIC_URL ?? "").replace(/\/$/, "");
  const result: SendResult = { sent: 0, retried: 0, failed: 0 };
  const free = { OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
  const due = { OR: [dueOn("email", now), dueOn("sms", now)] };

  const candidates = await db.notification.findMany({ where: { AND: [due, free] }, orderBy: { createdAt: "asc" }, take: options.batch ?? 50, select: { id: true } });
  for (const { id } of candidates) {
    // The claim: one conditional UPDATE; another sender that got there first leaves it at 0.
    const claimed = await db.notification.updateMany({
      where: { id, AND: [due, free] },
      data: { claimedBy: holder, claimedUntil: new Date(now.getTime() + (options.claimMs ?? 120_000)) },
    });
    if (claimed.count !== 1) continue;
    const row = await db.notification.findUniqueOrThrow({ where: { id } });
    const channels: Channel[] = [];
    if (row.emailState === "pending" && row.emailTo && row.emailNextAt && row.emailNextAt <= now) channels.push("email");
    if (row.smsState === "pending" && row.smsTo && row.smsNextAt && row.smsNextAt <= now) channels.push("sms");
    for (const channel of channels) {
      const attempts = (channel === "email" ? row.emailAttempts : row.smsAttempts) + 1;
      try {
        if (channel === "email") {
          const link = `${publicUrl}${row.link}`;
          await mail.send({ to: row.emailTo!, subject: row.title, text: `${row.body}\n\n查看办件：${link}\n\n（此邮件由人社公共服务平台自动发送，请勿直接回复。）` });
          await db.notification.updateMany({ where: { id, claimedBy: holder }, data: { emailState: "sent", emailAttempts: attempts, emailSentAt: new Date(), emailError: null, emailNextAt: null } });
        } else {
          await sms.send({ phone: row.smsTo!, text: `【人社公共服务平台】${row.title}。${row.body}` });
          await db.notification.updateMany({ where: { id, claimedBy: holder }, data: { smsState: "sent", smsAttempts: attempts, smsSentAt: new Date(), smsError: null, smsNextAt: null } });
        }
        result.sent++;
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500) || "发送失败";
        const gaveUp = attempts >= maxAttempts;
        const next = gaveUp ? null : new Date(now.getTime() + backoff(attempts));
        await db.notification.updateMany({
          where: { id, claimedBy: holder },
          data:
            channel === "email"
              ? { emailAttempts: attempts, emailError: message, emailNextAt: next, ...(gaveUp ? { emailState: "failed" } : {}) }
              : { smsAttempts: attempts, smsError: message, smsNextAt: next, ...(gaveUp ? { smsState: "failed" } : {}) },
        });
        if (gaveUp) {
          result.failed++;
          log.warn({ notificationId: id, channel, attempts }, `消息发送失败，已停止重试：${message}`);
        } else result.retried++;
      }
    }
    await db.notification.updateMany({ where: { id, claimedBy: holder }, data: { claimedBy: null, claimedUntil: null } });
  }
  return result;
}

/** The sender every `intervalMs` (`NOTIFY_INTERVAL_MS`, default 10 s) on the instance holding the `notifications` lease. */
export function startNotificationLoop(db: Db, intervalMs = Number(process.env.NOTIFY_INTERVAL_MS) || 10_000): () => void {
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let running = false;
  let remindedAt = 0;
  const handle = setInterval(() => {
    if (running) return;
    running = true;
    acquireLease(db, "notifications", holder, Math.max(intervalMs * 3, 60_000))
      .then(async (held) => {
        if (!held) return;
        // Reminders look through the open applicant tasks: every ten minutes is often enough.
        if (Date.now() - remindedAt >= REMINDER_INTERVAL_MS) {
          remindedAt = Date.now();
          await queueCorrectionReminders(db);
        }
        await sendDueNotifications(db, { holder });
      })
      .catch((error: unknown) => log.error(errorLog(error), "消息发送失败"))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  handle.unref();
  return () => clearInterval(handle);
}

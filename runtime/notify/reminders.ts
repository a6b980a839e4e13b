/**
 * 补正即将到期: a reminder to the applicant when the correction they were asked for is due within
 * two days. One statement, run by the sender's loop: a message for each open applicant task due
 * soon, keyed by the task (`<task id>.dueSoon`), so each correction is reminded once however often it runs.
 */
import "server-only";
import { dbKind, type Db } from "@/runtime/db";
import { chinaDateOf } from "@/runtime/calendar";
import { applicantCaseLink } from "./outbox";

const DAY = 86_400_000;
export const REMINDER_DAYS = 2;

function statement(kind: "sqlite" | "postgres") {
  const t = kind === "postgres" ? "CAST(? AS TIMESTAMP(3))" : "?";
  const wantsEmail = `u."notifyByEmail" AND u."email" IS NOT NULL AND u."email" <> ''`;
  const wantsSms = `u."notifyBySms" AND u."phone" IS NOT NULL`;
  const text =
    'INSERT INTO "Notification" ("id", "userId", "kind", "applicationId", "title", "body", "link", "createdAt", "emailTo", "emailState", "emailNextAt", "smsTo", "smsState", "smsNextAt") ' +
    `SELECT tk."id" || '.dueSoon', u."id", 'correctionDueSoon', a."id", '补正即将到期：' || s."title", ` +
    `'「' || s."title" || '」（办件编号 ' || COALESCE(a."caseNumber", '未编号') || '）的补正期限为 ' || tk."dueDate" || '，请在期限内提交补正材料。', ` +
    `? || a."id", ${t}, CASE WHEN ${wantsEmail} THEN u."email" ELSE NULL END, CASE WHEN ${wantsEmail} THEN 'pending' ELSE 'none' END, ${t}, ` +
    `CASE WHEN ${wantsSms} THEN u."phone" ELSE NULL END, CASE WHEN ${wantsSms} THEN 'pending' ELSE 'none' END, ${t} ` +
    'FROM "Task" tk JOIN "Application" a ON a."id" = tk."applicationId" JOIN "User" u ON u."id" = a."applicantId" JOIN "Service" s ON s."id" = a."serviceId" ' +
    `WHERE tk."role" = 'applicant' AND tk."status" = 'open' AND tk."dueDate" IS NOT NULL AND tk."dueDate" >= ? AND tk."dueDate" <= ? ` +
    'ON CONFLICT ("id") DO NOTHING';
  let n = 0;
  return kind === "postgres" ? text.replace(/\?/g, () => `$${++n}`) : text;
}

/** Queues the reminders due at `now`; answers how many were new. */
export async function queueCorrectionReminders(db: Db, now = new Date()): Promise<number> {
  const kind = dbKind(db);
  const at = kind === "postgres" ? now.toISOString().slice(0, 23) : now.toISOString().replace("Z", "+00:00");
  return db.$executeRawUnsafe(statement(kind), applicantCaseLink(""), at, at, at, chinaDateOf(now), chinaDateOf(new Date(now.getTime() + REMINDER_DAYS * DAY)));
}

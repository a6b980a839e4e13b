/**
 * The outbox: what a case event tells people, written as `Notification` rows in the very
 * transaction of the event (runtime/features/cases/runEvent.ts), so a message exists exactly when
 * its event committed. Each row is one `INSERT … SELECT` that reads the recipient's channels, the
 * case number and the service's title where they are (no reads before it): the applicant for
 * their notices, every member of the office holding the step's role for staff notices (one
 * multi-row INSERT). The sender (sender.ts) delivers e-mail and SMS later.
 */
import "server-only";
import type { SqlTx } from "@/runtime/db";
import type { CaseState, Effect } from "@/runtime/engine";
import type { NotificationKind } from "@/runtime/definition/labels";
import { newId } from "@/runtime/db/ids";
import { deliveryNote, type ResultDelivery } from "@/runtime/forms/resultDelivery";

interface Wording {
  title: string;
  /** Follows 「service」（办件编号 …）. */
  body: string;
}

/** The case page an applicant or a member of staff opens. */
export const applicantCaseLink = (applicationId: string) => `/cases/${applicationId}`;
export const staffCaseLink = (applicationId: string) => `/workbench/cases/${applicationId}`;

/** Timestamps as parameters in a SELECT list: PostgreSQL needs their type spelled out. */
const timeParam = (sql: SqlTx) => (sql.kind === "postgres" ? "CAST(? AS TIMESTAMP(3))" : "?");

const COLUMNS = '"id", "userId", "kind", "applicationId", "title", "body", "link", "createdAt", "emailTo", "emailState", "emailNextAt", "smsTo", "smsState", "smsNextAt"';
/** 「service」（办件编号 X）followed by the message. */
const CASE_TEXT = `'「' || s."title" || '」（办件编号 ' || COALESCE(a."caseNumber", '未编号') || '）'`;

const statements = new Map<string, { applicant: string; staff: string; settle: string }>();
function statementsFor(sql: SqlTx) {
  let found = statements.get(sql.kind);
  if (!found) {
    const t = timeParam(sql);
    const wantsEmail = `u."notifyByEmail" AND u."email" IS NOT NULL AND u."email" <> ''`;
    const wantsSms = `u."notifyBySms" AND u."phone" IS NOT NULL`;
    const smsParam = sql.kind === "postgres" ? "CAST(? AS TEXT)" : "?";
    found = {
      // The applicant: 站内消息 always, e-mail and SMS as they chose; SMS to a number the case names
      // (结果送达方式：短信送达) whatever their own setting.
      applicant:
        `INSERT INTO "Notification" (${COLUMNS}) ` +
        `SELECT ?, u."id", ?, a."id", ? || '：' || s."title", ${CASE_TEXT} || ?, ?, ${t}, ` +
        `CASE WHEN ${wantsEmail} THEN u."email" ELSE NULL END, CASE WHEN ${wantsEmail} THEN 'pending' ELSE 'none' END, ${t}, ` +
        `CASE WHEN ${smsParam} IS NOT NULL THEN ${smsParam} WHEN ${wantsSms} THEN u."phone" ELSE NULL END, ` +
        `CASE WHEN ${smsParam} IS NOT NULL OR (${wantsSms}) THEN 'pending' ELSE 'none' END, ${t} ` +
        `FROM "Application" a JOIN "User" u ON u."id" = a."applicantId" JOIN "Service" s ON s."id" = a."serviceId" WHERE a."id" = ?`,
      // The office's staff of a role: 站内消息 only, one row each.
      staff:
        `INSERT INTO "Notification" (${COLUMNS}) ` +
        `SELECT ? || u."id", u."id", ?, a."id", ? || '：' || s."title", ${CASE_TEXT} || ?, ?, ${t}, NULL, 'none', NULL, NULL, 'none', NULL ` +
        `FROM "Application" a JOIN "Service" s ON s."id" = a."serviceId" JOIN "Membership" m ON m."organisationId" = a."officeId" AND m."role" = ? ` +
        `JOIN "User" u ON u."id" = m."userId" AND u."disabledAt" IS NULL WHERE a."id" = ?`,
      // A step done: the 新的待办 each member of the office got for it (ids `<case>.<task>.assigned.<user>`) read.
      settle:
        `UPDATE "Notification" SET "readAt" = ${t} WHERE "readAt" IS NULL AND "id" IN ` +
        `(SELECT ? || m."userId" FROM "Membership" m JOIN "Application" a ON m."organisationId" = a."officeId" WHERE a."id" = ? AND m."role" IN ('caseworker', 'reviewer'))`,
    };
    statements.set(sql.kind, found);
  }
  return found;
}

/** One message to the case's applicant; `smsTo`: also by SMS to this number (the case's 结果送达方式). */
export async function notifyApplicant(sql: SqlTx, applicationId: string, kind: NotificationKind, wording: Wording, at: Date, smsTo: string | null = null): Promise<void> {
  const now = sql.time(at);
  await sql.queue(statementsFor(sql).applicant, [newId(), kind, wording.title, wording.body, applicantCaseLink(applicationId), now, now, smsTo, smsTo, smsTo, now, applicationId]);
}

/** One message to each enabled member of the case's office holding `role`. */
export async function notifyOfficeRole(sql: SqlTx, applicationId: string, role: string, kind: NotificationKind, wording: Wording, at: Date, key: string): Promise<void> {
  await sql.queue(statementsFor(sql).staff, [`${key}.`, kind, wording.title, wording.body, staffCaseLink(applicationId), sql.time(at), role, applicationId]);
}

/**
 * The step `taskId` was done (by whoever did it): the 新的待办 messages it sent the office's staff
 * no longer call for anyone, so they count as read — a colleague's inbox of messages does not keep
 * asking for a step already taken.
 */
export async function settleTaskMessages(sql: SqlTx, applicationId: string, taskId: string, at: Date): Promise<void> {
  await sql.queue(statementsFor(sql).settle, [sql.time(at), `${applicationId}.${taskId}.assigned.`, applicationId]);
}

const DECISIONS = { completed: "办件已办结", refused: "办件未予通过", terminated: "办件已终止办理" } as const;

/**
 * The messages an engine event's effects call for: the applicant's notices (correction requested,
 * accepted, the decision), a new staff step (to the office's staff of its role), a step done (its
 * 新的待办 read for all) and an overdue step.
 */
export async function notifyEffects(
  sql: SqlTx,
  applicationId: string,
  state: CaseState,
  effects: readonly Effect[],
  stepLabel: (nodeId: string) => string | undefined,
  at: Date,
  /** The case's 结果送达方式 (read only when a decision is to be told). */
  delivery: () => Promise<ResultDelivery | null> = async () => null,
): Promise<void> {
  /** A decision goes the way the applicant asked for on their form, and the notice says so. */
  const decision = async (kind: NotificationKind, title: string, message: string) => {
    const chosen = await delivery();
    await notifyApplicant(sql, applicationId, kind, { title, body: `：${message}${deliveryNote(chosen)}` }, at, chosen?.smsTo ?? null);
  };
  for (const effect of effects) {
    if (effect.type === "notify" && effect.recipient === "applicant") {
      if (effect.kind === "correctionRequested") {
        await notifyApplicant(sql, applicationId, "correctionRequested", { title: "办件需要补正", body: `：${effect.message}${effect.reason ? `\n说明：${effect.reason}` : ""}` }, at);
      } else if (effect.kind === "accepted") {
        await notifyApplicant(sql, applicationId, "accepted", { title: "办件已受理", body: "已受理，请留意后续办理进度。" }, at);
      } else if (effect.kind === "decided") {
        await decision("decided", "办件已作出决定", effect.message);
      } else if (effect.kind === "completed" || effect.kind === "refused" || effect.kind === "terminated") {
        await decision(effect.kind, DECISIONS[effect.kind], effect.message);
      }
    } else if (effect.type === "closeTask") {
      await settleTaskMessages(sql, applicationId, effect.taskId, at);
    } else if (effect.type === "openTask" && effect.role !== "applicant") {
      await notifyOfficeRole(sql, applicationId, effect.role, "taskAssigned", { title: `新的待办（${effect.label}）`, body: `进入「${effect.label}」环节，等待办理。` }, at, `${applicationId}.${effect.taskId}.assigned`);
    } else if (effect.type === "overdue") {
      const task = effect.taskId ? state.tasks.find((t) => t.taskId === effect.taskId) : undefined;
      if (task?.role === "applicant") continue;
      const step = effect.nodeId ? stepLabel(effect.nodeId) : undefined;
      await notifyOfficeRole(
        sql,
        applicationId,
        task?.role ?? "caseworker",
        "stepOverdue",
        { title: "办理超期", body: `${step ? `在「${step}」环节` : ""}已超过办理时限（${effect.dueOn}），请尽快办理。` },
        at,
        `${applicationId}.${effect.taskId ?? "case"}.${effect.dueOn}.overdue`,
      );
    }
  }
}

/**
 * Runs one engine event on a case inside the caller's write transaction (plain SQL, see
 * runtime/write) and persists what it returns: the new state and status (guarded by the row
 * version, so a concurrent change is a conflict, never a lost update), the tasks it opened and
 * closed, the deadlines, audit events for the event itself and for each notice and
 * document it issued, and the messages it sends (runtime/notify/outbox.ts).
 */
import "server-only";
import type { SqlTx, SqlValue } from "@/runtime/db";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { applyEvent, nextTimerDate, recordedEvent, type CaseEvent, type CaseState, type Effect } from "@/runtime/engine";
import { dueDate, type WorkCalendar } from "@/runtime/calendar";
import { legalLimitFor } from "@/runtime/definition/caseLimit";
import { AppError, staleCase } from "@/runtime/errors";
import type { AuditSink } from "@/runtime/write";
import { applicationStatus } from "@/runtime/engine/status";
import { notifyEffects } from "@/runtime/notify/outbox";
import { resultDelivery } from "@/runtime/forms/resultDelivery";
import { issueDocuments } from "../documents/issue";

export interface CaseRecord {
  id: string;
  officeId: string;
  rowVersion: number;
  engineState: unknown;
  /** The forms' data, when the caller has read it (else read when a decision needs it). */
  formData?: Record<string, unknown>;
}

/** Columns an event may set besides state and status. */
export interface CaseColumns {
  caseNumber?: string;
  submittedAt?: Date;
  idempotencyKey?: string;
  promisedDate?: string | null;
  dueDate?: string | null;
  legalDueDate?: string | null;
  formData?: Record<string, unknown>;
}

/** A case that does not exist yet: filed in one INSERT with its first state (a direct submission). */
export interface NewCase {
  serviceId: string;
  serviceVersionId: string;
  applicantId: string;
  createdAt: Date;
}

export interface RunCaseEventInput {
  application: CaseRecord;
  /** Set when `application` is not in the database yet. */
  insert?: NewCase;
  /**
   * The case's pinned version: its flow; its document texts (their titles name the documents
   * issued); its forms (a decision is told the way the applicant asked on them, 结果送达方式);
   * its guide (the legal limit, 法定办结时限, kept beside the case's own deadline).
   */
  definition: Pick<ServiceDefinition, "flow" | "documents" | "forms" | "guide">;
  event: CaseEvent;
  calendar: WorkCalendar;
  actorRole: string;
  extra?: CaseColumns;
  auditPayload?: Record<string, unknown>;
}

export interface RunCaseEventResult {
  state: CaseState;
  effects: Effect[];
  rowVersion: number;
}

export { STALE_CASE_MESSAGE } from "@/runtime/errors";

const FORBIDDING = new Set<string>(["ROLE_NOT_ALLOWED", "SEPARATION_OF_DUTIES"]);

/** The Task row id of an engine task: deterministic, so effects can be applied by id. */
export const taskRowId = (applicationId: string, engineTaskId: string) => `${applicationId}.${engineTaskId}`;

const INSERT_TASK =
  'INSERT INTO "Task" ("id", "applicationId", "nodeId", "label", "role", "officeId", "status", "dueDate", "createdAt") VALUES (?, ?, ?, ?, ?, ?, \'open\', ?, ?)';
const CLOSE_TASK =
  'UPDATE "Task" SET "status" = \'done\', "completedAt" = ?, "actionId" = ? WHERE "id" = ? AND "status" IN (\'open\', \'claimed\')';
const TASK_DEADLINE = 'UPDATE "Task" SET "dueDate" = ? WHERE "id" = ?';

function caseUpdate(sql: SqlTx, columns: Record<string, SqlValue>, id: string, rowVersion: number) {
  const names = Object.keys(columns);
  const text = `UPDATE "Application" SET ${names.map((n) => `"${n}" = ?`).join(", ")}, "rowVersion" = "rowVersion" + 1 WHERE "id" = ? AND "rowVersion" = ?`;
  return sql.run(text, [...names.map((n) => columns[n]), id, rowVersion]);
}

/**
 * The day the legal limit (法定办结时限) ends on the case clock: counted as the case's own limit is
 * (from 受理, the stretches it stood still added), so the 法定时限 rate of 统计分析 compares each
 * decision with the legal day even where a shorter limit was promised. Null while the clock stands
 * still or when the guide states no legal limit.
 */
function legalDueOn(state: CaseState, guide: ServiceDefinition["guide"], calendar: WorkCalendar): string | null {
  const clock = state.caseClock;
  const limit = legalLimitFor(guide);
  if (!clock || clock.stoppedSince !== null || !limit) return null;
  return dueDate(clock.startedOn, limit, clock.pausedIntervals, calendar);
}

export async function runCaseEvent(sql: SqlTx, audit: AuditSink, input: RunCaseEventInput): Promise<RunCaseEventResult> {
  const { application, event, calendar } = input;
  const { flow } = input.definition;
  const before = (application.engineState ?? null) as CaseState | null;
  const result = applyEvent(flow, before, event, { calendar });
  // A step someone does not hold, or may not do after the step before (不相容岗位分离), is a refusal of who they are (403), not of what they sent.
  if (!result.ok) throw new AppError(FORBIDDING.has(result.error.code) ? "FORBIDDEN" : "BAD_REQUEST", result.error.message);
  const { state, effects } = result;
  if (state === before) return { state, effects, rowVersion: application.rowVersion };
  const status = applicationStatus(state);
  const caseDeadline = [...effects].reverse().find((e) => e.type === "setDeadline" && e.scope === "case");
  const extra = input.extra ?? {};
  const columns: Record<string, SqlValue> = {
    status,
    engineState: JSON.stringify(state),
    timerDueOn: nextTimerDate(flow, state),
    updatedAt: sql.time(new Date()),
  };
  if (extra.caseNumber !== undefined) columns.caseNumber = extra.caseNumber;
  if (extra.submittedAt !== undefined) columns.submittedAt = sql.time(extra.submittedAt);
  if (extra.idempotencyKey !== undefined) columns.idempotencyKey = extra.idempotencyKey;
  if (extra.promisedDate !== undefined) columns.promisedDate = extra.promisedDate;
  if (extra.dueDate !== undefined) columns.dueDate = extra.dueDate;
  if (extra.legalDueDate !== undefined) columns.legalDueDate = extra.legalDueDate;
  if (extra.formData !== undefined) columns.formData = JSON.stringify(extra.formData);
  if (caseDeadline?.type === "setDeadline") {
    columns.dueDate = caseDeadline.dueOn;
    columns.legalDueDate = legalDueOn(state, input.definition.guide, calendar);
  }
  // 一次性告知: counted by 统计分析 from this column, not from the trail.
  if (effects.some((e) => e.type === "issueDocument" && e.document === "correctionNotice")) columns.correctionNoticeAt = sql.time(new Date(event.at));
  if (state.status === "closed") {
    columns.closedAt = sql.time(new Date(state.closedAt ?? event.at));
    columns.outcome = state.outcome ?? null;
    columns.outcomeReason = state.outcomeReason ?? null;
  }
  if (input.insert) {
    const row: Record<string, SqlValue> = {
      id: application.id,
      serviceId: input.insert.serviceId,
      serviceVersionId: input.insert.serviceVersionId,
      officeId: application.officeId,
      applicantId: input.insert.applicantId,
      createdAt: sql.time(input.insert.createdAt),
      rowVersion: application.rowVersion + 1,
      ...columns,
    };
    const names = Object.keys(row);
    await sql.queue(`INSERT INTO "Application" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`, names.map((n) => row[n]));
  } else if ((await caseUpdate(sql, columns, application.id, application.rowVersion)) !== 1) throw staleCase();

  const at = sql.time(new Date(event.at));
  for (const effect of effects) {
    if (effect.type === "openTask") {
      await sql.queue(INSERT_TASK, [
        taskRowId(application.id, effect.taskId),
        application.id,
        effect.nodeId,
        effect.label,
        effect.role,
        application.officeId,
        effect.dueOn ?? null,
        sql.time(new Date()),
      ]);
    } else if (effect.type === "closeTask") {
      await sql.queue(CLOSE_TASK, [at, effect.actionId ?? null, taskRowId(application.id, effect.taskId)]);
    } else if (effect.type === "setDeadline" && effect.scope === "task" && effect.taskId) {
      await sql.queue(TASK_DEADLINE, [effect.dueOn, taskRowId(application.id, effect.taskId)]);
    }
  }

  // 受理通知书, 一次性告知书, decisions …: numbered, with their verification codes, in this transaction.
  const issued = effects.some((e) => e.type === "issueDocument")
    ? await issueDocuments(sql, { applicationId: application.id, officeId: application.officeId, state, effects, definition: input.definition, at: event.at })
    : null;

  const base = { actorRole: input.actorRole, organisationId: application.officeId, applicationId: application.id, entityType: "application" as const, entityId: application.id };
  // The event itself (without the form data it carried): the case can be rebuilt from its trail (runtime/engine/replay.ts).
  audit.record({ ...base, action: event.type === "act" ? `act:${event.actionId}` : event.type, payload: { ...input.auditPayload, status, event: recordedEvent(event) } });
  for (const effect of effects) {
    if (effect.type === "issueDocument") {
      const document = issued?.get(effect);
      audit.record({ ...base, action: effect.type, payload: { ...effect, ...(document ? { documentId: document.id, number: document.number, title: document.title } : {}) } });
    } else if (effect.type === "notify" || effect.type === "overdue") audit.record({ ...base, action: effect.type, payload: effect });
  }
  // The messages the event calls for (消息, e-mail, SMS), in this same transaction.
  // The case's forms as this event leaves them: what it wrote, else what the caller read.
  const formData = extra.formData ?? application.formData;
  await notifyEffects(sql, application.id, state, effects, (nodeId) => flow.nodes.find((n) => n.id === nodeId)?.label, new Date(), async () => {
    const { forms } = input.definition;
    if (!forms.length) return null;
    if (formData) return resultDelivery(forms, formData);
    const row = await sql.get<{ formData: unknown }>('SELECT "formData" FROM "Application" WHERE "id" = ?', [application.id]);
    return resultDelivery(forms, sql.json<Record<string, unknown> | null>(row?.formData ?? null) ?? {});
  });
  return { state, effects, rowVersion: application.rowVersion + 1 };
}

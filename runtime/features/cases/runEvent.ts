/**
 * Runs one engine event on a case inside the caller's transaction and persists what it
 * returns: the new state and status (guarded by the row version, so a concurrent change
 * is a conflict, never a lost update), the tasks it opened and closed, the deadlines, and
 * audit events for the event itself and for each notice and document it issued.
 */
import "server-only";
import type { Tx } from "@/runtime/db";
import type { Flow } from "@/runtime/definition/schema";
import { applyEvent, type CaseEvent, type CaseState, type Effect } from "@/runtime/engine";
import type { WorkCalendar } from "@/runtime/calendar";
import { AppError, conflict } from "@/runtime/errors";
import type { SessionUser } from "@/runtime/auth/roles";
import { applicationStatus } from "@/runtime/engine/status";

export interface CaseRecord {
  id: string;
  officeId: string;
  rowVersion: number;
  engineState: unknown;
}

export interface RunCaseEventInput {
  application: CaseRecord;
  flow: Flow;
  event: CaseEvent;
  calendar: WorkCalendar;
  /** Null for what the system does by itself (the timer). */
  actor: SessionUser | null;
  actorRole: string;
  /** Columns to set besides state and status (caseNumber, submittedAt …). */
  extra?: Record<string, unknown>;
  auditPayload?: Record<string, unknown>;
}

export interface RunCaseEventResult {
  state: CaseState;
  effects: Effect[];
  rowVersion: number;
}

export const STALE_CASE_MESSAGE = "办件已被他人更新，请刷新后重试";

/** The Task row id of an engine task: deterministic, so effects can be applied by id. */
export const taskRowId = (applicationId: string, engineTaskId: string) => `${applicationId}.${engineTaskId}`;

export async function runCaseEvent(tx: Tx, input: RunCaseEventInput): Promise<RunCaseEventResult> {
  const { application, flow, event, calendar, actor } = input;
  const before = (application.engineState ?? null) as CaseState | null;
  const result = applyEvent(flow, before, event, { calendar });
  if (!result.ok) throw new AppError("BAD_REQUEST", result.error.message);
  const { state, effects } = result;
  if (state === before) return { state, effects, rowVersion: application.rowVersion };
  const status = applicationStatus(state);
  const caseDeadline = [...effects].reverse().find((e) => e.type === "setDeadline" && e.scope === "case");
  const updated = await tx.application.updateMany({
    where: { id: application.id, rowVersion: application.rowVersion },
    data: {
      ...input.extra,
      status,
      engineState: state as never,
      rowVersion: { increment: 1 },
      ...(caseDeadline && caseDeadline.type === "setDeadline" ? { dueDate: caseDeadline.dueOn } : {}),
      ...(state.status === "closed"
        ? { closedAt: new Date(state.closedAt ?? event.at), outcome: state.outcome, outcomeReason: state.outcomeReason }
        : {}),
    },
  });
  if (updated.count !== 1) throw conflict(STALE_CASE_MESSAGE);

  for (const effect of effects) {
    if (effect.type === "openTask") {
      await tx.task.create({
        data: {
          id: taskRowId(application.id, effect.taskId),
          applicationId: application.id,
          nodeId: effect.nodeId,
          label: effect.label,
          role: effect.role,
          officeId: application.officeId,
          status: "open",
          dueDate: effect.dueOn,
        },
      });
    } else if (effect.type === "closeTask") {
      await tx.task.updateMany({
        where: { id: taskRowId(application.id, effect.taskId), status: { in: ["open", "claimed"] } },
        data: { status: "done", completedAt: new Date(event.at), actionId: effect.actionId },
      });
    } else if (effect.type === "setDeadline" && effect.scope === "task" && effect.taskId) {
      await tx.task.updateMany({ where: { id: taskRowId(application.id, effect.taskId) }, data: { dueDate: effect.dueOn } });
    }
  }

  const base = { actorId: actor?.id ?? null, actorRole: input.actorRole, organisationId: application.officeId, applicationId: application.id };
  await tx.auditEvent.create({
    data: {
      ...base,
      entityType: "application",
      entityId: application.id,
      action: event.type === "act" ? `act:${event.actionId}` : event.type,
      payload: { ...input.auditPayload, status } as never,
    },
  });
  const notices = effects.filter((e) => e.type === "notify" || e.type === "issueDocument" || e.type === "overdue");
  if (notices.length) {
    await tx.auditEvent.createMany({
      data: notices.map((effect) => ({ ...base, entityType: "application", entityId: application.id, action: effect.type, payload: effect as never })),
    });
  }
  return { state, effects, rowVersion: application.rowVersion + 1 };
}

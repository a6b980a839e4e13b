/**
 * 风险点确认: a passing action (受理, 审核通过, 办结) is refused until the caseworker confirmed
 * every risk point of the step; the confirmations go into the action's audit event, where the
 * reviewer and the auditors read them.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import { AppError } from "@/runtime/errors";
import type { ActionKind, ServiceDefinition, TaskNode } from "@/runtime/definition/schema";
import { needsRiskConfirmation, stepRisks, unconfirmedRisks } from "@/runtime/definition/riskChecklist";
import { displayNames } from "../users/displayNames";

export interface RiskConfirmation {
  key: string;
  risk: string;
}

/**
 * The confirmations to record with the action, or a refusal naming what is unconfirmed.
 * Keys that are not risk points of the step are refused too (no confirming what was not shown).
 */
export function requireRisksConfirmed(definition: ServiceDefinition, node: TaskNode, kind: ActionKind, confirmed: readonly string[]): RiskConfirmation[] | undefined {
  const items = stepRisks(definition, node.label);
  const known = new Set(items.map((i) => i.key));
  const foreign = confirmed.filter((key) => !known.has(key));
  if (foreign.length) throw new AppError("BAD_REQUEST", `确认的风险点不属于环节“${node.label}”，请刷新后重试`);
  if (!needsRiskConfirmation(kind) || items.length === 0) return undefined;
  const missing = unconfirmedRisks(items, confirmed);
  if (missing.length) {
    throw new AppError("PRECONDITION_FAILED", `请先逐项确认环节“${node.label}”的风险点（还有 ${missing.length} 项未确认）：${missing.map((m) => m.risk).join("；")}`);
  }
  return items.map((i) => ({ key: i.key, risk: i.risk }));
}

export interface ConfirmedStep {
  at: Date;
  stepLabel: string;
  actionLabel: string;
  actorName: string | null;
  items: RiskConfirmation[];
}

/** The risk points confirmed on a case, step by step, from its audit trail. */
export async function confirmedRisksOf(db: Db, applicationId: string): Promise<ConfirmedStep[]> {
  const events = await db.auditEvent.findMany({ where: { applicationId, action: { startsWith: "act:" } }, orderBy: { id: "asc" } });
  const withConfirmations = events.filter((e) => Array.isArray((e.payload as Record<string, unknown> | null)?.riskConfirmations));
  const names = await displayNames(db, withConfirmations.map((e) => e.actorId));
  const tasks = await db.task.findMany({
    where: { id: { in: withConfirmations.map((e) => String((e.payload as Record<string, unknown>).taskId ?? "")) } },
    select: { id: true, label: true },
  });
  const taskLabels = new Map(tasks.map((t) => [t.id, t.label]));
  return withConfirmations.map((e) => {
    const payload = e.payload as Record<string, unknown>;
    return {
      at: e.at,
      stepLabel: taskLabels.get(String(payload.taskId ?? "")) ?? "",
      actionLabel: String(payload.actionLabel ?? ""),
      actorName: names.get(e.actorId ?? "") ?? null,
      items: (payload.riskConfirmations as RiskConfirmation[]).map((i) => ({ key: String(i.key), risk: String(i.risk) })),
    };
  });
}

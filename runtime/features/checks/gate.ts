/**
 * The gate on a step's completing actions: refused while a mandatory pre-check of the step has
 * not cleared (read in the act's own transaction, so a check overridden or failed meanwhile counts).
 */
import "server-only";
import type { SqlTx } from "@/runtime/db";
import type { ActionKind, ServiceDefinition } from "@/runtime/definition/schema";
import { AppError } from "@/runtime/errors";
import { blockingChecks, COMPLETING, itemsForStep, type CheckRow } from "./rules";

export async function requireChecksCleared(sql: SqlTx, applicationId: string, definition: ServiceDefinition, nodeId: string, kind: ActionKind): Promise<void> {
  if (!COMPLETING.has(kind)) return;
  const items = itemsForStep(definition, nodeId);
  if (!items.some((i) => i.kind === "preCheck" && i.mandatory)) return;
  const rows = await sql.all<CheckRow>('SELECT "kind", "item", "status", "source" FROM "CaseCheck" WHERE "applicationId" = ? AND "kind" = \'preCheck\'', [applicationId]);
  const blocking = blockingChecks(items, rows);
  if (blocking.length === 0) return;
  throw new AppError(
    "PRECONDITION_FAILED",
    `强制前置校验未通过或尚未完成：${blocking.map((b) => b.label).join("；")}。请完成校验（系统不可用时人工核验），或对未通过项填写理由后越过`,
  );
}

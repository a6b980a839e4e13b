/**
 * Which of a case's files the applicant may still delete: any file of a draft; during a 补正 only
 * those added for it, since submitted materials are never deleted. `removeAttachment` enforces it
 * and the case page is told it per file, so it offers 删除 only where it will be allowed.
 *
 * "Added for it" compares the file's row time with the 补正 task's row time: both are written at
 * real time (the engine's own times run on the case clock, which a demo or test may shift).
 */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import type { CaseState } from "@/runtime/engine";
import { taskRowId } from "@/runtime/features/cases/runEvent";

/** When the applicant's open 补正 task was written, or null when there is none. */
export async function correctionOpenedAt(db: Db | Tx, applicationId: string, state: CaseState | null): Promise<Date | null> {
  const task = state?.tasks.find((t) => t.role === "applicant");
  if (!task) return null;
  const row = await db.task.findUnique({ where: { id: taskRowId(applicationId, task.taskId) }, select: { createdAt: true } });
  return row?.createdAt ?? null;
}

export function fileRemovable(status: string, correctionOpened: Date | null, createdAt: Date): boolean {
  if (status === "draft") return true;
  return status === "waiting_applicant" && correctionOpened !== null && createdAt.getTime() >= correctionOpened.getTime();
}

/**
 * The scheduler's tick: cases with a step past its date get a `timer` event, so public
 * notices (公示) end by themselves and overdue steps are recorded once. Safe with several
 * app instances: each case's change is guarded by its row version, and a case another
 * instance changed meanwhile is simply skipped until the next tick. Also removes expired
 * sessions and old sign-in attempts.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import { chinaDateOf } from "@/runtime/calendar";
import type { CaseState } from "@/runtime/engine";
import { AppError } from "@/runtime/errors";
import { loadCalendar } from "./calendar";
import { pinnedDefinitionSql } from "./definitions";
import { readCase } from "./caseStore";
import { writeWithSql } from "@/runtime/write";
import { runCaseEvent } from "./runEvent";
import { caseNow } from "@/runtime/clock";
import { forgetQuietKeys } from "@/runtime/auth/rateLimit";

const BATCH = 200;

export async function tickTimers(db: Db, now = caseNow()): Promise<{ ticked: number; changed: number }> {
  const today = chinaDateOf(now);
  const due = await db.task.findMany({
    where: { status: { in: ["open", "claimed"] }, dueDate: { lt: today } },
    select: { applicationId: true },
    distinct: ["applicationId"],
    orderBy: { applicationId: "asc" },
    take: BATCH,
  });
  const calendar = await loadCalendar(db);
  let changed = 0;
  for (const { applicationId } of due) {
    try {
      const moved = await writeWithSql(db, null, async ({ sql, audit }) => {
        const application = await readCase(sql, applicationId);
        if (!application?.engineState || (application.engineState as CaseState).status === "closed") {
          audit.unchanged();
          return false;
        }
        const definition = await pinnedDefinitionSql(sql, application.serviceVersionId);
        const result = await runCaseEvent(sql, audit, {
          application,
          flow: definition.flow,
          calendar,
          actorRole: "system",
          event: { type: "timer", at: now.toISOString() },
        });
        if (result.rowVersion === application.rowVersion) audit.unchanged();
        return result.rowVersion !== application.rowVersion;
      });
      if (moved) changed++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  const realNow = new Date();
  await db.session.deleteMany({ where: { expiresAt: { lt: realNow } } });
  await db.loginAttempt.deleteMany({ where: { at: { lt: new Date(realNow.getTime() - 24 * 3_600_000) } } });
  await forgetQuietKeys(db, realNow);
  return { ticked: due.length, changed };
}

/** Runs the tick every `intervalMs` until stopped; errors are logged, never fatal. */
export function startTimerLoop(db: Db, intervalMs = 60_000): () => void {
  let running = false;
  const handle = setInterval(() => {
    if (running) return;
    running = true;
    tickTimers(db)
      .catch((error: unknown) => console.error("定时任务失败：", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  handle.unref();
  return () => clearInterval(handle);
}

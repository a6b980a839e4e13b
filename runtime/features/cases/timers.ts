/**
 * The scheduler's tick: cases whose next timer date (`Application.timerDueOn`, kept by every
 * engine event from runtime/engine/nextTimer.ts) is before today get a `timer` event, so public
 * notices (公示) end by themselves and overdue steps are recorded once. All due cases are paged
 * through in a stable order (timerDueOn, id), so no case waits behind others that keep failing;
 * a case whose timer changed nothing gets its exact next date, so it is not picked again.
 * With several instances only the holder of the `timers` lease ticks (startTimerLoop); each
 * case's change is also guarded by its row version. Also removes expired sessions and old
 * sign-in attempts.
 */
import "server-only";
import { errorLog, log } from "@/runtime/ops/log";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { acquireLease, type Db } from "@/runtime/db";
import { chinaDateOf } from "@/runtime/calendar";
import { nextTimerDate, type CaseState } from "@/runtime/engine";
import { AppError } from "@/runtime/errors";
import { loadCalendar } from "./calendar";
import { pinnedDefinitionSql } from "./definitions";
import { readCase } from "./caseStore";
import { writeWithSql } from "@/runtime/write";
import { runCaseEvent } from "./runEvent";
import { caseNow } from "@/runtime/clock";
import { forgetQuietKeys } from "@/runtime/auth/rateLimit";

export interface TickOptions {
  /** Cases read per page (default 200). */
  pageSize?: number;
  /** At most this many cases per tick; the rest are next (default 10,000). */
  maxCases?: number;
}

export async function tickTimers(db: Db, now = caseNow(), options: TickOptions = {}): Promise<{ ticked: number; changed: number }> {
  const pageSize = options.pageSize ?? 200;
  const maxCases = options.maxCases ?? 10_000;
  const today = chinaDateOf(now);
  const calendar = await loadCalendar(db);
  let ticked = 0;
  let changed = 0;
  let after: { timerDueOn: string; id: string } | null = null;
  while (ticked < maxCases) {
    const page: { id: string; timerDueOn: string | null }[] = await db.application.findMany({
      where: {
        timerDueOn: { lt: today },
        ...(after ? { OR: [{ timerDueOn: { gt: after.timerDueOn } }, { timerDueOn: after.timerDueOn, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ timerDueOn: "asc" }, { id: "asc" }],
      take: Math.min(pageSize, maxCases - ticked),
      select: { id: true, timerDueOn: true },
    });
    if (page.length === 0) break;
    for (const { id } of page) {
      ticked++;
      try {
        if (await tickCase(db, id, now, calendar)) changed++;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    const last = page[page.length - 1];
    after = { timerDueOn: last.timerDueOn ?? "", id: last.id };
  }
  const realNow = new Date();
  await db.session.deleteMany({ where: { expiresAt: { lt: realNow } } });
  await db.loginAttempt.deleteMany({ where: { at: { lt: new Date(realNow.getTime() - 24 * 3_600_000) } } });
  await forgetQuietKeys(db, realNow);
  return { ticked, changed };
}

/** One case's timer event; true when it changed the case. */
function tickCase(db: Db, id: string, now: Date, calendar: Awaited<ReturnType<typeof loadCalendar>>): Promise<boolean> {
  return writeWithSql(db, null, async ({ sql, audit }) => {
    const application = await readCase(sql, id);
    const state = (application?.engineState ?? null) as CaseState | null;
    if (!application || !state || state.status === "closed") {
      if (application) await sql.run('UPDATE "Application" SET "timerDueOn" = NULL WHERE "id" = ?', [id]);
      audit.unchanged();
      return false;
    }
    const definition = await pinnedDefinitionSql(sql, application.serviceVersionId);
    const result = await runCaseEvent(sql, audit, {
      application,
      definition,
      calendar,
      actorRole: "system",
      event: { type: "timer", at: now.toISOString() },
    });
    if (result.rowVersion !== application.rowVersion) return true;
    // Nothing was due after all (its lateness was already reported): its exact next date, so it is not picked again.
    await sql.run('UPDATE "Application" SET "timerDueOn" = ? WHERE "id" = ?', [nextTimerDate(definition.flow, state), id]);
    audit.unchanged();
    return false;
  });
}

/** The tick every `intervalMs` on the instance holding the `timers` lease; errors are logged, never fatal. */
export function startTimerLoop(db: Db, intervalMs = 60_000): () => void {
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let running = false;
  const handle = setInterval(() => {
    if (running) return;
    running = true;
    acquireLease(db, "timers", holder, intervalMs * 2)
      .then((held) => (held ? tickTimers(db) : undefined))
      .catch((error: unknown) => log.error(errorLog(error), "定时任务失败"))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  handle.unref();
  return () => clearInterval(handle);
}

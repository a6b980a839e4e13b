/** `resume` (恢复): the paused case runs again; the paused days move every deadline. */
import { restartClock } from "../clock";
import { record, type EventContext } from "../context";
import { EngineError } from "../errors";
import { requireNotClosed, requireStepHolder } from "../guards";
import { noticeResumed } from "../notices";
import { setTaskClock } from "../tasks";
import type { ResumeEvent } from "../types";

export function resume(ctx: EventContext, event: ResumeEvent): void {
  const { state } = ctx;
  requireNotClosed(state);
  if (state.pause === null) throw new EngineError("NOT_PAUSED", "办件未中止，无需恢复");
  requireStepHolder(state, event.actor.role, "恢复办件");
  state.pause = null;
  for (const task of state.tasks) setTaskClock(ctx, task, restartClock(task.clock, ctx.today, ctx.calendar));
  noticeResumed(ctx);
  const comment = event.comment?.trim();
  record(ctx, { event: "resume", actor: event.actor, ...(comment ? { comment } : {}) });
}

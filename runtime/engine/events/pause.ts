/** `pause` (中止): allowed only where every current step is `pausable`; all clocks stand still. */
import { stopClock } from "../clock";
import { record, type EventContext } from "../context";
import { EngineError } from "../errors";
import { taskNodeOf } from "../flowIndex";
import { requireNotClosed, requireStepHolder, requireText } from "../guards";
import { noticePaused } from "../notices";
import { setTaskClock } from "../tasks";
import type { PauseEvent } from "../types";

export function pause(ctx: EventContext, event: PauseEvent): void {
  const { state } = ctx;
  requireNotClosed(state);
  if (state.pause !== null) throw new EngineError("ALREADY_PAUSED", "办件已处于中止状态");
  requireStepHolder(state, event.actor.role, "中止办件");
  const reason = requireText(event.reason, "中止办理须填写理由");
  for (const task of state.tasks) {
    const node = taskNodeOf(ctx.index, task.nodeId);
    if (!node.pausable) throw new EngineError("NOT_PAUSABLE", `环节“${node.label}”不允许中止`, { nodeId: node.id, taskId: task.taskId });
  }
  state.pause = { since: ctx.at, reason };
  for (const task of state.tasks) setTaskClock(ctx, task, stopClock(task.clock, ctx.today));
  noticePaused(ctx, reason);
  record(ctx, { event: "pause", actor: event.actor, comment: reason });
}

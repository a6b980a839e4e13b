/**
 * `timer`: the scheduler's periodic tick. A public-notice step (公示) whose period has
 * ended completes by itself (its `complete` action); a task or case past its deadline is
 * reported once with an `overdue` effect. Nothing runs while the case is paused.
 * Returns whether anything changed.
 */
import { isOverdue } from "../clock";
import { record, type EventContext } from "../context";
import { EngineError } from "../errors";
import { actionEdgeOf, taskNodeOf } from "../flowIndex";
import { requireNotClosed } from "../guards";
import { closeTask, setTaskClock } from "../tasks";
import { followEdge } from "../traverse";
import type { ActiveTask } from "../types";

function endPublicNotice(ctx: EventContext, task: ActiveTask): void {
  const node = taskNodeOf(ctx.index, task.nodeId);
  const action = node.actions.find((candidate) => candidate.kind === "complete");
  if (!action) {
    throw new EngineError("FLOW_INVALID", `公示环节“${node.label}”没有“完成”类操作，公示期满后无法继续`, { nodeId: node.id });
  }
  closeTask(ctx, task, action.id);
  followEdge(ctx, actionEdgeOf(ctx.index, node, action.id), { comment: null, correction: null });
  record(ctx, { event: "timer", actor: null, taskId: task.taskId, nodeId: node.id, actionId: action.id, actionKind: "complete" });
}

export function timer(ctx: EventContext): boolean {
  const { state } = ctx;
  requireNotClosed(state);
  if (state.pause !== null) return false;
  let changed = false;
  const tasks = state.tasks; // a snapshot: ending a public notice replaces state.tasks
  for (const task of tasks) {
    if (state.outcome !== null) break;
    if (!isOverdue(task.clock, ctx.today)) continue;
    if (taskNodeOf(ctx.index, task.nodeId).publicNotice) {
      endPublicNotice(ctx, task);
      changed = true;
    } else if (!task.clock.overdueReported) {
      ctx.effects.push({ type: "overdue", scope: "task", taskId: task.taskId, nodeId: task.nodeId, dueOn: task.clock.dueOn });
      setTaskClock(ctx, task, { ...task.clock, overdueReported: true });
      changed = true;
    }
  }
  const caseClock = state.caseClock;
  if (state.outcome === null && caseClock && isOverdue(caseClock, ctx.today) && !caseClock.overdueReported) {
    ctx.effects.push({ type: "overdue", scope: "case", dueOn: caseClock.dueOn });
    state.caseClock = { ...caseClock, overdueReported: true };
    changed = true;
  }
  return changed;
}

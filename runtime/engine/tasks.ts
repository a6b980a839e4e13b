/** Opening, closing and finding the active tasks of a case. */
import type { TaskNode } from "../definition/schema";
import { startClock } from "./clock";
import type { EventContext } from "./context";
import type { ActiveTask, CaseState, Clock, CorrectionRequest } from "./types";

/** The active task named by its task id or by its node id. */
export function findActiveTask(state: CaseState, reference: string): ActiveTask | undefined {
  return state.tasks.find((task) => task.taskId === reference) ?? state.tasks.find((task) => task.nodeId === reference);
}

/**
 * Opens a task on `node`. Its clock starts today with the step's SLA, unless an existing
 * clock is carried over (a step reopened after a correction).
 */
export function openTask(ctx: EventContext, node: TaskNode, correction: CorrectionRequest | null, clock?: Clock): ActiveTask {
  const { state } = ctx;
  state.taskSequence += 1;
  const task: ActiveTask = {
    taskId: `${node.id}#${state.taskSequence}`,
    nodeId: node.id,
    role: node.role,
    openedAt: ctx.at,
    clock: clock ?? startClock(ctx.today, node.sla, ctx.calendar),
    correction,
  };
  state.tasks = [...state.tasks, task];
  ctx.effects.push({
    type: "openTask",
    taskId: task.taskId,
    nodeId: node.id,
    label: node.label,
    role: node.role,
    dueOn: task.clock.dueOn,
  });
  return task;
}

/** Closes a task; `actionId` is null when it closes without an action (withdrawal, case closed). */
export function closeTask(ctx: EventContext, task: ActiveTask, actionId: string | null): void {
  ctx.state.tasks = ctx.state.tasks.filter((candidate) => candidate !== task);
  ctx.effects.push({ type: "closeTask", taskId: task.taskId, nodeId: task.nodeId, actionId });
}

/** Replaces a task's clock, reporting the new deadline when it changed. */
export function setTaskClock(ctx: EventContext, task: ActiveTask, clock: Clock): void {
  ctx.state.tasks = ctx.state.tasks.map((candidate) => (candidate === task ? { ...task, clock } : candidate));
  if (clock.dueOn !== task.clock.dueOn) {
    ctx.effects.push({ type: "setDeadline", scope: "task", taskId: task.taskId, dueOn: clock.dueOn });
  }
}

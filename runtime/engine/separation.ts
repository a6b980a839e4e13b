/**
 * 不相容岗位分离 (separation of duties): on a step marked `separateFromPrevious`, whoever
 * completed the case's previous staff step may not act. The previous step is the latest staff
 * action on another node, so a correction loop on the step itself (一次性告知 → 补正 → back)
 * keeps the same person barred.
 */
import type { Flow, TaskNode } from "../definition/schema";
import { EngineError } from "./errors";
import type { FlowIndex } from "./flowIndex";
import type { ActiveTask, CaseState, HistoryEntry } from "./types";

/** The latest staff action on a node other than `nodeId`. */
function previousStaffAction(state: CaseState, nodeId: string): HistoryEntry | undefined {
  for (let i = state.history.length - 1; i >= 0; i -= 1) {
    const entry = state.history[i];
    if (entry.event === "act" && entry.actor && entry.actor.role !== "applicant" && entry.nodeId !== nodeId) return entry;
  }
  return undefined;
}

/** The user who may not do `task` (by the step's separation rule), or null when anyone of its role may. */
export function barredActorOf(node: TaskNode, state: CaseState, task: Pick<ActiveTask, "nodeId">): string | null {
  if (!node.separateFromPrevious || node.role === "applicant") return null;
  return previousStaffAction(state, task.nodeId)?.actor?.id ?? null;
}

/** The same, looked up by the task's id in a flow (for callers outside the engine: inboxes, claiming). */
export function barredActorOfTask(flow: Flow, state: CaseState | null, engineTaskId: string): string | null {
  const task = state?.tasks.find((candidate) => candidate.taskId === engineTaskId);
  const node = task ? flow.nodes.find((candidate) => candidate.id === task.nodeId) : undefined;
  if (!state || !task || node?.type !== "task") return null;
  return barredActorOf(node, state, task);
}

/** Refuses the act when its actor completed the previous step and the step is to be done by someone else. */
export function requireSeparateActor(index: FlowIndex, node: TaskNode, state: CaseState, task: ActiveTask, actorId: string | undefined): void {
  const barred = barredActorOf(node, state, task);
  if (barred === null || actorId === undefined || actorId !== barred) return;
  const previousId = previousStaffAction(state, task.nodeId)?.nodeId;
  const previous = previousId ? index.nodes.get(previousId)?.label : undefined;
  throw new EngineError(
    "SEPARATION_OF_DUTIES",
    `环节“${node.label}”须由与上一环节${previous ? `“${previous}”` : ""}不同的工作人员办理：您已办理本件的上一环节，请由其他工作人员办理`,
    { nodeId: node.id, taskId: task.taskId },
  );
}

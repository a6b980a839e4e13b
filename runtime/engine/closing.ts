/** Closing a case: at an end node, or by withdrawal. */
import type { EventContext } from "./context";
import { noticeClosed } from "./notices";
import { closeTask } from "./tasks";
import type { Outcome } from "./types";

export function closeCase(ctx: EventContext, outcome: Outcome, reason: string | null): void {
  const { state } = ctx;
  for (const task of state.tasks) closeTask(ctx, task, null);
  state.outcome = outcome;
  state.outcomeReason = reason;
  state.closedAt = ctx.at;
  state.pause = null;
  noticeClosed(ctx, outcome, reason);
}

/**
 * The date after which a case next needs the scheduler's `timer` event (pure): the earliest
 * deadline among its public notices (公示 ends by itself) and its not-yet-reported overdue
 * steps and case limit. Null when nothing can happen by time alone (closed, paused, no
 * deadline left to report). The scheduler selects cases whose date is before today.
 */
import type { Flow } from "../definition/schema";
import type { IsoDate } from "../calendar";
import type { CaseState } from "./types";

export function nextTimerDate(flow: Flow, state: CaseState | null): IsoDate | null {
  if (!state || state.status === "closed" || state.outcome !== null || state.pause !== null) return null;
  const notices = new Set(flow.nodes.filter((n) => n.type === "task" && n.publicNotice).map((n) => n.id));
  let earliest: IsoDate | null = null;
  const consider = (date: IsoDate | null) => {
    if (date !== null && (earliest === null || date < earliest)) earliest = date;
  };
  for (const task of state.tasks) {
    if (notices.has(task.nodeId) || !task.clock.overdueReported) consider(task.clock.dueOn);
  }
  if (state.caseClock && !state.caseClock.overdueReported) consider(state.caseClock.dueOn);
  return earliest;
}

/** The status a case state shows, derived from where it stands. */
import type { CaseState, CaseStatus } from "./types";

export function statusOf(state: CaseState): CaseStatus {
  if (state.outcome !== null) return "closed";
  if (state.pause !== null) return "paused";
  if (state.tasks.length > 0 && state.tasks.every((task) => task.role === "applicant")) return "waiting_applicant";
  return "running";
}

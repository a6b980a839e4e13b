/** The status a case state shows, derived from where it stands; and the status stored for lists. */
import type { CaseState, CaseStatus } from "./types";

export function statusOf(state: CaseState): CaseStatus {
  if (state.outcome !== null) return "closed";
  if (state.pause !== null) return "paused";
  if (state.tasks.length > 0 && state.tasks.every((task) => task.role === "applicant")) return "waiting_applicant";
  return "running";
}

/** The application status stored for lists and filters, derived from the engine's state. */
export type ApplicationStatus =
  | "draft"
  | "submitted"
  | "in_progress"
  | "waiting_applicant"
  | "paused"
  | "completed"
  | "refused"
  | "terminated"
  | "withdrawn";

export function applicationStatus(state: CaseState): ApplicationStatus {
  if (state.status === "closed") return state.outcome ?? "completed";
  if (state.status === "paused") return "paused";
  if (state.status === "waiting_applicant") return "waiting_applicant";
  return state.acceptedAt ? "in_progress" : "submitted";
}

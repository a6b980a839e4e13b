/** The application status stored for lists and filters, derived from the engine's state. */
import type { CaseState } from "@/runtime/engine";

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

export const statusLabels: Record<ApplicationStatus, string> = {
  draft: "草稿",
  submitted: "已提交",
  in_progress: "办理中",
  waiting_applicant: "待补正",
  paused: "已中止",
  completed: "已办结",
  refused: "不予受理/未通过",
  terminated: "已终止",
  withdrawn: "已撤回",
};

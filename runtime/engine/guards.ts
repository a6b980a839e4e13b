/** Checks shared by several events; each throws the refusal it names. */
import type { TaskRole } from "../definition/schema";
import { taskRoleLabels } from "../definition/labels";
import { EngineError } from "./errors";
import type { CaseState } from "./types";

export function roleName(role: TaskRole): string {
  return taskRoleLabels[role] ?? role;
}

export function requireNotClosed(state: CaseState): void {
  if (state.outcome !== null) throw new EngineError("CASE_CLOSED", "办件已结束，不能再办理");
}

export function requireNotPaused(state: CaseState): void {
  if (state.pause !== null) throw new EngineError("CASE_PAUSED", "办件已中止，请先恢复办理");
}

/** 中止/恢复 are decided by the staff who hold the current step. */
export function requireStepHolder(state: CaseState, role: TaskRole, doing: string): void {
  if (role === "applicant" || !state.tasks.some((task) => task.role === role)) {
    throw new EngineError("ROLE_NOT_ALLOWED", `${roleName(role)}不能${doing}：只有办理当前环节的工作人员可以${doing}`);
  }
}

export function requireText(value: string | undefined, message: string): string {
  const text = value?.trim();
  if (!text) throw new EngineError("COMMENT_REQUIRED", message);
  return text;
}

/**
 * Whether the applicant may withdraw (撤回) a filed case: only before it is accepted (受理).
 * Until then the applicant may take it back, also while correcting what the 受理 step asked for
 * (一次性告知 before acceptance); once accepted, decided or closed, the office's handling stands.
 * The engine refuses a withdrawal by this rule, and the applicant's case page is told it.
 */
import type { CaseState } from "./types";

/** Why the case can no longer be withdrawn, or null when it can. */
export function withdrawalRefusal(state: CaseState | null): string | null {
  if (!state) return "办件尚未提交";
  if (state.outcome !== null) return "办件已结束，不能撤回";
  if (state.decision) return "已作出决定，不能撤回申请";
  if (state.acceptedAt !== null) return "办件已受理，不能撤回申请；如有疑问请联系办理机构";
  return null;
}

export function withdrawalAllowed(state: CaseState | null): boolean {
  return withdrawalRefusal(state) === null;
}

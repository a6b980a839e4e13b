/** `withdraw` (撤回): the applicant withdraws the case before it is accepted (受理); see `../withdrawal`. */
import { closeCase } from "../closing";
import { record, type EventContext } from "../context";
import { EngineError } from "../errors";
import { requireNotClosed, roleName } from "../guards";
import type { WithdrawEvent } from "../types";
import { withdrawalRefusal } from "../withdrawal";

export function withdraw(ctx: EventContext, event: WithdrawEvent): void {
  requireNotClosed(ctx.state);
  if (event.actor.role !== "applicant") {
    throw new EngineError("ROLE_NOT_ALLOWED", `只有申请人可以撤回申请，${roleName(event.actor.role)}不能撤回`);
  }
  // A replay rebuilds what was recorded, also a withdrawal made before this rule was enforced.
  const refusal = ctx.replaying ? null : withdrawalRefusal(ctx.state);
  if (refusal) throw new EngineError("WITHDRAW_NOT_ALLOWED", refusal);
  const reason = event.reason?.trim() || null;
  closeCase(ctx, "withdrawn", reason);
  record(ctx, { event: "withdraw", actor: event.actor, ...(reason ? { comment: reason } : {}) });
}

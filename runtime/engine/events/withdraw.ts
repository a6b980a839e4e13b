/** `withdraw` (撤回): the applicant withdraws the case at any time before it closes. */
import { closeCase } from "../closing";
import { record, type EventContext } from "../context";
import { EngineError } from "../errors";
import { requireNotClosed, roleName } from "../guards";
import type { WithdrawEvent } from "../types";

export function withdraw(ctx: EventContext, event: WithdrawEvent): void {
  requireNotClosed(ctx.state);
  if (event.actor.role !== "applicant") {
    throw new EngineError("ROLE_NOT_ALLOWED", `只有申请人可以撤回申请，${roleName(event.actor.role)}不能撤回`);
  }
  const reason = event.reason?.trim() || null;
  closeCase(ctx, "withdrawn", reason);
  record(ctx, { event: "withdraw", actor: event.actor, ...(reason ? { comment: reason } : {}) });
}

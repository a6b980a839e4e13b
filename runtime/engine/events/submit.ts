/** `submit`: the applicant files the case; it enters the flow and runs to the first task. */
import { record, type EventContext } from "../context";
import { EngineError } from "../errors";
import { enterAtStart } from "../traverse";
import type { CaseState, SubmitEvent } from "../types";

/** The state of a case just filed, before it enters the flow. */
export function newCaseState(event: SubmitEvent): CaseState {
  const limit = event.caseLimit ?? null;
  if (limit && (!Number.isInteger(limit.days) || limit.days < 0 || (limit.unit !== "workday" && limit.unit !== "day"))) {
    throw new EngineError("INVALID_EVENT", "办结时限无效：天数应为非负整数，单位应为 workday（工作日）或 day（日）");
  }
  return {
    status: "running",
    tasks: [],
    forms: { ...event.forms },
    applicant: { ...event.applicant },
    history: [],
    submittedAt: event.at,
    acceptedAt: null,
    closedAt: null,
    outcome: null,
    outcomeReason: null,
    pause: null,
    caseLimit: limit,
    caseClock: null,
    taskSequence: 0,
    lastEventAt: event.at,
  };
}

export function submit(ctx: EventContext, event: SubmitEvent): void {
  enterAtStart(ctx);
  record(ctx, { event: "submit", actor: event.actor ?? { role: "applicant" } });
}

/** `submit`: the applicant files the case; it enters the flow and runs to the first task. */
import { record, type EventContext } from "../context";
import { EngineError } from "../errors";
import { enterAtStart, followEdge } from "../traverse";
import { actionEdgeOf, taskNodeOf } from "../flowIndex";
import { closeTask } from "../tasks";
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

/**
 * A flow whose first step is the applicant's own 申请 (filing) task: submitting the case is
 * doing that task, so it is completed with its submit action (the one the event names,
 * for flows offering several procedures, else the first) and the case moves on.
 */
function completeFilingStep(ctx: EventContext, event: SubmitEvent): void {
  const filing = ctx.state.tasks.find((task) => task.role === "applicant" && !task.correction);
  if (!filing || ctx.state.tasks.length !== 1) return;
  const node = taskNodeOf(ctx.index, filing.nodeId);
  const submits = node.actions.filter((action) => action.kind === "submit");
  const action = event.submitAction ? submits.find((a) => a.id === event.submitAction) : submits[0];
  if (!action) {
    throw new EngineError("ACTION_NOT_ALLOWED", `环节“${node.label}”没有“${event.submitAction ?? "提交"}”这一提交方式`, { nodeId: node.id });
  }
  closeTask(ctx, filing, action.id);
  followEdge(ctx, actionEdgeOf(ctx.index, node, action.id), { comment: null, correction: null });
}

export function submit(ctx: EventContext, event: SubmitEvent): void {
  enterAtStart(ctx);
  completeFilingStep(ctx, event);
  record(ctx, { event: "submit", actor: event.actor ?? { role: "applicant" } });
}

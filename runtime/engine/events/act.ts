/**
 * `act`: the holder of an active task takes one of its actions.
 *
 * - `approve`, `complete`, `reject`, `terminate`, `submit`: the token follows the action's
 *   edge; `reject` and `terminate` need a reason (as does any action with `requiresComment`).
 * - The first `approve` by staff accepts the case (受理): 受理回执, case clock starts.
 * - `correction` (一次性告知) needs the full list of items to correct; the step's clock
 *   stops and the case goes to the applicant's 补正 task (the action's edge), where the
 *   applicant's `submit` reopens the asking step with its clock running on. The request may
 *   name forms (`correctionForms`): the applicant may change those, besides the forms the 补正
 *   step opens (`correctionForms.ts`), and no other.
 */
import type { Action, DecisionOutcome, TaskNode } from "@/runtime/definition/schema";
import { startCaseClock } from "../caseClock";
import { restartClock, stopClock } from "../clock";
import { record, type EventContext } from "../context";
import { EngineError } from "../errors";
import { actionEdgeOf, taskNodeOf } from "../flowIndex";
import { requireNotClosed, requireNotPaused, requireText, roleName } from "../guards";
import { noticeAccepted, noticeCorrectionRequested, noticeCorrectionSubmitted, noticeDecision } from "../notices";
import { requireSeparateActor } from "../separation";
import { correctionEditableForms } from "../correctionForms";
import { closeTask, findActiveTask, openTask } from "../tasks";
import { followEdge } from "../traverse";
import type { ActEvent, ActiveTask, CorrectionRequest, FormsData } from "../types";

function needsComment(action: Action): boolean {
  return action.requiresComment || action.kind === "reject" || action.kind === "terminate";
}

function correctionItemsOf(event: ActEvent): string[] {
  const items = (event.correctionItems ?? []).map((item) => item.trim());
  if (items.length === 0 || items.some((item) => item === "")) {
    throw new EngineError("CORRECTION_LIST_REQUIRED", "一次性告知须逐项列明申请人需要补正的全部材料或内容，不能为空", {
      actionId: event.actionId,
    });
  }
  return items;
}

/** The forms a correction request names (ids, each once); only a correction request names any. */
function correctionFormsOf(event: ActEvent, action: Action): string[] | undefined {
  if (event.correctionForms === undefined) return undefined;
  if (action.kind !== "correction") {
    throw new EngineError("INVALID_EVENT", `“${action.label}”不是一次性告知，不能指定需补正的表单`, { actionId: action.id });
  }
  const forms = event.correctionForms.map((id) => (typeof id === "string" ? id.trim() : ""));
  if (forms.some((id) => id === "")) throw new EngineError("INVALID_EVENT", "需补正的表单应以表单编号列明，不能为空", { actionId: action.id });
  return forms.length ? [...new Set(forms)] : undefined;
}

/** The actions that pass a decision step, and so carry its outcome. */
const decides = (action: Action) => action.kind === "approve" || action.kind === "complete";

const AMOUNT = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/**
 * At a decision step, the outcome chosen: one the step offers, its reason where the outcome
 * requires one (every unfavourable outcome: 说明理由), its amount where it states one.
 */
function decisionOf(node: TaskNode, action: Action, event: ActEvent): { outcome: DecisionOutcome; reason: string | null; amount: string | null } | null {
  const offered = node.outcomes ?? [];
  const where = { nodeId: node.id, actionId: action.id };
  if (offered.length === 0 || !decides(action)) {
    if (event.outcomeId !== undefined) throw new EngineError("OUTCOME_NOT_ALLOWED", `“${action.label}”不作出决定，不能选择决定结果`, where);
    return null;
  }
  if (!event.outcomeId) {
    throw new EngineError("OUTCOME_REQUIRED", `环节“${node.label}”须选择决定结果（${offered.map((o) => o.label).join(" / ")}）`, where);
  }
  const outcome = offered.find((o) => o.id === event.outcomeId);
  if (!outcome) throw new EngineError("OUTCOME_NOT_ALLOWED", `环节“${node.label}”没有“${event.outcomeId}”这一决定结果`, where);
  const reason = outcome.requiresReason || !outcome.favourable
    ? requireText(event.comment, `决定“${outcome.label}”须说明理由`)
    : null;
  let amount: string | null = null;
  if (outcome.amountLabel) {
    amount = event.amount?.trim() ?? "";
    if (!AMOUNT.test(amount)) throw new EngineError("OUTCOME_REQUIRED", `决定“${outcome.label}”须填写${outcome.amountLabel}（以元为单位的金额，最多两位小数）`, where);
  } else if (event.amount !== undefined && event.amount.trim() !== "") {
    throw new EngineError("OUTCOME_NOT_ALLOWED", `决定“${outcome.label}”不核定金额`, where);
  }
  return { outcome, reason, amount };
}

function mergeForms(ctx: EventContext, node: TaskNode, task: ActiveTask, patch: FormsData | undefined): void {
  if (!patch) return;
  const forms = { ...ctx.state.forms };
  const editable = new Set(correctionEditableForms(node, task));
  for (const [formId, data] of Object.entries(patch)) {
    if (!editable.has(formId)) {
      throw new EngineError("FORM_NOT_EDITABLE", `环节“${node.label}”不能填写或修改表单“${formId}”`, { nodeId: node.id });
    }
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      throw new EngineError("INVALID_EVENT", `表单“${formId}”的数据应为对象`, { nodeId: node.id });
    }
    forms[formId] = { ...forms[formId], ...data };
  }
  ctx.state.forms = forms;
}

function requestCorrection(ctx: EventContext, node: TaskNode, task: ActiveTask, action: Action, items: string[], forms: string[] | undefined, comment?: string) {
  const correction: CorrectionRequest = {
    items,
    ...(forms ? { forms } : {}),
    requestedAt: ctx.at,
    askedBy: { taskId: task.taskId, nodeId: task.nodeId, clock: stopClock(task.clock, ctx.today) },
  };
  noticeCorrectionRequested(ctx, items, comment);
  followEdge(ctx, actionEdgeOf(ctx.index, node, action.id), { comment: comment ?? null, correction });
}

function returnToAsker(ctx: EventContext, correction: CorrectionRequest): void {
  const { askedBy } = correction;
  const node = taskNodeOf(ctx.index, askedBy.nodeId);
  ctx.path.push(node.id);
  openTask(ctx, node, null, restartClock(askedBy.clock, ctx.today, ctx.calendar));
  noticeCorrectionSubmitted(ctx);
}

export function act(ctx: EventContext, event: ActEvent): void {
  const { state, index } = ctx;
  requireNotClosed(state);
  requireNotPaused(state);
  const task = findActiveTask(state, event.taskId);
  if (!task) throw new EngineError("TASK_NOT_ACTIVE", `环节“${event.taskId}”当前不在办理中`, { taskId: event.taskId });
  const node = taskNodeOf(index, task.nodeId);
  const where = { nodeId: node.id, taskId: task.taskId, actionId: event.actionId };
  if (event.actor.role !== task.role) {
    throw new EngineError("ROLE_NOT_ALLOWED", `环节“${node.label}”应由${roleName(task.role)}办理，${roleName(event.actor.role)}不能操作`, where);
  }
  requireSeparateActor(index, node, state, task, event.actor.id);
  const action = node.actions.find((candidate) => candidate.id === event.actionId);
  if (!action) throw new EngineError("ACTION_NOT_ALLOWED", `环节“${node.label}”没有“${event.actionId}”这一操作`, where);
  const comment = needsComment(action)
    ? requireText(event.comment, `“${action.label}”须填写意见或理由`)
    : event.comment?.trim() || undefined;
  const items = action.kind === "correction" ? correctionItemsOf(event) : undefined;
  const correctionForms = correctionFormsOf(event, action);
  const decision = decisionOf(node, action, event);
  mergeForms(ctx, node, task, event.forms);

  closeTask(ctx, task, action.id);
  if (decision) {
    state.decision = {
      outcomeId: decision.outcome.id,
      label: decision.outcome.label,
      favourable: decision.outcome.favourable,
      reason: decision.reason,
      amount: decision.amount,
      nodeId: node.id,
      taskId: task.taskId,
      decidedAt: ctx.at,
      documentTitle: decision.outcome.documentTitle,
    };
    noticeDecision(ctx, state.decision);
  }
  if (action.kind === "approve" && task.role !== "applicant" && state.acceptedAt === null) {
    state.acceptedAt = ctx.at;
    noticeAccepted(ctx);
    startCaseClock(ctx);
  }
  if (items) requestCorrection(ctx, node, task, action, items, correctionForms, comment);
  else if (action.kind === "submit" && task.correction) returnToAsker(ctx, task.correction);
  else followEdge(ctx, actionEdgeOf(index, node, action.id), { comment: comment ?? null, correction: null });

  record(ctx, {
    event: "act",
    actor: event.actor,
    taskId: task.taskId,
    nodeId: node.id,
    actionId: action.id,
    actionKind: action.kind,
    ...(comment ? { comment } : {}),
    ...(items ? { correctionItems: items } : {}),
    ...(correctionForms ? { correctionForms } : {}),
    ...(decision ? { outcomeId: decision.outcome.id, ...(decision.amount ? { amount: decision.amount } : {}) } : {}),
  });
}

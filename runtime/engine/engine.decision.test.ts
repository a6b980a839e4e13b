import { describe, expect, it } from "vitest";
import type { DecisionOutcome, Flow } from "../definition/schema";
import { expectRefused, on, step, steps } from "@/tests/support/engineSupport";
import { reviewFlow } from "@/tests/support/engineFlows";
import { replayCase, recordedEvent } from "./replay";
import type { CaseEvent } from "./types";

const outcomes: DecisionOutcome[] = [
  { id: "grant", label: "核定发放", favourable: true, requiresReason: false, amountLabel: "核定金额（元）", documentTitle: "待遇核定决定书" },
  { id: "deny", label: "不予核定", favourable: false, requiresReason: true, documentTitle: "不予核定决定书" },
];
/** reviewFlow whose 复核 is the decision step. */
const decisionFlow: Flow = { ...reviewFlow, nodes: reviewFlow.nodes.map((node) => (node.type === "task" && node.id === "recheck" ? { ...node, outcomes } : node)) };

const submit: CaseEvent = { type: "submit", at: on("2025-09-01"), forms: { application: { amount: 20000 } } };
const act = (taskId: string, actionId: string, day: string, extra: Partial<Extract<CaseEvent, { type: "act" }>> = {}): CaseEvent => ({
  type: "act",
  at: on(day),
  taskId,
  actionId,
  actor: { role: taskId === "accept" || taskId === "finish" ? "caseworker" : "reviewer" },
  ...extra,
});
const before = [submit, act("accept", "accept", "2025-09-02"), act("review", "pass", "2025-09-03")];

describe("decision outcomes", () => {
  const atDecision = steps(decisionFlow, null, before).state;

  it("refuses the passing action without an outcome, with an unknown one, or one the action does not decide", () => {
    expect(expectRefused(decisionFlow, atDecision, act("recheck", "pass", "2025-09-04"), "OUTCOME_REQUIRED")).toBe("环节“复核”须选择决定结果（核定发放 / 不予核定）");
    expectRefused(decisionFlow, atDecision, act("recheck", "pass", "2025-09-04", { outcomeId: "other" }), "OUTCOME_NOT_ALLOWED");
    // An outcome at a step that offers none.
    const accepted = steps(decisionFlow, null, before.slice(0, 2)).state;
    expectRefused(decisionFlow, accepted, act("review", "pass", "2025-09-03", { outcomeId: "grant" }), "OUTCOME_NOT_ALLOWED");
  });

  it("requires the reason of an unfavourable outcome and the amount of one that fixes it", () => {
    expect(expectRefused(decisionFlow, atDecision, act("recheck", "pass", "2025-09-04", { outcomeId: "deny" }), "COMMENT_REQUIRED")).toBe("决定“不予核定”须说明理由");
    for (const amount of [undefined, "", "abc", "-5", "1.234", "01"]) {
      expectRefused(decisionFlow, atDecision, act("recheck", "pass", "2025-09-04", { outcomeId: "grant", amount }), "OUTCOME_REQUIRED");
    }
    expectRefused(decisionFlow, atDecision, act("recheck", "pass", "2025-09-04", { outcomeId: "deny", comment: "不符合条件", amount: "10" }), "OUTCOME_NOT_ALLOWED");
  });

  it("records the outcome on the case and in its history, issues its document, and replays", () => {
    const event = act("recheck", "pass", "2025-09-04", { outcomeId: "grant", amount: "12500.50", comment: "内部：已核对" });
    const { state, effects } = step(decisionFlow, atDecision, event);
    expect(state.decision).toMatchObject({ outcomeId: "grant", label: "核定发放", favourable: true, reason: null, amount: "12500.50", documentTitle: "待遇核定决定书" });
    expect(state.history.at(-1)).toMatchObject({ outcomeId: "grant", amount: "12500.50" });
    expect(effects).toContainEqual({ type: "issueDocument", document: "decision", title: "待遇核定决定书", outcomeId: "grant" });
    expect(effects.find((e) => e.type === "notify" && e.kind === "decided")).toBeDefined();
    // The case goes on to 办结 with its decision kept.
    const closed = step(decisionFlow, state, act("finish", "done", "2025-09-05")).state;
    expect(closed.outcome).toBe("completed");
    expect(closed.decision?.label).toBe("核定发放");
    const replayed = replayCase(decisionFlow, [...before, event, act("finish", "done", "2025-09-05")].map(recordedEvent), { forms: closed.forms, applicant: closed.applicant });
    expect(replayed.ok && replayed.state).toEqual(closed);
  });

  it("keeps the reason of an unfavourable outcome", () => {
    const { state } = step(decisionFlow, atDecision, act("recheck", "pass", "2025-09-04", { outcomeId: "deny", comment: "  缴费年限不足  " }));
    expect(state.decision).toMatchObject({ favourable: false, reason: "缴费年限不足", amount: null });
  });
});

import { describe, expect, it } from "vitest";
import type { Flow } from "../definition/schema";
import { expectRefused, on, step, steps } from "@/tests/support/engineSupport";
import { reviewFlow } from "@/tests/support/engineFlows";
import { barredActorOfTask } from "./separation";
import type { CaseEvent } from "./types";

/** reviewFlow with 审核 and 复核 to be done by someone other than the step before. */
const separated: Flow = {
  ...reviewFlow,
  nodes: reviewFlow.nodes.map((node) => (node.type === "task" && (node.id === "review" || node.id === "recheck") ? { ...node, separateFromPrevious: true } : node)),
};

const submit: CaseEvent = { type: "submit", at: on("2025-09-01"), forms: { application: { amount: 20000 } } };
const act = (taskId: string, actionId: string, id: string, day: string, extra: Partial<Extract<CaseEvent, { type: "act" }>> = {}): CaseEvent => ({
  type: "act",
  at: on(day),
  taskId,
  actionId,
  actor: { role: taskId.startsWith("accept") || taskId.startsWith("finish") ? "caseworker" : "reviewer", id },
  ...extra,
});

describe("separation of duties (不相容岗位分离)", () => {
  const accepted = steps(separated, null, [submit, act("accept", "accept", "u-wang", "2025-09-02")]).state;

  it("refuses the one who did 受理 on 审核, in Chinese, leaving the state as it was", () => {
    const message = expectRefused(separated, accepted, act("review", "pass", "u-wang", "2025-09-03"), "SEPARATION_OF_DUTIES");
    expect(message).toBe("环节“审核”须由与上一环节“受理”不同的工作人员办理：您已办理本件的上一环节，请由其他工作人员办理");
    expect(barredActorOfTask(separated, accepted, accepted.tasks[0].taskId)).toBe("u-wang");
  });

  it("lets another person do 审核, and then bars that person from 复核", () => {
    const reviewed = step(separated, accepted, act("review", "pass", "u-li", "2025-09-03")).state;
    expect(reviewed.tasks.map((task) => task.nodeId)).toEqual(["recheck"]);
    expectRefused(separated, reviewed, act("recheck", "pass", "u-li", "2025-09-04"), "SEPARATION_OF_DUTIES");
    // The one who did 受理 two steps back may do 复核: only consecutive steps are kept apart.
    expect(step(separated, reviewed, act("recheck", "pass", "u-wang", "2025-09-04")).state.tasks.map((task) => task.nodeId)).toEqual(["finish"]);
  });

  it("keeps the bar through a correction loop on the step itself", () => {
    const asked = step(separated, accepted, act("review", "askCorrection", "u-li", "2025-09-03", { correctionItems: ["户口簿"] })).state;
    const back = step(separated, asked, { type: "act", at: on("2025-09-04"), taskId: "fix", actionId: "resubmit", actor: { role: "applicant", id: "u-applicant" } }).state;
    expect(back.tasks.map((task) => task.nodeId)).toEqual(["review"]);
    expectRefused(separated, back, act("review", "pass", "u-wang", "2025-09-05"), "SEPARATION_OF_DUTIES");
    expect(step(separated, back, act("review", "pass", "u-li", "2025-09-05")).state.tasks.map((task) => task.nodeId)).toEqual(["recheck"]);
  });

  it("does not touch a flow without the flag, nor a step whose predecessor is the applicant", () => {
    const plain = steps(reviewFlow, null, [submit, act("accept", "accept", "u-wang", "2025-09-02")]).state;
    expect(step(reviewFlow, plain, act("review", "pass", "u-wang", "2025-09-03")).state.tasks.map((task) => task.nodeId)).toEqual(["recheck"]);
    expect(barredActorOfTask(reviewFlow, plain, plain.tasks[0].taskId)).toBeNull();
    const first = step(separated, null, submit).state;
    expect(barredActorOfTask(separated, first, first.tasks[0].taskId)).toBeNull();
  });

  it("cannot compare without the actor's id (events that name no user are not refused)", () => {
    const anonymous = act("review", "pass", "u-x", "2025-09-03", { actor: { role: "reviewer" } });
    expect(step(separated, accepted, anonymous).state.tasks.map((task) => task.nodeId)).toEqual(["recheck"]);
  });
});

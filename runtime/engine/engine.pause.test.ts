import { describe, expect, it } from "vitest";
import { effectsOf, expectRefused, on, step, steps } from "@/tests/support/engineSupport";
import { reviewFlow } from "@/tests/support/engineFlows";
import type { CaseEvent } from "./types";

const submitted: CaseEvent = { type: "submit", at: on("2025-09-01"), caseLimit: { days: 20, unit: "workday" } };
const accepted: CaseEvent = { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "accept", actor: { role: "caseworker" } };
const pauseReview: CaseEvent = { type: "pause", at: on("2025-09-03"), actor: { role: "reviewer" }, reason: "等待劳动能力鉴定结论" };

describe("pause (中止) and resume (恢复)", () => {
  it("is refused where the current step is not pausable", () => {
    const { state } = step(reviewFlow, null, submitted);
    const message = expectRefused(reviewFlow, state, { ...pauseReview, actor: { role: "caseworker" } }, "NOT_PAUSABLE");
    expect(message).toContain("受理");
  });

  it("needs a reason, and staff holding the current step", () => {
    const { state } = steps(reviewFlow, null, [submitted, accepted]);
    expectRefused(reviewFlow, state, { ...pauseReview, reason: " " }, "COMMENT_REQUIRED");
    expectRefused(reviewFlow, state, { ...pauseReview, actor: { role: "caseworker" } }, "ROLE_NOT_ALLOWED");
    expectRefused(reviewFlow, state, { ...pauseReview, actor: { role: "applicant" } }, "ROLE_NOT_ALLOWED");
  });

  it("stops every clock and blocks actions until resumed", () => {
    const paused = steps(reviewFlow, null, [submitted, accepted, pauseReview]);
    expect(paused.state).toMatchObject({ status: "paused", pause: { since: on("2025-09-03"), reason: "等待劳动能力鉴定结论" } });
    expect(paused.state.tasks[0].clock).toMatchObject({ stoppedSince: "2025-09-03", dueOn: null });
    expect(paused.effects).toEqual([
      { type: "setDeadline", scope: "task", taskId: "review#2", dueOn: null },
      {
        type: "notify",
        recipient: "applicant",
        kind: "paused",
        message: "您的办件已中止办理，理由：等待劳动能力鉴定结论",
        reason: "等待劳动能力鉴定结论",
      },
      { type: "setDeadline", scope: "case", dueOn: null },
    ]);
    expectRefused(reviewFlow, paused.state, { type: "act", at: on("2025-09-04"), taskId: "review", actionId: "pass", actor: { role: "reviewer" } }, "CASE_PAUSED");
    expectRefused(reviewFlow, paused.state, { ...pauseReview, at: on("2025-09-04") }, "ALREADY_PAUSED");
    // A timer tick while paused changes nothing, even long after the old deadline.
    const tick = step(reviewFlow, paused.state, { type: "timer", at: on("2025-12-01") });
    expect(tick.state).toBe(paused.state);
    expect(tick.effects).toEqual([]);
  });

  it("moves the step and case deadlines by the paused working days on resumption", () => {
    const paused = steps(reviewFlow, null, [submitted, accepted, pauseReview]);
    const resumed = step(reviewFlow, paused.state, { type: "resume", at: on("2025-09-12"), actor: { role: "reviewer" }, comment: "鉴定结论已送达" });
    expect(resumed.state).toMatchObject({ status: "running", pause: null });
    // 4–12 September: seven working days. 审核 16 → 25 September; the case 29 September →
    // 15 October (30 September, then 9, 10, the make-up 11th, 13, 14, 15 October).
    expect(resumed.state.tasks[0].clock).toMatchObject({ dueOn: "2025-09-25", pausedIntervals: [{ from: "2025-09-03", to: "2025-09-12" }] });
    expect(resumed.state.caseClock?.dueOn).toBe("2025-10-15");
    expect(effectsOf(resumed.effects, "setDeadline")).toEqual([
      { type: "setDeadline", scope: "task", taskId: "review#2", dueOn: "2025-09-25" },
      { type: "setDeadline", scope: "case", dueOn: "2025-10-15" },
    ]);
    expect(effectsOf(resumed.effects, "notify")).toEqual([{ type: "notify", recipient: "applicant", kind: "resumed", message: "您的办件已恢复办理。" }]);
    expect(resumed.state.history.at(-1)).toMatchObject({ event: "resume", comment: "鉴定结论已送达" });
  });

  it("refuses to resume a case that is not paused", () => {
    const { state } = steps(reviewFlow, null, [submitted, accepted]);
    expectRefused(reviewFlow, state, { type: "resume", at: on("2025-09-03"), actor: { role: "reviewer" } }, "NOT_PAUSED");
    const paused = step(reviewFlow, state, pauseReview).state;
    expectRefused(reviewFlow, paused, { type: "resume", at: on("2025-09-04"), actor: { role: "applicant" } }, "ROLE_NOT_ALLOWED");
  });
});

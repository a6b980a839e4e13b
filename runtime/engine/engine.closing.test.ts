import { describe, expect, it } from "vitest";
import { effectsOf, expectRefused, on, step, steps } from "@/tests/support/engineSupport";
import { reviewFlow } from "@/tests/support/engineFlows";
import type { CaseEvent } from "./types";
import { applyEvent } from "./applyEvent";
import { withdrawalAllowed } from "./withdrawal";

const submitted: CaseEvent = { type: "submit", at: on("2025-09-01"), forms: { application: { amount: 5000 } } };
const accepted: CaseEvent = { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "accept", actor: { role: "caseworker" } };

describe("refusal (不予受理)", () => {
  it("requires a reason", () => {
    const { state } = step(reviewFlow, null, submitted);
    const refuse: CaseEvent = { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "refuse", actor: { role: "caseworker" } };
    expect(expectRefused(reviewFlow, state, refuse, "COMMENT_REQUIRED")).toContain("不予受理");
    expectRefused(reviewFlow, state, { ...refuse, comment: "   " }, "COMMENT_REQUIRED");
  });

  it("closes the case with the reason and a 不予受理决定书", () => {
    const { state, effects } = steps(reviewFlow, null, [
      submitted,
      { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "refuse", actor: { role: "caseworker" }, comment: "不属于本机关职权范围" },
    ]);
    expect(state).toMatchObject({ status: "closed", outcome: "refused", outcomeReason: "不属于本机关职权范围", tasks: [] });
    expect(effects).toEqual([
      { type: "closeTask", taskId: "accept#1", nodeId: "accept", actionId: "refuse" },
      {
        type: "notify",
        recipient: "applicant",
        kind: "refused",
        message: "您的申请未予通过，理由：不属于本机关职权范围",
        reason: "不属于本机关职权范围",
      },
      { type: "issueDocument", document: "refusalDecision", title: "不予受理决定书", reason: "不属于本机关职权范围" },
    ]);
  });
});

describe("termination (终止办理)", () => {
  it("requires a reason even where the action does not say so, and closes with it", () => {
    const { state } = steps(reviewFlow, null, [submitted, accepted]);
    const stop: CaseEvent = { type: "act", at: on("2025-09-03"), taskId: "review", actionId: "stop", actor: { role: "reviewer" } };
    expectRefused(reviewFlow, state, stop, "COMMENT_REQUIRED");
    const stopped = step(reviewFlow, state, { ...stop, comment: "申请人死亡" });
    expect(stopped.state).toMatchObject({ status: "closed", outcome: "terminated", outcomeReason: "申请人死亡" });
    expect(effectsOf(stopped.effects, "issueDocument")).toEqual([
      { type: "issueDocument", document: "terminationNotice", title: "终止办理告知书", reason: "申请人死亡" },
    ]);
    expect(effectsOf(stopped.effects, "notify")[0]).toMatchObject({ kind: "terminated", reason: "申请人死亡" });
  });
});

describe("withdrawal (撤回)", () => {
  it("closes the case before it is accepted (受理), its open task with it, telling the office", () => {
    const { state } = step(reviewFlow, null, submitted);
    expect(withdrawalAllowed(state)).toBe(true);
    const withdrawn = step(reviewFlow, state, { type: "withdraw", at: on("2025-09-02"), actor: { role: "applicant" }, reason: "已在异地办理" });
    expect(withdrawn.state).toMatchObject({ status: "closed", outcome: "withdrawn", outcomeReason: "已在异地办理", tasks: [] });
    expect(withdrawn.effects).toEqual([
      { type: "closeTask", taskId: "accept#1", nodeId: "accept", actionId: null },
      { type: "notify", recipient: "caseworker", kind: "withdrawn", message: "申请人已撤回申请，理由：已在异地办理", reason: "已在异地办理" },
    ]);
    expect(withdrawn.state.history.at(-1)).toMatchObject({ event: "withdraw", comment: "已在异地办理", path: [] });
    expect(withdrawalAllowed(withdrawn.state)).toBe(false);
  });

  it("is allowed while the applicant corrects before acceptance (补正 asked at 受理), without a reason", () => {
    const correcting = steps(reviewFlow, null, [
      submitted,
      { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "askCorrection", actor: { role: "caseworker" }, correctionItems: ["户口簿"] },
    ]);
    expect(withdrawalAllowed(correcting.state)).toBe(true);
    const withdrawn = step(reviewFlow, correcting.state, { type: "withdraw", at: on("2025-09-03"), actor: { role: "applicant" } });
    expect(withdrawn.state).toMatchObject({ status: "closed", outcome: "withdrawn", outcomeReason: null, tasks: [] });
  });

  it("is refused once the case is accepted: while it is handled, paused, or corrected after acceptance", () => {
    const accepted_ = steps(reviewFlow, null, [submitted, accepted]);
    expect(withdrawalAllowed(accepted_.state)).toBe(false);
    const message = expectRefused(reviewFlow, accepted_.state, { type: "withdraw", at: on("2025-09-03"), actor: { role: "applicant" }, reason: "不办了" }, "WITHDRAW_NOT_ALLOWED");
    expect(message).toContain("已受理");
    const paused = steps(reviewFlow, accepted_.state, [{ type: "pause", at: on("2025-09-03"), actor: { role: "reviewer" }, reason: "等待司法鉴定结论" }]);
    expect(withdrawalAllowed(paused.state)).toBe(false);
    expectRefused(reviewFlow, paused.state, { type: "withdraw", at: on("2025-09-04"), actor: { role: "applicant" } }, "WITHDRAW_NOT_ALLOWED");
    const correcting = steps(reviewFlow, accepted_.state, [
      { type: "act", at: on("2025-09-03"), taskId: "review", actionId: "askCorrection", actor: { role: "reviewer" }, correctionItems: ["工资流水"] },
    ]);
    expect(correcting.state.status).toBe("waiting_applicant");
    expect(withdrawalAllowed(correcting.state)).toBe(false);
    expectRefused(reviewFlow, correcting.state, { type: "withdraw", at: on("2025-09-04"), actor: { role: "applicant" } }, "WITHDRAW_NOT_ALLOWED");
  });

  it("is refused after the case is decided and closed", () => {
    const { state } = steps(reviewFlow, null, [
      submitted,
      accepted,
      { type: "act", at: on("2025-09-03"), taskId: "review", actionId: "pass", actor: { role: "reviewer" } },
      { type: "act", at: on("2025-09-04"), taskId: "finish", actionId: "done", actor: { role: "caseworker" } },
    ]);
    expect(withdrawalAllowed(state)).toBe(false);
    expectRefused(reviewFlow, state, { type: "withdraw", at: on("2025-09-05"), actor: { role: "applicant" } }, "CASE_CLOSED");
  });

  it("is the applicant's alone, and only before the case closes", () => {
    const { state } = step(reviewFlow, null, submitted);
    expectRefused(reviewFlow, state, { type: "withdraw", at: on("2025-09-02"), actor: { role: "caseworker" } }, "ROLE_NOT_ALLOWED");
    const closed = step(reviewFlow, state, { type: "withdraw", at: on("2025-09-02"), actor: { role: "applicant" } }).state;
    expectRefused(reviewFlow, closed, { type: "withdraw", at: on("2025-09-03"), actor: { role: "applicant" } }, "CASE_CLOSED");
  });

  it("a withdrawal recorded after acceptance under the earlier rule still replays", () => {
    const { state } = steps(reviewFlow, null, [submitted, accepted]);
    const late: CaseEvent = { type: "withdraw", at: on("2025-09-03"), actor: { role: "applicant" } };
    expect(applyEvent(reviewFlow, state, late).ok).toBe(false);
    expect(step(reviewFlow, state, late, { replaying: true }).state).toMatchObject({ status: "closed", outcome: "withdrawn" });
  });
});

describe("a closed case", () => {
  it("refuses every further event", () => {
    const { state } = steps(reviewFlow, null, [
      submitted,
      accepted,
      { type: "act", at: on("2025-09-03"), taskId: "review", actionId: "pass", actor: { role: "reviewer" } },
      { type: "act", at: on("2025-09-04"), taskId: "finish", actionId: "done", actor: { role: "caseworker" } },
    ]);
    const later = on("2025-09-05");
    expectRefused(reviewFlow, state, { type: "act", at: later, taskId: "finish", actionId: "done", actor: { role: "caseworker" } }, "CASE_CLOSED");
    expectRefused(reviewFlow, state, { type: "timer", at: later }, "CASE_CLOSED");
    expectRefused(reviewFlow, state, { type: "pause", at: later, actor: { role: "reviewer" }, reason: "x" }, "CASE_CLOSED");
    expectRefused(reviewFlow, state, { type: "resume", at: later, actor: { role: "reviewer" } }, "CASE_CLOSED");
  });
});

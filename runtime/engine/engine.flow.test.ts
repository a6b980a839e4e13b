import { describe, expect, it } from "vitest";
import { applyEvent } from "./applyEvent";
import { effectsOf, expectRefused, on, step, steps } from "@/tests/support/engineSupport";
import { eligibilityFlow, reviewFlow } from "@/tests/support/engineFlows";
import type { CaseEvent } from "./types";
import { flow as flowSchema } from "../definition/schema";

const submitted: CaseEvent = {
  type: "submit",
  at: on("2025-09-01"),
  applicant: { name: "张三", age: 45 },
  forms: { application: { amount: 5000 } },
  caseLimit: { days: 20, unit: "workday" },
};

describe("submit", () => {
  it("starts the case at the start node and runs to the first task", () => {
    const { state, effects } = step(reviewFlow, null, submitted);
    expect(state.status).toBe("running");
    expect(state.tasks).toHaveLength(1);
    expect(state.tasks[0]).toMatchObject({ taskId: "accept#1", nodeId: "accept", role: "caseworker" });
    expect(state.tasks[0].clock).toMatchObject({ startedOn: "2025-09-01", dueOn: "2025-09-08" });
    expect(effects).toEqual([{ type: "openTask", taskId: "accept#1", nodeId: "accept", label: "受理", role: "caseworker", dueOn: "2025-09-08" }]);
    expect(state.forms).toEqual({ application: { amount: 5000 } });
    expect(state.history).toEqual([{ at: submitted.at, event: "submit", actor: { role: "applicant" }, path: ["start", "accept"] }]);
    expect(state.acceptedAt).toBeNull();
    expect(state.caseClock).toBeNull();
  });

  it("counts a step's limit over the National Day holiday and its make-up days", () => {
    const { effects } = step(reviewFlow, null, { ...submitted, at: on("2025-09-26") });
    // 28 September (make-up Sunday), 29, 30 September, 9 and 10 October.
    expect(effectsOf(effects, "openTask")[0].dueOn).toBe("2025-10-10");
  });

  it("is refused on a case already submitted, and other events before submission", () => {
    const { state } = step(reviewFlow, null, submitted);
    expectRefused(reviewFlow, state, { ...submitted, at: on("2025-09-02") }, "CASE_ALREADY_SUBMITTED");
    expectRefused(reviewFlow, null, { type: "timer", at: on("2025-09-02") }, "CASE_NOT_STARTED");
    expectRefused(reviewFlow, null, { ...submitted, caseLimit: { days: -1, unit: "workday" } }, "INVALID_EVENT");
    expectRefused(reviewFlow, null, { ...submitted, at: "yesterday" }, "INVALID_EVENT");
  });
});

describe("approve, gateways and complete", () => {
  it("accepts the case on the first approval: 受理回执, case clock, next task", () => {
    const { state } = step(reviewFlow, null, submitted);
    const accepted = step(reviewFlow, state, {
      type: "act",
      at: on("2025-09-02"),
      taskId: "accept#1",
      actionId: "accept",
      actor: { role: "caseworker", id: "u-1" },
      forms: { intake: { checkedBy: "李四" } },
    });
    expect(accepted.state.acceptedAt).toBe(on("2025-09-02"));
    expect(accepted.state.forms.intake).toEqual({ checkedBy: "李四" });
    expect(accepted.state.caseClock).toMatchObject({ startedOn: "2025-09-02", dueOn: "2025-09-29" });
    expect(accepted.effects).toEqual([
      { type: "closeTask", taskId: "accept#1", nodeId: "accept", actionId: "accept" },
      { type: "notify", recipient: "applicant", kind: "accepted", message: "您的申请已受理。" },
      { type: "issueDocument", document: "acceptanceReceipt", title: "受理回执" },
      { type: "openTask", taskId: "review#2", nodeId: "review", label: "审核", role: "reviewer", dueOn: "2025-09-16" },
      { type: "setDeadline", scope: "case", dueOn: "2025-09-29" },
    ]);
  });

  it("takes the gateway's default edge when no condition holds, and completes", () => {
    const { state, effects } = steps(reviewFlow, null, [
      submitted,
      { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "accept", actor: { role: "caseworker" } },
      { type: "act", at: on("2025-09-03"), taskId: "review", actionId: "pass", actor: { role: "reviewer" } },
    ]);
    expect(state.tasks.map((task) => task.nodeId)).toEqual(["finish"]);
    expect(state.history.at(-1)?.path).toEqual(["amountCheck", "finish"]);
    expect(effectsOf(effects, "openTask")[0]).toMatchObject({ nodeId: "finish", dueOn: "2025-09-05" });

    const done = step(reviewFlow, state, { type: "act", at: on("2025-09-04"), taskId: "finish", actionId: "done", actor: { role: "caseworker" } });
    expect(done.state).toMatchObject({ status: "closed", outcome: "completed", outcomeReason: null, closedAt: on("2025-09-04"), tasks: [] });
    expect(done.effects).toEqual([
      { type: "closeTask", taskId: "finish#3", nodeId: "finish", actionId: "done" },
      { type: "notify", recipient: "applicant", kind: "completed", message: "您的办件已办结。" },
      { type: "issueDocument", document: "completionNotice", title: "办结通知书" },
    ]);
    expect(done.state.history.map((entry) => entry.actionKind ?? entry.event)).toEqual(["submit", "approve", "approve", "complete"]);
  });

  it("takes the edge whose JSON Logic condition holds over the forms", () => {
    const { state } = steps(reviewFlow, null, [
      { ...submitted, forms: { application: { amount: 20000 } } },
      { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "accept", actor: { role: "caseworker" } },
      { type: "act", at: on("2025-09-03"), taskId: "review", actionId: "pass", actor: { role: "reviewer" } },
    ]);
    expect(state.tasks.map((task) => task.nodeId)).toEqual(["recheck"]);
    // A 复核 rejection (kind reject) that does not end the case: back to 审核.
    const back = step(reviewFlow, state, {
      type: "act",
      at: on("2025-09-04"),
      taskId: "recheck",
      actionId: "sendBack",
      actor: { role: "reviewer" },
      comment: "核定金额有误",
    });
    expect(back.state.status).toBe("running");
    expect(back.state.tasks.map((task) => task.nodeId)).toEqual(["review"]);
    expect(back.state.history.at(-1)).toMatchObject({ actionKind: "reject", comment: "核定金额有误", path: ["review"] });
  });

  it("evaluates conditions over the applicant too, and closes at an end reached through a gateway", () => {
    const granted = step(eligibilityFlow, null, { type: "submit", at: on("2025-09-01"), applicant: { age: 61 } });
    expect(granted.state.tasks.map((task) => task.nodeId)).toEqual(["grant"]);

    const refused = step(eligibilityFlow, null, { type: "submit", at: on("2025-09-01"), applicant: { age: 50 } });
    expect(refused.state).toMatchObject({ status: "closed", outcome: "refused", outcomeReason: "未达到领取年龄" });
    expect(effectsOf(refused.effects, "issueDocument")).toEqual([
      { type: "issueDocument", document: "refusalDecision", title: "不予受理决定书", reason: "未达到领取年龄" },
    ]);
  });

  it("refuses when no gateway edge applies and there is no default", () => {
    const unknownAge = { type: "submit", at: on("2025-09-01"), applicant: { age: "不详" } } as const;
    const message = expectRefused(eligibilityFlow, null, unknownAge, "NO_PATH");
    expect(message).toContain("是否符合条件");
  });

  it("refuses a condition json-logic-js cannot evaluate", () => {
    const broken = {
      ...eligibilityFlow,
      edges: eligibilityFlow.edges.map((edge) => (edge.id === "g1" ? { ...edge, condition: { eval: ["1"] } } : edge)),
    };
    expectRefused(broken, null, { type: "submit", at: on("2025-09-01"), applicant: { age: 61 } }, "CONDITION_INVALID");
  });

  it("rebuilds the same state by replaying the events", () => {
    const events: CaseEvent[] = [
      submitted,
      { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "accept", actor: { role: "caseworker" } },
      { type: "act", at: on("2025-09-03"), taskId: "review", actionId: "pass", actor: { role: "reviewer" } },
    ];
    const first = steps(reviewFlow, null, events).state;
    const replayed = events.reduce((state, event) => {
      const result = applyEvent(reviewFlow, state, event);
      return result.ok ? result.state : state;
    }, null as typeof first | null);
    expect(replayed).toEqual(first);
  });
});

describe("a flow that starts with the applicant's own 申请 step", () => {
  const filingFlow = flowSchema.parse({
    nodes: [
      { id: "start", type: "start", label: "开始" },
      {
        id: "apply",
        type: "task",
        label: "申请",
        role: "applicant",
        actions: [
          { id: "byPost", label: "邮寄申请", kind: "submit" },
          { id: "online", label: "网上申请", kind: "submit" },
        ],
      },
      { id: "intake", type: "task", label: "受理", role: "caseworker", actions: [{ id: "ok", label: "受理", kind: "approve" }] },
      { id: "postIntake", type: "task", label: "邮件受理", role: "caseworker", actions: [{ id: "ok", label: "受理", kind: "approve" }] },
      { id: "done", type: "end", label: "办结", outcome: "completed" },
    ],
    edges: [
      { id: "e0", from: "start", to: "apply" },
      { id: "e1", from: "apply", to: "postIntake", action: "byPost" },
      { id: "e2", from: "apply", to: "intake", action: "online" },
      { id: "e3", from: "intake", to: "done", action: "ok" },
      { id: "e4", from: "postIntake", to: "done", action: "ok" },
    ],
  });
  const at = "2026-11-23T02:00:00.000Z";

  it("completes the filing step on submission with the first submit action", () => {
    const result = applyEvent(filingFlow, null, { type: "submit", at });
    expect(result.ok && result.state.tasks.map((t) => t.nodeId)).toEqual(["postIntake"]);
    expect(result.ok && result.state.status).toBe("running");
  });

  it("takes the procedure the submission names, and refuses an unknown one", () => {
    const chosen = applyEvent(filingFlow, null, { type: "submit", at, submitAction: "online" });
    expect(chosen.ok && chosen.state.tasks.map((t) => t.nodeId)).toEqual(["intake"]);
    const unknown = applyEvent(filingFlow, null, { type: "submit", at, submitAction: "fax" });
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.error.code).toBe("ACTION_NOT_ALLOWED");
  });
});

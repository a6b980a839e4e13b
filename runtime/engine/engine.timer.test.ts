import { describe, expect, it } from "vitest";
import { effectsOf, on, step, steps } from "@/tests/support/engineSupport";
import { noticeFlow, reviewFlow } from "@/tests/support/engineFlows";
import type { CaseEvent } from "./types";

const noticeOpened: CaseEvent[] = [
  { type: "submit", at: on("2025-09-01"), caseLimit: { days: 10, unit: "workday" } },
  { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "accept", actor: { role: "caseworker" } },
];

describe("public notice (公示)", () => {
  it("opens with its period as deadline, the case clock standing still meanwhile", () => {
    const { state, effects } = steps(noticeFlow, null, noticeOpened);
    expect(state.tasks[0]).toMatchObject({ nodeId: "notice", clock: { dueOn: "2025-09-09" } });
    expect(state.caseClock).toMatchObject({ stoppedSince: "2025-09-02", dueOn: null });
    expect(effectsOf(effects, "setDeadline")).toEqual([{ type: "setDeadline", scope: "case", dueOn: null }]);
  });

  it("completes by itself once its period has ended, and not before", () => {
    const opened = steps(noticeFlow, null, noticeOpened);
    const lastDay = step(noticeFlow, opened.state, { type: "timer", at: on("2025-09-09", 600) });
    expect(lastDay.state).toBe(opened.state);
    expect(lastDay.effects).toEqual([]);

    const ended = step(noticeFlow, opened.state, { type: "timer", at: on("2025-09-10") });
    expect(ended.state.tasks.map((task) => task.nodeId)).toEqual(["finish"]);
    expect(ended.effects).toEqual([
      { type: "closeTask", taskId: "notice#2", nodeId: "notice", actionId: "noticeEnded" },
      { type: "openTask", taskId: "finish#3", nodeId: "finish", label: "办结", role: "caseworker", dueOn: null },
      // 10 working days from 2 September, less the notice (3–10 September, six working days).
      { type: "setDeadline", scope: "case", dueOn: "2025-09-24" },
    ]);
    expect(ended.state.history.at(-1)).toMatchObject({ event: "timer", actor: null, nodeId: "notice", actionKind: "complete", path: ["finish"] });
  });

  it("can still be ended by staff, e.g. on an objection, with a 不予办理决定书 after acceptance", () => {
    const opened = steps(noticeFlow, null, noticeOpened);
    const objected = step(noticeFlow, opened.state, {
      type: "act",
      at: on("2025-09-04"),
      taskId: "notice",
      actionId: "objection",
      actor: { role: "caseworker" },
      comment: "公示期间收到实名举报，经核查属实",
    });
    expect(objected.state.outcome).toBe("refused");
    expect(effectsOf(objected.effects, "issueDocument")[0]).toMatchObject({ document: "refusalDecision", title: "不予办理决定书" });
  });
});

describe("overdue", () => {
  it("reports a task past its deadline once", () => {
    const { state } = step(reviewFlow, null, { type: "submit", at: on("2025-09-01") });
    const onTime = step(reviewFlow, state, { type: "timer", at: on("2025-09-08", 600) });
    expect(onTime.state).toBe(state);

    const late = step(reviewFlow, state, { type: "timer", at: on("2025-09-09") });
    expect(late.effects).toEqual([{ type: "overdue", scope: "task", taskId: "accept#1", nodeId: "accept", dueOn: "2025-09-08" }]);
    expect(late.state.tasks[0].clock.overdueReported).toBe(true);
    expect(late.state.history).toEqual(state.history);

    const again = step(reviewFlow, late.state, { type: "timer", at: on("2025-09-10") });
    expect(again.state).toBe(late.state);
    expect(again.effects).toEqual([]);
  });

  it("reports the case past its limit", () => {
    const { state } = steps(reviewFlow, null, [
      { type: "submit", at: on("2025-09-01"), caseLimit: { days: 1, unit: "workday" } },
      { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "accept", actor: { role: "caseworker" } },
    ]);
    const late = step(reviewFlow, state, { type: "timer", at: on("2025-09-04") });
    expect(late.effects).toEqual([{ type: "overdue", scope: "case", dueOn: "2025-09-03" }]);
    expect(late.state.caseClock?.overdueReported).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { on, step, steps } from "@/tests/support/engineSupport";
import { noticeFlow, reviewFlow } from "@/tests/support/engineFlows";
import { nextTimerDate } from "./nextTimer";
import type { CaseEvent } from "./types";

const noticeOpened: CaseEvent[] = [
  { type: "submit", at: on("2025-09-01"), caseLimit: { days: 10, unit: "workday" } },
  { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "accept", actor: { role: "caseworker" } },
];

describe("the date a case next needs the scheduler", () => {
  it("is a step's deadline until its lateness is reported, then nothing until something new is due", () => {
    const { state } = step(reviewFlow, null, { type: "submit", at: on("2025-09-01") });
    expect(nextTimerDate(reviewFlow, state)).toBe("2025-09-08");
    const late = step(reviewFlow, state, { type: "timer", at: on("2025-09-09") });
    expect(late.state.tasks[0].clock.overdueReported).toBe(true);
    // Reported once: the case no longer needs the scheduler for that step.
    expect(nextTimerDate(reviewFlow, late.state)).toBeNull();
  });

  it("is a public notice's last day, whatever was reported, so the notice ends by itself", () => {
    const opened = steps(noticeFlow, null, noticeOpened);
    expect(nextTimerDate(noticeFlow, opened.state)).toBe("2025-09-09");
    const ended = step(noticeFlow, opened.state, { type: "timer", at: on("2025-09-10") });
    expect(ended.state.tasks.map((t) => t.nodeId)).toEqual(["finish"]);
    // The finishing step has no deadline of its own; the case limit runs again.
    expect(nextTimerDate(noticeFlow, ended.state)).toBe("2025-09-24");
  });

  it("is nothing for a case not yet filed, a paused case or a closed one", () => {
    expect(nextTimerDate(reviewFlow, null)).toBeNull();
    const { state } = step(reviewFlow, null, { type: "submit", at: on("2025-09-01") });
    const accepted = step(reviewFlow, state, { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "accept", actor: { role: "caseworker" } });
    expect(nextTimerDate(reviewFlow, accepted.state)).not.toBeNull();
    const paused = step(reviewFlow, accepted.state, { type: "pause", at: on("2025-09-03"), actor: { role: "reviewer" }, reason: "等待劳动能力鉴定结论" });
    expect(paused.state.pause).not.toBeNull();
    expect(nextTimerDate(reviewFlow, paused.state)).toBeNull();
    const withdrawn = step(reviewFlow, state, { type: "withdraw", at: on("2025-09-02"), actor: { role: "applicant" } });
    expect(withdrawn.state.status).toBe("closed");
    expect(nextTimerDate(reviewFlow, withdrawn.state)).toBeNull();
  });
});

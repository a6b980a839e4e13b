import { describe, expect, it } from "vitest";
import { effectsOf, expectRefused, on, step, steps } from "@/tests/support/engineSupport";
import { reviewFlow } from "@/tests/support/engineFlows";
import type { CaseEvent } from "./types";

const submitted: CaseEvent = {
  type: "submit",
  at: on("2025-09-01"),
  forms: { application: { amount: 5000 } },
  caseLimit: { days: 20, unit: "workday" },
};
const items = ["身份证复印件", "近三个月工资流水"];
const askAtIntake: CaseEvent = {
  type: "act",
  at: on("2025-09-02"),
  taskId: "accept",
  actionId: "askCorrection",
  actor: { role: "caseworker" },
  correctionItems: items,
};

describe("the one-time correction request (一次性告知)", () => {
  it("requires the list of every item to correct", () => {
    const { state } = step(reviewFlow, null, submitted);
    const { correctionItems: _omitted, ...withoutList } = askAtIntake as Extract<CaseEvent, { type: "act" }>;
    expect(expectRefused(reviewFlow, state, withoutList, "CORRECTION_LIST_REQUIRED")).toContain("一次性告知");
    expectRefused(reviewFlow, state, { ...askAtIntake, correctionItems: [] }, "CORRECTION_LIST_REQUIRED");
    expectRefused(reviewFlow, state, { ...askAtIntake, correctionItems: ["身份证复印件", "  "] }, "CORRECTION_LIST_REQUIRED");
  });

  it("sends the case to the applicant's 补正 task with the list, stopping the asking step's clock", () => {
    const asked = steps(reviewFlow, null, [submitted, askAtIntake]);
    expect(asked.state.status).toBe("waiting_applicant");
    const [task] = asked.state.tasks;
    expect(task).toMatchObject({ taskId: "fix#2", nodeId: "fix", role: "applicant" });
    expect(task.correction).toMatchObject({ items, askedBy: { taskId: "accept#1", nodeId: "accept" } });
    expect(task.correction?.askedBy.clock).toMatchObject({ stoppedSince: "2025-09-02", dueOn: null });
    expect(asked.effects).toEqual([
      { type: "closeTask", taskId: "accept#1", nodeId: "accept", actionId: "askCorrection" },
      {
        type: "notify",
        recipient: "applicant",
        kind: "correctionRequested",
        message: "您的申请材料需要补正，请一次性补齐以下内容后重新提交：\n1. 身份证复印件\n2. 近三个月工资流水",
        correctionItems: items,
      },
      { type: "issueDocument", document: "correctionNotice", title: "补正材料通知书（一次性告知书）" },
      // The applicant has 30 days; the 30th (2 October) falls in the holiday, so 9 October.
      { type: "openTask", taskId: "fix#2", nodeId: "fix", label: "补正", role: "applicant", dueOn: "2025-10-09" },
    ]);
    expect(asked.state.history.at(-1)).toMatchObject({ actionKind: "correction", correctionItems: items, path: ["fix"] });
  });

  it("returns to the step that asked when the applicant submits, its deadline moved by the days spent correcting", () => {
    const asked = steps(reviewFlow, null, [submitted, askAtIntake]);
    expectRefused(reviewFlow, asked.state, { type: "act", at: on("2025-09-05"), taskId: "fix", actionId: "resubmit", actor: { role: "caseworker" } }, "ROLE_NOT_ALLOWED");
    expectRefused(
      reviewFlow,
      asked.state,
      { type: "act", at: on("2025-09-05"), taskId: "fix", actionId: "resubmit", actor: { role: "applicant" }, forms: { intake: { x: 1 } } },
      "FORM_NOT_EDITABLE",
    );
    const back = step(reviewFlow, asked.state, {
      type: "act",
      at: on("2025-09-05"),
      taskId: "fix#2",
      actionId: "resubmit",
      actor: { role: "applicant" },
      forms: { application: { idCopy: "已上传" } },
    });
    expect(back.state.status).toBe("running");
    expect(back.state.forms.application).toEqual({ amount: 5000, idCopy: "已上传" });
    // Due 8 September at first; 3, 4 and 5 September were spent correcting: 11 September.
    expect(back.state.tasks[0].clock).toMatchObject({
      startedOn: "2025-09-01",
      pausedIntervals: [{ from: "2025-09-02", to: "2025-09-05" }],
      stoppedSince: null,
      dueOn: "2025-09-11",
    });
    expect(back.effects).toEqual([
      { type: "closeTask", taskId: "fix#2", nodeId: "fix", actionId: "resubmit" },
      { type: "openTask", taskId: "accept#3", nodeId: "accept", label: "受理", role: "caseworker", dueOn: "2025-09-11" },
      { type: "notify", recipient: "caseworker", kind: "correctionSubmitted", message: "申请人已提交补正材料，办件回到原环节继续办理。" },
    ]);
    expect(back.state.history.at(-1)).toMatchObject({ actor: { role: "applicant" }, actionKind: "submit", path: ["accept"] });
  });

  it("stops the case clock while the applicant corrects after acceptance, and moves its deadline", () => {
    const asked = steps(reviewFlow, null, [
      submitted,
      { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "accept", actor: { role: "caseworker" } },
      { type: "act", at: on("2025-09-03"), taskId: "review", actionId: "askCorrection", actor: { role: "reviewer" }, correctionItems: ["劳动合同"] },
    ]);
    expect(asked.state.caseClock).toMatchObject({ dueOn: null, stoppedSince: "2025-09-03" });
    expect(effectsOf(asked.effects, "setDeadline")).toEqual([{ type: "setDeadline", scope: "case", dueOn: null }]);

    const back = step(reviewFlow, asked.state, { type: "act", at: on("2025-09-10"), taskId: "fix", actionId: "resubmit", actor: { role: "applicant" } });
    // Five working days (4, 5, 8, 9, 10 September) moved both deadlines.
    expect(back.state.tasks[0]).toMatchObject({ nodeId: "review", clock: { dueOn: "2025-09-23" } });
    expect(back.state.caseClock).toMatchObject({ dueOn: "2025-10-13", pausedIntervals: [{ from: "2025-09-03", to: "2025-09-10" }] });
    expect(effectsOf(back.effects, "setDeadline")).toEqual([{ type: "setDeadline", scope: "case", dueOn: "2025-10-13" }]);
  });
});

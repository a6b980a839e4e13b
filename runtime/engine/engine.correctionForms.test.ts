import { describe, expect, it } from "vitest";
import { expectRefused, on, step, steps } from "@/tests/support/engineSupport";
import { reviewFlow } from "@/tests/support/engineFlows";
import { correctionEditableForms } from "./correctionForms";
import type { CaseEvent } from "./types";
import type { TaskNode } from "../definition/schema";

const fix = reviewFlow.nodes.find((n): n is TaskNode => n.id === "fix" && n.type === "task")!;

const submitted: CaseEvent = { type: "submit", at: on("2025-09-01"), forms: { application: { amount: 5000 }, employer: { name: "甲公司" } } };
const ask = (extra: Partial<Extract<CaseEvent, { type: "act" }>> = {}): CaseEvent => ({
  type: "act",
  at: on("2025-09-02"),
  taskId: "accept",
  actionId: "askCorrection",
  actor: { role: "caseworker" },
  correctionItems: ["请修改完善：用人单位信息"],
  ...extra,
});
const resubmit = (forms: Record<string, Record<string, unknown>>): CaseEvent => ({
  type: "act",
  at: on("2025-09-04"),
  taskId: "fix#2",
  actionId: "resubmit",
  actor: { role: "applicant" },
  forms,
});

describe("forms named in the one-time correction request (一次性告知)", () => {
  it("opens the named forms to the applicant's 补正, besides those the 补正 step opens", () => {
    const asked = steps(reviewFlow, null, [submitted, ask({ correctionForms: ["employer"] })]);
    const [task] = asked.state.tasks;
    expect(task.correction).toMatchObject({ items: ["请修改完善：用人单位信息"], forms: ["employer"] });
    expect(asked.state.history.at(-1)).toMatchObject({ actionKind: "correction", correctionForms: ["employer"] });
    expect(correctionEditableForms(fix, task)).toEqual(["application", "employer"]);

    const back = step(reviewFlow, asked.state, resubmit({ employer: { name: "乙公司" } }));
    expect(back.state.forms.employer).toEqual({ name: "乙公司" });
    expect(back.state.tasks[0]).toMatchObject({ nodeId: "accept" });
  });

  it("keeps every other form closed: not named, not opened by the step", () => {
    const plain = steps(reviewFlow, null, [submitted, ask()]);
    expect(plain.state.tasks[0].correction).not.toHaveProperty("forms");
    expect(correctionEditableForms(fix, plain.state.tasks[0])).toEqual(["application"]);
    expectRefused(reviewFlow, plain.state, resubmit({ employer: { name: "乙公司" } }), "FORM_NOT_EDITABLE");
    const named = steps(reviewFlow, null, [submitted, ask({ correctionForms: ["employer"] })]);
    expectRefused(reviewFlow, named.state, resubmit({ intake: { note: "x" } }), "FORM_NOT_EDITABLE");
  });

  it("names forms only on a correction request, and only by id", () => {
    const { state } = step(reviewFlow, null, submitted);
    expectRefused(reviewFlow, state, { type: "act", at: on("2025-09-02"), taskId: "accept", actionId: "accept", actor: { role: "caseworker" }, correctionForms: ["employer"] }, "INVALID_EVENT");
    expectRefused(reviewFlow, state, ask({ correctionForms: ["  "] }), "INVALID_EVENT");
    const deduplicated = step(reviewFlow, state, ask({ correctionForms: ["employer", "employer"] }));
    expect(deduplicated.state.tasks[0].correction?.forms).toEqual(["employer"]);
  });
});

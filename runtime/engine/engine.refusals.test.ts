import { describe, expect, it } from "vitest";
import { flow } from "../definition/schema";
import { expectRefused, on, step } from "@/tests/support/engineSupport";
import { reviewFlow } from "@/tests/support/engineFlows";
import type { CaseEvent } from "./types";

const { state: started } = step(reviewFlow, null, { type: "submit", at: on("2025-09-01"), forms: { application: { amount: 1 } } });
const accept = (change: Partial<Extract<CaseEvent, { type: "act" }>>): CaseEvent => ({
  type: "act",
  at: on("2025-09-02"),
  taskId: "accept",
  actionId: "accept",
  actor: { role: "caseworker" },
  ...change,
});

describe("refused events leave the state untouched", () => {
  it.each([
    ["a task that is not active", accept({ taskId: "review" }), "TASK_NOT_ACTIVE"],
    ["a task id that does not exist", accept({ taskId: "accept#9" }), "TASK_NOT_ACTIVE"],
    ["the wrong role", accept({ actor: { role: "reviewer" } }), "ROLE_NOT_ALLOWED"],
    ["an action the step does not have", accept({ actionId: "pass" }), "ACTION_NOT_ALLOWED"],
    ["a form the step may only view", accept({ forms: { application: { amount: 2 } } }), "FORM_NOT_EDITABLE"],
    ["form data that is not an object", accept({ forms: { intake: [] as unknown as Record<string, unknown> } }), "INVALID_EVENT"],
    ["an event dated before the last one", accept({ at: on("2025-08-31") }), "INVALID_EVENT"],
    ["an unknown event type", { type: "approveAll", at: on("2025-09-02") } as unknown as CaseEvent, "INVALID_EVENT"],
  ] as const)("%s", (_name, event, code) => {
    expectRefused(reviewFlow, started, event, code);
  });

  it("names the step and the role in the message", () => {
    expect(expectRefused(reviewFlow, started, accept({ actor: { role: "reviewer" } }), "ROLE_NOT_ALLOWED")).toBe(
      "环节“受理”应由经办人员办理，复核人员不能操作",
    );
  });

  it("refuses an action whose edge is missing", () => {
    const withoutEdge = { ...reviewFlow, edges: reviewFlow.edges.filter((edge) => edge.id !== "e-accept") };
    expectRefused(withoutEdge, started, accept({}), "NO_PATH");
  });

  it("refuses a flow it cannot start, or a correction that does not lead to the applicant", () => {
    const noStart = { ...reviewFlow, nodes: reviewFlow.nodes.filter((node) => node.type !== "start") };
    expectRefused(noStart, null, { type: "submit", at: on("2025-09-01") }, "FLOW_INVALID");
    const wrongTarget = {
      ...reviewFlow,
      edges: reviewFlow.edges.map((edge) => (edge.id === "e-accept-fix" ? { ...edge, to: "review" } : edge)),
    };
    expectRefused(wrongTarget, started, accept({ actionId: "askCorrection", correctionItems: ["户口簿"] }), "FLOW_INVALID");
  });

  it("refuses a gateway loop that never reaches a task", () => {
    const loop = flow.parse({
      nodes: [
        { id: "s", type: "start", label: "申请" },
        { id: "a", type: "gateway", label: "甲" },
        { id: "b", type: "gateway", label: "乙" },
        { id: "e", type: "end", label: "办结", outcome: "completed" },
      ],
      edges: [
        { id: "1", from: "s", to: "a" },
        { id: "2", from: "a", to: "b", isDefault: true },
        { id: "3", from: "b", to: "a", isDefault: true },
      ],
    });
    expectRefused(loop, null, { type: "submit", at: on("2025-09-01") }, "FLOW_INVALID");
  });
});

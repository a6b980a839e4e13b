import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition, type TaskNode } from "./schema";
import { adviseDefinition } from "./advice";

const template = () => serviceDefinition.parse(structuredClone(example));

describe("advice (shown, never blocking)", () => {
  it("the contract example gets none", () => {
    expect(adviseDefinition(template())).toEqual([]);
  });

  it("names a step given longer than the whole case is promised (found by QA: a banner promised 1 working day, its step had 2)", () => {
    const def = template(); // promises 3 working days online
    const review = def.flow.nodes.find((n) => n.id === "review") as TaskNode;
    review.sla = { days: 5, unit: "workday" };
    expect(adviseDefinition(def)).toEqual([
      {
        code: "STEP_LONGER_THAN_PROMISE",
        area: "flow",
        nodeId: "review",
        message: "环节“审核”的办理时限 5个工作日 长于承诺办结时限 3个工作日：本环节用满时限就不能按承诺办结，请缩短环节时限或核对承诺时限",
      },
    ]);
    review.sla = { days: 3, unit: "workday" };
    expect(adviseDefinition(def)).toEqual([]);
  });
});

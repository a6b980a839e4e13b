import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition, type FlowNode } from "@/runtime/definition/schema";
import { nodeChoiceLabels } from "./nodeChoices";

const nodes = (): FlowNode[] => serviceDefinition.parse(structuredClone(example)).flow.nodes;

describe("names of steps in the designer's lists", () => {
  it("a step and an end that share a label are told apart by their type; unique labels stay as they are", () => {
    const list = nodes();
    const done = list.find((n) => n.id === "done")!;
    list.push({ ...list.find((n) => n.id === "review")!, id: "complete", label: done.label });
    const labels = nodeChoiceLabels(list);
    expect(labels.get("done")).toBe("办结（结束）");
    expect(labels.get("complete")).toBe("办结（办理步骤）");
    expect(labels.get("review")).toBe("审核");
    expect(new Set(labels.values()).size).toBe(list.length);
  });

  it("two of the same type with one label are told apart by their ids", () => {
    const list = nodes();
    list.push({ ...list.find((n) => n.id === "review")!, id: "review2" });
    const labels = nodeChoiceLabels(list);
    expect(labels.get("review")).toBe("审核（办理步骤，review）");
    expect(labels.get("review2")).toBe("审核（办理步骤，review2）");
  });

  it("with ids (添加连线到): every entry shows its id", () => {
    const labels = nodeChoiceLabels(nodes(), { withId: true });
    expect(labels.get("done")).toBe("办结（done）");
    expect(labels.get("refused")).toBe("不予受理（refused）");
  });
});

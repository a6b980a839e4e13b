import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { itemStates, itemValueWords } from "./index";

const parent = (): ServiceDefinition => serviceDefinition.parse(structuredClone(example));

/** 土默特左旗's variant: a step of its own between 受理 and the gateway, reached by 受理's 受理. */
function withLocalStep(): ServiceDefinition {
  const v = parent();
  v.flow.nodes.push({
    id: "step_150121_2",
    type: "task",
    label: "村（嘎查）核实",
    role: "caseworker",
    actions: [{ id: "verified", label: "核实无误", kind: "approve", requiresComment: false }],
    forms: [],
    sla: { days: 3, unit: "workday" },
    pausable: false,
    separateFromPrevious: false,
    clockStops: false,
    publicNotice: false,
    checkpoints: [],
    position: { x: 0, y: 0 },
  });
  v.flow.edges.find((e) => e.id === "e2")!.to = "step_150121_2";
  v.flow.edges.push({ id: "e_150121_1", from: "step_150121_2", to: "route", action: "verified" });
  return v;
}

describe("an item's value in words", () => {
  it("names an edge's steps and action by their labels, from either side of the comparison", () => {
    const p = parent();
    const v = withLocalStep();
    const states = new Map(itemStates(p, v).map((s) => [s.key, s]));
    const e2 = states.get("edge/e2")!;
    expect(e2.state).toBe("overridden");
    expect(itemValueWords(e2.key, e2.parentValue, p, v)).toBe("受理 → 是否需要复核（操作：受理）");
    expect(itemValueWords(e2.key, e2.localValue, v, p)).toBe("受理 → 村（嘎查）核实（操作：受理）");
    const added = states.get("edge/e_150121_1")!;
    expect(itemValueWords(added.key, added.localValue, v, p)).toBe("村（嘎查）核实 → 是否需要复核（操作：核实无误）");
    // A step the local version removed is still named from the parent.
    const removedStep = structuredClone(v);
    removedStep.flow.nodes = removedStep.flow.nodes.filter((n) => n.id !== "correction");
    expect(itemValueWords("edge/e3", p.flow.edges.find((e) => e.id === "e3"), removedStep, p)).toBe("受理 → 补正材料（操作：一次性告知补正）");
    // The edge's own name and its default exit are kept.
    expect(itemValueWords("edge/e7", p.flow.edges.find((e) => e.id === "e7"), p)).toBe("是否需要复核 → 办结（其他情形直接办结，默认出口）");
  });

  it("names a step by its label, with its limit", () => {
    const v = withLocalStep();
    expect(itemValueWords("node/step_150121_2", v.flow.nodes.at(-1), v)).toBe("村（嘎查）核实，时限 3个工作日");
  });

  it("falls back to the id only where no definition knows it", () => {
    expect(itemValueWords("edge/x", { id: "x", from: "a", to: "b", action: "go" })).toBe("a → b（操作：go）");
  });

  it("puts guide fields and materials in words", () => {
    const p = parent();
    expect(itemValueWords("guide.promisedLimit", p.guide.promisedLimit)).toBe("线上 3 个工作日；线下即时办结");
    expect(itemValueWords("material/m1", p.materials[0])).toMatch(/^居民身份证，必要/);
    expect(itemValueWords("guide.officeAddress", null)).toBe("（空）");
  });

  it("keeps the wording of a limit the administrator wrote, with its length when the wording does not give it", () => {
    const limit = (text: string, days: number) => [{ text, days, unit: "workday" as const }];
    expect(itemValueWords("guide.promisedLimit", limit("3个工作日", 3))).toBe("3个工作日");
    expect(itemValueWords("guide.promisedLimit", limit("3 个工作日", 3))).toBe("3个工作日");
    expect(itemValueWords("guide.promisedLimit", limit("3个工作日（自受理之日起）", 3))).toBe("3个工作日（自受理之日起）");
    expect(itemValueWords("guide.promisedLimit", limit("自受理之日起三日内", 3))).toBe("自受理之日起三日内（3个工作日）");
  });
});

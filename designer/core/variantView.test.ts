import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition } from "@/runtime/definition/schema";
import { defaultLocks } from "@/runtime/definition/variant";
import { differences, localValueWords, parentValueWords, variantView } from "./variantView";

const parent = () => {
  const def = serviceDefinition.parse(structuredClone(example));
  return { ...def, locks: defaultLocks(def) };
};

describe("what the designer shows of a variant", () => {
  it("lists only the differences, with the locked items marked", () => {
    const p = parent();
    const v = structuredClone(p);
    v.guide.promisedLimit[0] = { text: "线上 2 个工作日", days: 2, unit: "workday", channel: "线上" };
    v.materials.push({ ...v.materials[0], id: "mLocal", name: "居住证明", required: false });
    const view = variantView(p, v);
    expect(differences(view).map((s) => `${s.state} ${s.key}`)).toEqual(["overridden guide.promisedLimit", "added material/mLocal"]);
    expect(view.states.get("material/m1")).toMatchObject({ state: "inherited", locked: true });
    expect(differences(view, true).length).toBeGreaterThan(10);
  });

  it("puts both sides' values in words, naming a step only the variant has", () => {
    const p = parent();
    const v = structuredClone(p);
    const intake = v.flow.nodes.find((n) => n.id === "intake")!;
    v.flow.nodes.push({ ...intake, id: "step_150121_2", label: "村（嘎查）核实" });
    v.flow.edges.find((e) => e.id === "e2")!.to = "step_150121_2";
    const view = variantView(p, v);
    const e2 = view.states.get("edge/e2")!;
    expect(parentValueWords(view, e2)).toBe("受理 → 是否需要复核（操作：受理）");
    expect(localValueWords(view, e2)).toBe("受理 → 村（嘎查）核实（操作：受理）");
    expect(parentValueWords(view, view.states.get("material/m1")!)).toMatch(/^居民身份证，必要/);
  });
});

import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition } from "@/runtime/definition/schema";
import { defaultLocks } from "@/runtime/definition/variant";
import { describeItemValue, differences, variantView } from "./variantView";

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

  it("puts the parent's value in words", () => {
    const p = parent();
    expect(describeItemValue("guide.promisedLimit", p.guide.promisedLimit)).toBe("线上 3 个工作日；线下即时办结");
    expect(describeItemValue("material/m1", p.materials[0])).toMatch(/^居民身份证，必要/);
    expect(describeItemValue("guide.officeAddress", null)).toBe("（空）");
  });
});

describe("a limit in words", () => {
  it("keeps the wording the administrator wrote, with its length when the wording does not give it", () => {
    const limit = (text: string, days: number) => [{ text, days, unit: "workday" as const }];
    expect(describeItemValue("guide.promisedLimit", limit("3个工作日", 3))).toBe("3个工作日");
    expect(describeItemValue("guide.promisedLimit", limit("3 个工作日", 3))).toBe("3个工作日");
    expect(describeItemValue("guide.promisedLimit", limit("3个工作日（自受理之日起）", 3))).toBe("3个工作日（自受理之日起）");
    expect(describeItemValue("guide.promisedLimit", limit("自受理之日起三日内", 3))).toBe("自受理之日起三日内（3个工作日）");
  });
});

/** The publishing lint flags a limit whose wording (原文表述) and days disagree, as an edit of one of them leaves it. */
import { describe, expect, it } from "vitest";
import { lintDefinition } from "./lint";
import { limitTextDisagreement, numberOf, statedLimits } from "./limitText";
import { exampleDefinition } from "@/tests/support/fixtures";

const mismatches = (definition: unknown) => lintDefinition(definition).filter((p) => p.code === "LIMIT_TEXT_MISMATCH");

describe("limit wording against its days", () => {
  it("reads what a wording states", () => {
    expect(statedLimits("自受理之日起15个工作日内办结").map((s) => [s.days, s.unit])).toEqual([[15, "workday"]]);
    expect(statedLimits("线上 3 个工作日，线下：即时办理").map((s) => [s.days, s.unit])).toEqual([[3, "workday"], [0, "instant"]]);
    expect(statedLimits("六十日").map((s) => [s.days, s.unit])).toEqual([[60, "day"]]);
    expect(statedLimits("每月 15 日之前申报")).toEqual([]);
    expect([numberOf("十"), numberOf("二十五"), numberOf("九"), numberOf("x")]).toEqual([10, 25, 9, null]);
  });

  it("agrees when one stated limit is the days and unit, or the wording states none", () => {
    expect(limitTextDisagreement({ text: "15个工作日", days: 15, unit: "workday" })).toBeNull();
    expect(limitTextDisagreement({ text: "线上 3 个工作日，线下：即时办理", days: 0, unit: "instant" })).toBeNull();
    expect(limitTextDisagreement({ text: "按有关规定时限办理", days: 10, unit: "workday" })).toBeNull();
    expect(limitTextDisagreement({ text: "15个工作日", days: 15, unit: "day" })).not.toBeNull();
  });

  it("blocks publishing when the days were edited and the wording was not (and the reverse)", () => {
    const definition = exampleDefinition();
    expect(mismatches(definition)).toEqual([]);
    const promised = definition.guide.promisedLimit[0];
    const edited = structuredClone(definition);
    edited.guide.promisedLimit[0] = { ...promised, text: "5个工作日", days: 5, unit: "workday" };
    expect(mismatches(edited)).toEqual([]);
    edited.guide.promisedLimit[0] = { ...promised, text: "5个工作日", days: 3, unit: "workday" };
    expect(mismatches(edited)).toEqual([
      { code: "LIMIT_TEXT_MISMATCH", area: "guide", message: "承诺办结时限（线上）的原文表述“5个工作日”写的是“5个工作日”，与设定的“3 个工作日”不一致：请同时修改原文表述或天数" },
    ]);
    const legal = structuredClone(definition);
    legal.guide.legalLimit[0] = { ...legal.guide.legalLimit[0], text: "20个工作日", days: 15, unit: "workday" };
    expect(mismatches(legal).map((p) => p.message)).toEqual([expect.stringContaining("法定办结时限的原文表述“20个工作日”")]);
  });
});

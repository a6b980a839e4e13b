import jsonLogic from "json-logic-js";
import { describe, expect, it } from "vitest";
import { logicToRule, ruleToLogic, type SimpleRule } from "./jsonLogicRule";

const data = { form: { reg: { reason: "单位解除", amount: 1200, items: ["甲", "乙"], note: "" } } };

describe("decision rule ⇄ JSON Logic", () => {
  it("writes each comparison as JSON Logic that evaluates as meant", () => {
    const cases: [SimpleRule["comparisons"][number], boolean][] = [
      [{ variable: "form.reg.reason", op: "==", value: "单位解除" }, true],
      [{ variable: "form.reg.reason", op: "!=", value: "单位解除" }, false],
      [{ variable: "form.reg.amount", op: ">=", value: 1000 }, true],
      [{ variable: "form.reg.amount", op: "<", value: 1000 }, false],
      [{ variable: "form.reg.reason", op: "in", value: ["合同到期", "单位解除"] }, true],
      [{ variable: "form.reg.items", op: "contains", value: "乙" }, true],
      [{ variable: "form.reg.note", op: "filled" }, false],
      [{ variable: "form.reg.note", op: "empty" }, true],
    ];
    for (const [comparison, expected] of cases) {
      const logic = ruleToLogic({ combinator: "and", comparisons: [comparison] });
      expect(jsonLogic.apply(logic as jsonLogic.RulesLogic, data)).toBe(expected);
      expect(logicToRule(logic)).toEqual({ combinator: "and", comparisons: [comparison] });
    }
  });

  it("joins comparisons with and / or", () => {
    const rule: SimpleRule = {
      combinator: "or",
      comparisons: [
        { variable: "form.reg.amount", op: ">", value: 5000 },
        { variable: "form.reg.reason", op: "==", value: "单位解除" },
      ],
    };
    const logic = ruleToLogic(rule);
    expect(logic).toEqual({ or: [{ ">": [{ var: "form.reg.amount" }, 5000] }, { "==": [{ var: "form.reg.reason" }, "单位解除"] }] });
    expect(jsonLogic.apply(logic as jsonLogic.RulesLogic, data)).toBe(true);
    expect(logicToRule(logic)).toEqual(rule);
  });

  it("an empty rule is `true`", () => {
    expect(ruleToLogic({ combinator: "and", comparisons: [] })).toBe(true);
    expect(logicToRule(true)).toEqual({ combinator: "and", comparisons: [] });
  });

  it("rules beyond the editor are left to the JSON text (null)", () => {
    expect(logicToRule({ if: [{ var: "a" }, 1, 2] })).toBeNull();
    expect(logicToRule({ and: [{ "==": [{ var: "a" }, 1] }, { or: [] }] })).toBeNull();
    expect(logicToRule({ "==": [{ var: "a" }, { var: "b" }] })).toBeNull();
    expect(logicToRule(false)).toBeNull();
  });
});

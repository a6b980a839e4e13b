import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { overlayOf } from "./overlay";
import { rebase } from "./rebase";
import { rebasedDefinition } from "./rebasedDefinition";

const base = (): ServiceDefinition => serviceDefinition.parse(structuredClone(example));

function conflictOnAddress() {
  const v1 = base();
  const mine = structuredClone(v1);
  mine.guide.officeAddress = "新城区政务服务中心";
  mine.summary = "本地概述";
  const v2 = structuredClone(v1);
  v2.guide.officeAddress = "自治区政务服务中心三楼";
  return { v2, result: rebase(v1, v2, overlayOf(v1, mine)) };
}

describe("rebasedDefinition", () => {
  it("refuses while a conflict is open, naming it", () => {
    const { v2, result } = conflictOnAddress();
    const outcome = rebasedDefinition(v2, result, {});
    expect(outcome).toEqual({ ok: false, problems: [expect.stringContaining("还有 1 处冲突没有处理")] });
  });

  it("gives the effective definition and its minimal overlay for each choice", () => {
    const { v2, result } = conflictOnAddress();
    const keep = rebasedDefinition(v2, result, { "guide.officeAddress": { choice: "mine" } });
    expect(keep.ok && keep.definition.guide.officeAddress).toBe("新城区政务服务中心");
    expect(keep.ok && keep.definition.summary).toBe("本地概述");
    const take = rebasedDefinition(v2, result, { "guide.officeAddress": { choice: "parent" } });
    expect(take.ok && take.overlay.set).toEqual({ summary: "本地概述" });
    const edit = rebasedDefinition(v2, result, { "guide.officeAddress": { choice: "edit", value: "新城区政务服务中心（三楼）" } });
    expect(edit.ok && edit.definition.guide.officeAddress).toBe("新城区政务服务中心（三楼）");
  });

  it("refuses an edited value that breaks the contract", () => {
    const { v2, result } = conflictOnAddress();
    const outcome = rebasedDefinition(v2, result, { "guide.officeAddress": { choice: "edit", value: { not: "a string" } } });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems[0]).toMatch(/^合并后的事项定义不符合规范（guide\.officeAddress）/);
  });

  it("refuses an edited value that breaks a rule of the region", () => {
    const v1 = base();
    const mine = structuredClone(v1);
    mine.materials[0].note = "本地说明";
    const v2 = structuredClone(v1);
    v2.materials[0].name = "居民身份证或社保卡";
    const result = rebase(v1, v2, overlayOf(v1, mine));
    expect(v2.materials[0].required).toBe(true);
    const outcome = rebasedDefinition(v2, result, { "material/m1": { choice: "edit", value: { ...v2.materials[0], required: false } } });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems.join()).toContain("必要材料");
  });
});

import { describe, expect, it } from "vitest";
import { linkMaterialsToForms, materialFromText, materialsFromTable, nameSimilarity } from "./minorMaterials";

describe("minorMaterials", () => {
  it("reads copies, kind, 内部流转 and remarks from a list line", () => {
    expect(materialFromText("m1", "1.《工伤认定申请表》一份（工伤认定申请表应当包括事故发生的时间、地点、原因以及职工伤害程度等基本情况）。".replace(/^1\./, ""))).toMatchObject({
      name: "工伤认定申请表",
      copies: 1,
      note: "工伤认定申请表应当包括事故发生的时间、地点、原因以及职工伤害程度等基本情况",
    });
    expect(materialFromText("m2", "初次劳动能力鉴定结果复印件**1**份（内部流转）")).toMatchObject({
      name: "初次劳动能力鉴定结果复印件",
      copies: 1,
      kind: "复印件",
      source: "内部流转",
      obtainableBySharing: true,
    });
  });

  it("separates who must provide a material and internal retrieval", () => {
    expect(materialFromText("m1", "非本地户籍人员需提供居住证明。")).toMatchObject({ name: "居住证明", requirementText: "非本地户籍人员需提供" });
    expect(materialFromText("m1", "社会保险缴费证明由人力资源和社会保障部门内部获取。")).toMatchObject({
      name: "社会保险缴费证明",
      source: "人力资源和社会保障部门内部获取",
      obtainableBySharing: true,
    });
  });

  it("reads a 场景 material table (137) carrying the scenario down", () => {
    const rows = [
      ["场景", "材料名称", "材料类型", "是否信息共享可获得", "是否留存纸质", "份数", "材料必要性"],
      ["企业或培训机构", "职业培训开班审批表", "原件", "否", "否", "1", "必要"],
      ["", "教学计划", "复印件", "否", "否", "1", "必要"],
    ];
    expect(materialsFromTable(rows)).toMatchObject([
      { name: "职业培训开班审批表", scenario: "企业或培训机构", kind: "原件", copies: 1, required: true, keepPaper: false },
      { name: "教学计划", scenario: "企业或培训机构", kind: "复印件" },
    ]);
  });

  it("links near-identical names (结班 / 结业班) but not different forms", () => {
    expect(nameSimilarity("创业培训结班申请审批表", "创业培训结业班申请审批表")).toBeGreaterThan(0.8);
    const materials = [materialFromText("m1", "创业培训结班申请审批表"), materialFromText("m2", "学员身份证复印件")];
    linkMaterialsToForms(materials, [{ id: "f1", title: "创业培训结业班申请审批表" }]);
    expect(materials.map((material) => material.formId)).toEqual(["f1", null]);
  });
});

import { describe, expect, it } from "vitest";
import { serviceDefinition } from "@/runtime/definition/schema";
import { parse } from "./projectName";
import { itemBySeq } from "@/tests/support/minorFixtures";
import { taskLabels } from "./branchedFlow";

describe("projectName (136–138)", () => {
  it("136 repeats 135: attached to 135 as a duplicate, no service", () => {
    const result = parse(itemBySeq(136));
    expect(result.services).toEqual([]);
    expect(result.attachments).toHaveLength(1);
    expect(result.attachments[0]).toMatchObject({ targetSeq: 135, targetCode: "s135", appendix: { kind: "duplicate" } });
    expect(result.attachments[0].appendix.title).toContain("一次性创业补贴申领");
    expect(result.attachments[0].appendix.source).toEqual({ first: 16948, last: 16994 });
  });

  it("137 企业职工补贴性职业技能培训: 场景 table, two forms, 5 workdays", () => {
    const service = serviceDefinition.parse(parse(itemBySeq(137)).services[0]);
    expect(service.group.part).toBe("三、其他公共服务事项");
    expect(service.materials.map((material) => material.name)).toEqual(["职业培训开班审批表", "教学计划", "授课教资证书", "学员花名册", "学员身份证复印件"]);
    expect(service.materials.every((material) => material.scenario === "企业或培训机构" && material.copies === 1)).toBe(true);
    expect(service.materials[1]).toMatchObject({ kind: "复印件", keepPaper: false, obtainableBySharing: false, requirementText: "必要" });
    expect(service.forms.map((form) => form.title)).toEqual(["职业培训开班审批表", "职业培训学员花名册"]);
    expect(service.materials[0].formId).toBe(service.forms[0].id);
    expect(service.materials[3].formId).toBe(service.forms[1].id);
    expect(service.guide.legalBasis.map((item) => item.docNo)).toEqual(["国发〔2018〕11号", "内政发〔2018〕43号", "内人社发〔2022〕31号"]);
    expect(service.guide.promisedLimit).toMatchObject([{ days: 5, unit: "workday" }]);
    expect(taskLabels(service.flow)[0]).toBe("提出开班申请");
    expect(taskLabels(service.flow)).toHaveLength(4); // with the intake's 补正材料
  });

  it("138 毕业证书查询、核验: 申请查询 → 结果反馈, online / offline procedures, material table", () => {
    const result = parse(itemBySeq(138));
    const service = serviceDefinition.parse(result.services[0]);
    expect(taskLabels(service.flow)).toEqual(["申请查询", "结果反馈", "补正材料"]);
    expect(service.guide.channels).toEqual(["线上查询核验", "线下查询核验"]);
    expect(service.guide.operationNotes[0].notes).toHaveLength(2);
    expect(service.guide.legalBasis.map((item) => item.docNo)).toEqual(["人社厅发〔2010〕15号", "人社厅函〔2022〕76号", "人社厅办函〔2022〕279号"]);
    expect(service.materials.map((material) => [material.name, material.medium, material.source])).toEqual([
      ["中华人民共和国居民身份证", "电子", "申请人自备"],
      ["毕业生毕业证书", "电子", "申请人自备"],
    ]);
    expect(result.unextracted.map((entry) => entry.range.first)).toContain(17137);
  });
});

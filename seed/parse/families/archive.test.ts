import { describe, expect, it } from "vitest";
import { serviceDefinition } from "@/runtime/definition/schema";
import { parse } from "./archive";
import { itemBySeq } from "@/tests/support/minorFixtures";
import { taskLabels } from "./branchedFlow";

describe("archive: 流动人员人事档案管理服务标准化流程 (146)", () => {
  const result = parse(itemBySeq(146));
  const services = result.services.map((service) => serviceDefinition.parse(service));
  const byCode = (code: string) => services.find((service) => service.code === code)!;

  it("splits into its six services (the wrapped 查（借）阅 title joined)", () => {
    expect(services.map((service) => [service.code, service.title])).toEqual([
      ["s146-01", "档案的接收"],
      ["s146-02", "档案的转递"],
      ["s146-03", "依据档案记载出具相关证明"],
      ["s146-04", "为符合相关规定的单位提供档案查（借）阅服务"],
      ["s146-05", "为相关单位提供政审考察服务"],
      ["s146-06", "档案材料的收集、鉴别和归档"],
    ]);
    expect(services.map((service) => service.source?.first)).toEqual([18185, 18286, 18327, 18361, 18423, 18473]);
    expect(new Set(services.map((service) => service.group.category))).toEqual(new Set(["流动人员人事档案管理服务事项"]));
  });

  it("attaches 整理和保管 and 日常管理 as working rules, 附录 4 as reference of 收集归档", () => {
    for (const service of services) {
      expect(service.appendices.filter((entry) => entry.kind === "rules").map((entry) => entry.title)).toEqual(
        expect.arrayContaining(["档案的整理和保管", "日常管理"]),
      );
    }
    expect(byCode("s146-06").appendices.find((entry) => entry.kind === "reference")?.title).toBe("内蒙古自治区流动人员人事档案分类参考");
    expect(byCode("s146-01").appendices.some((entry) => entry.kind === "reference")).toBe(false);
  });

  it("档案的接收: three material scenarios, two procedures, the 调函 and 告知 templates", () => {
    const service = byCode("s146-01");
    expect([...new Set(service.materials.map((material) => material.scenario))]).toEqual(["个人未就业", "个人已就业", "集体委托"]);
    expect(service.materials.filter((material) => material.scenario === "集体委托")).toHaveLength(5);
    const apply = service.flow.nodes.find((node) => node.id === "apply");
    expect(apply?.type === "task" && apply.actions.map((action) => action.label)).toEqual(["高等院校毕业生档案存档", "工作变动或人才流动存档"]);
    expect(service.forms.map((form) => form.title)).toEqual([
      "流动人员人事档案调函存根",
      "流动人员人事档案调函",
      "接收人事档案缺少材料告知书",
      "接收人事档案缺少材料告知承诺书",
      "流动人员人事档案管理服务告知书",
    ]);
    expect(service.guide.conditions).toHaveLength(2);
    expect(service.guide.legalBasis[0].title).toBe("流动人员人事档案管理服务规定");
    expect(service.flow.nodes.some((node) => node.type === "end" && node.outcome === "refused")).toBe(true);
  });

  it("档案的转递: 1 working day, 转递通知单 / 目录 / 转出申请表", () => {
    const service = byCode("s146-02");
    expect(service.guide.promisedLimit).toMatchObject([{ days: 1, unit: "workday" }]);
    const transfer = service.flow.nodes.find((node) => node.type === "task" && node.role !== "applicant");
    expect(transfer?.type === "task" && transfer.sla).toEqual({ days: 1, unit: "workday" });
    expect(service.forms.map((form) => form.title)).toEqual(["流动人员人事档案转递通知单存根", "流动人员人事档案转递通知单", "人事档案目录", "档案转出申请表"]);
    expect(service.materials.find((material) => material.name === "档案转出申请表")?.formId).toBe(service.forms[3].id);
    expect(service.materials.map((material) => material.name)).toContain("具有档案管理权限的机关、事业单位、国有企业出具的调档材料");
  });

  it("出具证明: the four certificate templates and the 出具证明申请表", () => {
    expect(byCode("s146-03").forms.map((form) => form.title)).toEqual(["存档证明", "经历证明", "亲属关系证明", "无犯罪记录证明", "出具证明申请表"]);
  });

  it("查（借）阅: 查阅 / 借出 审批表, refusal, 2 人以上 condition", () => {
    const service = byCode("s146-04");
    expect(service.forms.map((form) => form.title)).toEqual(["档案查阅审批表", "档案借出审批表"]);
    expect(service.guide.conditions[1]).toContain("2 人以上");
    expect(taskLabels(service.flow)).toHaveLength(6); // with the intake's 补正材料
  });

  it("政审考察: two procedures, 政审回复函 and 党组织材料查阅确认表", () => {
    const service = byCode("s146-05");
    const apply = service.flow.nodes.find((node) => node.id === "apply");
    expect(apply?.type === "task" && apply.actions).toHaveLength(2);
    expect(service.forms.map((form) => form.title)).toEqual(expect.arrayContaining(["政审回复函", "流动党员党组织材料查阅确认表"]));
  });

  it("收集、鉴别和归档: 4 steps, materials, the 目录 template", () => {
    const service = byCode("s146-06");
    expect(taskLabels(service.flow)).toHaveLength(5); // with the intake's 补正材料
    expect(service.materials.map((material) => material.name)).toEqual(["存档人有效证件", "需归档案材料的原件"]);
    expect(service.forms.map((form) => form.title)).toEqual(["人事档案目录"]);
  });

  it("records the six flowcharts of 附录 1 as unextracted", () => {
    expect(result.unextracted).toContainEqual({ label: expect.stringContaining("附录 1"), range: { first: 18689, last: 18717 } });
  });
});

import { describe, expect, it } from "vitest";
import { serviceDefinition, type Flow, type TaskNode } from "@/runtime/definition/schema";
import { parse } from "./basicInfo";
import { itemBySeq } from "@/tests/support/minorFixtures";
import { taskLabels } from "./branchedFlow";

const only = (seq: number) => {
  const result = parse(itemBySeq(seq));
  expect(result.services).toHaveLength(1);
  return { service: serviceDefinition.parse(result.services[0]), result };
};
const task = (flow: Flow, label: string): TaskNode =>
  flow.nodes.find((node): node is TaskNode => node.type === "task" && node.label === label)!;

describe("basicInfo: 工伤认定办事指南 (74)", () => {
  const { service, result } = only(74);

  it("reads the legal limits 60 日 / 15 日 as calendar days", () => {
    expect(service.guide.legalLimit.map((limit) => [limit.days, limit.unit])).toEqual([
      [60, "day"],
      [15, "day"],
    ]);
    expect(service.guide.legalLimit[1].text).toContain("事实清楚、权利义务明确");
  });

  it("reads levels, audience, channels and the description", () => {
    expect(service.code).toBe("s074");
    expect(service.group).toEqual({ part: "一、社会保险公共服务", category: "工伤保险服务事项" });
    expect(service.guide.levels).toEqual(["league", "banner"]);
    expect(service.guide.audience).toContain("企业法人");
    expect(service.guide.audience).toHaveLength(7);
    expect(service.guide.channels).toEqual(["综合窗口办理", "网上办理"]);
    expect(service.guide.description).toMatch(/^工伤职工因工作原因受到事故伤害/);
    expect(service.guide.notes.find((note) => note.label === "申请时限")?.text).toContain("30 日内");
  });

  it("lists the four laws", () => {
    expect(service.guide.legalBasis.map((item) => item.title)).toEqual([
      "中华人民共和国社会保险法",
      "工伤保险条例",
      "工伤认定办法",
      "内蒙古自治区工伤保险条例实施办法",
    ]);
    expect(service.guide.legalBasis[1].docNo).toBe("国务院令第586号");
  });

  it("lists the three materials, the application form once", () => {
    expect(service.materials).toHaveLength(3);
    expect(service.materials[0]).toMatchObject({ name: "工伤认定申请表", copies: 1 });
    expect(service.materials[2].kind).toBe("原件和复印件");
  });

  it("builds 申请受理 → 调查核实 → 作出决定 → 文书送达 with the stated SLAs and branches", () => {
    expect(service.flow.derivation).toBe("text");
    expect(taskLabels(service.flow)).toEqual(["申请", "申请受理", "补正材料", "调查核实", "作出决定", "文书送达"]);
    const acceptance = task(service.flow, "申请受理");
    expect(acceptance.sla).toEqual({ days: 15, unit: "day" });
    expect(acceptance.actions.map((action) => action.kind)).toEqual(["approve", "correction", "reject"]);
    expect(task(service.flow, "调查核实").pausable).toBe(true);
    expect(task(service.flow, "作出决定")).toMatchObject({ sla: { days: 60, unit: "day" }, pausable: true });
    expect(task(service.flow, "文书送达").sla).toEqual({ days: 20, unit: "day" });
    expect(service.source?.parts.flow).toEqual({ first: 10498, last: 10527 });
  });

  it("records the missing flowchart", () => {
    expect(result.unextracted.map((entry) => entry.range.first)).toContain(10529);
  });
});

describe("basicInfo: 劳动能力鉴定 (75–78)", () => {
  it("75: 90/30 自然日, 承诺件, 200 元/人, online address, minimal flow", () => {
    const { service } = only(75);
    expect(service.guide.legalLimit).toMatchObject([{ days: 90, unit: "day" }]);
    expect(service.guide.promisedLimit).toMatchObject([{ days: 30, unit: "day" }]);
    expect(service.guide.caseType).toBe("promised");
    expect(service.guide.fee?.free).toBe(false);
    expect(service.guide.fee?.text).toContain("200 元/人");
    expect(service.guide.onlineAddress).toBe("https://nmgrs.12333k.cn/personlogin/#/personlogin");
    expect(service.materials.map((material) => material.name)).toEqual([
      "劳动能力鉴定申请表",
      "身份证复印件",
      "认定工伤决定书",
      "与工伤有关医学资料",
    ]);
    expect(service.materials[1].obtainableBySharing).toBe(true);
    expect(service.flow.derivation).toBe("minimal");
    expect(service.guide.notes.find((note) => note.label === "审批结果名称")?.text).toContain("劳动能力初次鉴定结论书");
  });

  it("77: joins the URL wrapped over two lines", () => {
    expect(only(77).service.guide.onlineAddress).toBe("https://nmgrs.12333k.cn/personlogin/#/personlogin");
  });

  it("78: 自治区 level, 240 元/人, no promised limit, 2 copies of the application", () => {
    const { service } = only(78);
    expect(service.guide.levels).toEqual(["region"]);
    expect(service.guide.fee?.text).toContain("240元/人");
    expect(service.guide.promisedLimit).toEqual([]);
    expect(service.guide.caseType).toBeNull();
    expect(service.materials[0]).toMatchObject({ name: "劳动能力鉴定申请表", copies: 2 });
    expect(service.materials).toHaveLength(6);
    expect(service.guide.legalBasis).toHaveLength(1);
    expect(service.guide.legalBasis[0].clause).toMatch(/^第二十六条/);
  });
});

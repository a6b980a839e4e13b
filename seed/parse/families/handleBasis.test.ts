import { describe, expect, it } from "vitest";
import { serviceDefinition } from "@/runtime/definition/schema";
import { parse } from "./handleBasis";
import { itemBySeq } from "@/tests/support/minorFixtures";

describe("handleBasis: 职业供求信息、市场工资指导价位信息、培训信息发布办事指南 (101)", () => {
  const result = parse(itemBySeq(101));
  const service = serviceDefinition.parse(result.services[0]);

  it("reads the guide fields", () => {
    expect(result.services).toHaveLength(1);
    expect(service.code).toBe("s101");
    expect(service.guide.legalBasis.map((item) => item.title)).toEqual(["中华人民共和国就业促进法", "人力资源市场暂行条例", "就业服务与就业管理规定"]);
    expect(service.guide.legalBasis[0].clause).toMatch(/^第三十五条/);
    expect(service.guide.audience).toEqual(["各类求职者", "用工单位"]);
    expect(service.guide.levels).toEqual(["region", "league", "banner"]);
    expect(service.guide.channels).toEqual(["现场办理", "网上办理"]);
    expect(service.guide.promisedLimit).toMatchObject([{ days: 0, unit: "instant" }]);
    expect(service.guide.caseType).toBe("instant");
    expect(service.guide.fee).toEqual({ text: "不收费。", free: true });
    expect(service.guide.notes.map((note) => note.label)).toEqual(["承办机构", "办理结果", "办事时间", "咨询查询途径", "文书格式"]);
  });

  it("lists the materials of the three 发布 blocks with their scenario", () => {
    const byScenario = (scenario: string) => service.materials.filter((material) => material.scenario === scenario).map((material) => material.name);
    expect(byScenario("职业供求信息发布")).toEqual(["身份证", "求职人员登记表", "营业执照或事业单位法人证书", "经办人身份证明", "招聘简章"]);
    expect(byScenario("市场工资指导价位发布")).toEqual(["营业执照", "经办人身份证"]);
    expect(byScenario("职业培训信息发布")).toEqual(["身份证"]);
  });

  it("converts the 附表 个人求职登记表 and links the 求职人员登记表 to it", () => {
    expect(service.forms.map((form) => form.title)).toEqual(["个人求职登记表"]);
    expect(service.forms[0].source).toEqual({ first: 14770, last: 14791 });
    expect(service.materials.find((material) => material.name === "求职人员登记表")?.formId).toBe(service.forms[0].id);
  });

  it("offers the three procedures from its 申请 step", () => {
    const apply = service.flow.nodes.find((node) => node.id === "apply");
    expect(apply?.type === "task" && apply.actions.map((action) => action.label)).toEqual(["职业供求信息发布", "市场工资指导价位发布", "职业培训信息发布"]);
    const edges = service.flow.edges.filter((edge) => edge.from === "apply");
    expect(edges).toHaveLength(3);
    const labels = service.flow.nodes.filter((node) => node.type === "task").map((node) => node.label);
    expect(labels.filter((label) => label === "受理")).toHaveLength(3);
    expect(labels).toContain("在公共招聘网络平台进行发布");
  });

  it("records the missing flowchart", () => {
    expect(result.unextracted.map((entry) => entry.range.first)).toContain(14793);
  });
});

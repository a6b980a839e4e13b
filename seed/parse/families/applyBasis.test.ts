import { describe, expect, it } from "vitest";
import { serviceDefinition, type Flow, type TaskNode } from "@/runtime/definition/schema";
import { parse } from "./applyBasis";
import { itemBySeq } from "@/tests/support/minorFixtures";
import { taskLabels } from "./branchedFlow";

const parsed = (seq: number) => {
  const result = parse(itemBySeq(seq));
  expect(result.services).toHaveLength(1);
  return { service: serviceDefinition.parse(result.services[0]), result };
};
const slas = (flow: Flow) =>
  flow.nodes
    .filter((node): node is TaskNode => node.type === "task" && node.role !== "applicant" && node.label !== "补正材料")
    .map((node) => [node.label, node.sla ? `${node.sla.days}${node.sla.unit}` : "-"]);

describe("applyBasis (103–109, 111, 135)", () => {
  it("103 职业介绍: two procedures (劳动者 / 用人单位), two reproduced forms, 附件 2 missing", () => {
    const { service, result } = parsed(103);
    const apply = service.flow.nodes.find((node) => node.id === "apply");
    expect(apply?.type === "task" && apply.actions.map((action) => action.label)).toEqual(["劳动者职业介绍", "用人单位职业介绍"]);
    expect(taskLabels(service.flow)).toEqual(["申请", "根据求职意愿推荐就业岗位", "补正材料", "实现就业/跟踪回访", "推荐与岗位相适应的求职者", "补正材料", "招聘成功/跟踪回访"]);
    expect(service.forms.map((form) => form.title)).toEqual(["个人求职登记表", "XX公司（单位）招聘简章模板"]);
    expect(service.materials.find((material) => material.name === "个人求职登记表")?.formId).toBe(service.forms[0].id);
    expect(service.guide.audience).toEqual(["求职者", "用人单位"]);
    expect(service.guide.legalBasis).toEqual([{ title: "内蒙古自治区就业促进条例", clause: "第三十条" }]);
    expect(service.guide.promisedLimit).toMatchObject([{ unit: "instant" }]);
    expect(result.unextracted.map((entry) => entry.label).join()).toContain("用人单位招聘申请表");
  });

  it("105 创业开业指导: no materials, 1 workday, 申请 → 指导", () => {
    const { service } = parsed(105);
    expect(service.materials).toEqual([]);
    expect(service.guide.audience).toEqual(["所有创业者和有创业意愿的人员"]);
    expect(service.guide.channels).toHaveLength(2);
    expect(service.guide.legalBasis).toHaveLength(3);
    expect(slas(service.flow)).toEqual([["指导", "1workday"]]);
  });

  it("106 开班申请: three legal documents, 审批 in 3 workdays with 一次性告知, two forms", () => {
    const { service } = parsed(106);
    expect(service.guide.legalBasis.map((item) => item.docNo)).toEqual(["内人社办发〔2023〕6号", "财社〔2023〕181号", "内财社〔2024〕373号"]);
    expect(slas(service.flow)).toEqual([["就业服务机构审批", "3workday"]]);
    const review = service.flow.nodes.find((node) => node.type === "task" && node.label === "就业服务机构审批");
    expect(review?.type === "task" && review.actions.map((action) => action.kind)).toEqual(["complete", "correction", "reject"]);
    expect(service.forms.map((form) => form.title)).toEqual(["创业培训开班申请审批表", "旗县、市（区）创业培训班学员花名册"]);
    expect(service.materials.slice(0, 2).map((material) => material.formId)).toEqual(service.forms.map((form) => form.id));
  });

  it("107 结业申请: the 结班 material links to the 结业班 form; 三个工作日 审批 can refuse", () => {
    const { service } = parsed(107);
    expect(service.materials[0].formId).toBe(service.forms[0].id);
    expect(slas(service.flow)).toEqual([["经办机构审批", "3workday"]]);
    expect(service.flow.nodes.some((node) => node.type === "end" && node.outcome === "refused")).toBe(true);
  });

  it("108 创业培训补贴: 审核 8 → 公示 5 → 报送 5 → 财政拨付 10 → 拨付 5; 附件 2 missing", () => {
    const { service, result } = parsed(108);
    expect(slas(service.flow).map(([, sla]) => sla)).toEqual(["8workday", "5workday", "5workday", "10workday", "5workday"]);
    expect(result.unextracted.map((entry) => entry.label).join()).toContain("创业培训合格人员花名册");
  });

  it("109 个人创业担保贷款: the five stated steps with the 公示 period, refusal at 审核", () => {
    const { service, result } = parsed(109);
    expect(slas(service.flow)).toEqual([
      ["人社部门审核", "7workday"],
      ["尽职调查", "3workday"],
      ["公示", "5workday"],
      ["贷款发放", "5workday"],
      ["贴息管理", "-"],
    ]);
    expect(taskLabels(service.flow)[0]).toBe("个人贷款申请");
    expect(service.materials[0]).toMatchObject({ name: "个人创业担保贷款资格审核表", copies: 2 });
    expect(service.materials).toHaveLength(5);
    expect(service.guide.legalBasis[0]).toEqual({ title: "关于印发《普惠金融发展专项资金管理办法》的通知", docNo: "财金〔2023〕75号" });
    expect(result.unextracted.map((entry) => entry.label).join()).toContain("个人创业担保贷款资格审核表");
  });

  it("111 小微企业创业担保贷款: 人社部门公示 is a public-notice step; the 资格审核表 is reproduced", () => {
    const { service } = parsed(111);
    const notice = service.flow.nodes.find((node) => node.type === "task" && node.label === "人社部门公示");
    expect(notice?.type === "task" && notice.publicNotice).toBe(true);
    expect(service.forms.map((form) => form.title)).toEqual(["小微企业创业担保贷款资格审核表"]);
  });

  it("135 一次性创业补贴: five materials 一式三份, 申报 → 初审 5 → 入户调查 3 → 公示 5 → 拨付", () => {
    const { service } = parsed(135);
    expect(service.materials).toHaveLength(5);
    expect(service.materials.every((material) => material.copies === 3 && material.kind === "原件和复印件")).toBe(true);
    expect(service.materials[3].formId).toBe(service.forms[0].id);
    expect(service.guide.conditions[0]).toContain("10000元一次性创业补贴");
    expect(slas(service.flow)).toEqual([
      ["初审", "5workday"],
      ["入户调查", "3workday"],
      ["公示", "5workday"],
      ["拨付", "10workday"],
    ]);
  });
});

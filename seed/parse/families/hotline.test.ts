import { describe, expect, it } from "vitest";
import { serviceDefinition } from "@/runtime/definition/schema";
import { parse } from "./hotline";
import { itemBySeq } from "@/tests/support/minorFixtures";
import { taskLabels } from "./branchedFlow";

describe("hotline: 12333 人力资源和社会保障咨询服务工作办事指南 (145)", () => {
  const result = parse(itemBySeq(145));
  const services = result.services.map((service) => serviceDefinition.parse(service));
  const [policy, guidance, complaint] = services;

  it("splits into the three services of its sub-flows", () => {
    expect(services.map((service) => [service.code, service.title])).toEqual([
      ["s145-01", "12333政策咨询服务"],
      ["s145-02", "12333办事指南服务"],
      ["s145-03", "12333投诉举报服务"],
    ]);
    expect(services.map((service) => service.source?.first)).toEqual([17743, 17799, 17860]);
    expect(result.attachments).toEqual([]);
  });

  it("reads conditions, channels, limits and the free fee of each", () => {
    expect(policy.guide.channels).toEqual(["电话咨询"]);
    expect(guidance.guide.channels).toEqual(["电话咨询", "电话登记"]);
    expect(complaint.guide.channels).toEqual(["电话登记"]);
    expect(policy.guide.promisedLimit.map((limit) => [limit.channel, limit.unit])).toEqual([
      ["自助语音", "instant"],
      ["人工语音", "instant"],
    ]);
    for (const service of services) {
      expect(service.guide.fee?.free).toBe(true);
      expect(service.guide.fee?.text).toContain("通话费用由通讯企业按规定收取");
      expect(service.guide.audience).toEqual(["各类市场主体", "社会公众"]);
      expect(service.guide.notes.map((note) => note.label)).toEqual(
        expect.arrayContaining(["线路设置", "服务时间", "语音导航", "服务内容及方式"]),
      );
    }
    expect(policy.guide.description).toContain("全业务领域电话咨询服务");
    expect(guidance.guide.description).toContain("业务协办登记");
    expect(complaint.guide.description).toContain("拖欠工资事项举报");
  });

  it("builds each flow from its clauses; 办理 of 办事指南 / 投诉举报 forwards within 1 workday", () => {
    expect(taskLabels(policy.flow)).toEqual(["电话拨打", "受理", "补正材料", "办理", "办结", "归档"]);
    expect(taskLabels(complaint.flow)).toEqual(["申请", "受理", "补正材料", "办理", "办结", "归档"]);
    for (const service of [guidance, complaint]) {
      const handling = service.flow.nodes.find((node) => node.type === "task" && node.label === "办理");
      expect(handling?.type === "task" && handling.sla).toEqual({ days: 1, unit: "workday" });
    }
    const acceptance = policy.flow.nodes.find((node) => node.type === "task" && node.label === "受理");
    expect(acceptance?.type === "task" && acceptance.checkpoints.join()).toContain("三次响铃之内接听");
  });

  it("attaches 表 D-1 to 办事指南, 表 D-2 and 附录 E to 投诉举报", () => {
    expect(policy.forms).toEqual([]);
    expect(guidance.forms.map((form) => form.title)).toEqual(["为民服务诉求登记单（咨询、求助和建议类）"]);
    expect(complaint.forms.map((form) => form.title)).toEqual(["为民服务诉求登记表（投诉类）", "讨薪线索信息汇总表"]);
    const handling = complaint.flow.nodes.find((node) => node.type === "task" && node.label === "办理");
    expect(handling?.type === "task" && handling.forms.map((form) => form.formId)).toEqual(complaint.forms.map((form) => form.id));
  });

  it("gives every service 附录 A 服务用语 and 附录 B 监听评分细则 as appendices; the flowchart is unextracted", () => {
    for (const service of services) {
      expect(service.appendices.map((entry) => [entry.kind, entry.title])).toEqual([
        ["rules", "服务用语"],
        ["reference", "监听评分细则（扣分制）"],
      ]);
    }
    expect(policy.appendices[0].text).toContain("四、服务禁语");
    expect(result.unextracted.map((entry) => entry.range.first)).toContain(18134);
  });
});

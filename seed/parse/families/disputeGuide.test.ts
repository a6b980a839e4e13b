import { describe, expect, it } from "vitest";
import { serviceDefinition, type Flow, type TaskNode } from "@/runtime/definition/schema";
import { parse } from "./disputeGuide";
import { itemBySeq } from "@/tests/support/minorFixtures";
import { taskLabels } from "./branchedFlow";

const task = (flow: Flow, label: string): TaskNode =>
  flow.nodes.find((node): node is TaskNode => node.type === "task" && node.label === label)!;

describe("disputeGuide: 劳动人事争议仲裁申请流程指南 (141)", () => {
  const result = parse(itemBySeq(141));
  const service = serviceDefinition.parse(result.services[0]);

  it("reads audience, citations, jurisdiction and the free fee", () => {
    expect(service.guide.audience).toEqual(["劳动者", "用人单位"]);
    expect(service.guide.legalBasis.map((item) => item.title)).toEqual([
      "中华人民共和国劳动争议调解仲裁法",
      "劳动人事争议仲裁办案规则",
      "劳动人事争议仲裁组织规则",
    ]);
    expect(service.guide.legalBasis[1].clause).toContain("第三十条");
    expect(service.guide.legalBasis[1].clause).toContain("第三十一条");
    expect(service.guide.fee).toEqual({ text: "劳动人事争议仲裁申请不收取费用", free: true });
    expect(service.guide.notes.find((note) => note.label === "管辖区域")?.text).toContain("内人社办发〔2017〕167号");
    expect(service.guide.notes.find((note) => note.label === "注意事项")?.text).toContain("12348");
  });

  it("lists materials per applicant kind", () => {
    const of = (scenario: string) => service.materials.filter((material) => material.scenario === scenario).map((material) => material.name);
    expect(of("劳动者")).toEqual(["劳动人事争议仲裁申请书", "身份证复印件", "与案件相关的证据材料"]);
    expect(of("用人单位")).toHaveLength(4);
    expect(service.materials[0].copies).toBeNull();
    expect(service.materials[0].note).toContain("送达被申请人 1 份");
  });

  it("builds 申请 → 收件回执 → 受理 / 不予受理 with the 5-day decision", () => {
    expect(taskLabels(service.flow)).toEqual(["申请人申请", "仲裁机构出具收件回执", "补正材料", "申请人领取受理结果"]);
    const decision = task(service.flow, "申请人领取受理结果");
    expect(decision.sla).toEqual({ days: 5, unit: "day" });
    expect(decision.actions.map((action) => [action.kind, action.label])).toContainEqual(["reject", "不予受理"]);
    expect(service.flow.nodes.some((node) => node.type === "end" && node.outcome === "refused")).toBe(true);
    expect(task(service.flow, "仲裁机构出具收件回执").actions.map((action) => action.kind)).toContain("correction");
  });

  it("keeps the truncated 仲裁申请书 as a form and its 说明 as a template appendix", () => {
    expect(service.forms).toHaveLength(1);
    expect(service.forms[0]).toMatchObject({ title: "仲裁申请书", source: { first: 17409, last: 17429 } });
    expect(service.materials[0].formId).toBe(service.forms[0].id);
    expect(service.appendices).toHaveLength(1);
    expect(service.appendices[0]).toMatchObject({ kind: "template", title: "《仲裁申请书》说明" });
    expect(service.appendices[0].text).toContain("文书填写要求及注意事项");
    expect(result.unextracted.map((entry) => entry.range.first)).toEqual(expect.arrayContaining([17409, 17510]));
  });
});

describe("disputeGuide: 劳动人事争议调解申请流程指南 (143)", () => {
  const service = serviceDefinition.parse(parse(itemBySeq(143)).services[0]);

  it("builds 申请调解 → 审查是否受理 (3 workdays, 不予受理) → 领取受理结果", () => {
    expect(taskLabels(service.flow)).toEqual(["申请调解", "调解组织审查是否受理", "补正材料", "申请人领取受理结果"]);
    const review = task(service.flow, "调解组织审查是否受理");
    expect(review.sla).toEqual({ days: 3, unit: "workday" });
    expect(review.actions.map((action) => action.kind)).toContain("reject");
  });

  it("cites the law's articles and the two 制度 each on their own", () => {
    const titles = service.guide.legalBasis.map((item) => item.title);
    expect(titles).toEqual(expect.arrayContaining(["中华人民共和国劳动争议调解仲裁法", "劳动人事争议调解受理登记制度", "劳动人事争议调解告知引导制度"]));
    const law = service.guide.legalBasis.find((item) => item.title === "中华人民共和国劳动争议调解仲裁法")!;
    expect(law.clause).toContain("第十条");
    expect(law.clause).toContain("第十二条");
    expect(service.materials).toMatchObject([{ name: "调解申请" }]);
  });
});

/**
 * The spec parser against what the document says at the cited lines (read by hand).
 */
import { describe, expect, it } from "vitest";
import { serviceDefinition, type ServiceDefinition, type TaskNode } from "@/runtime/definition/schema";
import { itemBySeq } from "@/tests/support/minorFixtures";
import { parse } from "./spec";

function service(seq: number): ServiceDefinition {
  const [parsed] = parse(itemBySeq(seq)).services;
  return serviceDefinition.parse(parsed);
}

const steps = (s: ServiceDefinition) =>
  s.flow.nodes.filter((node): node is TaskNode => node.type === "task" && node.label !== "补正材料");
const labels = (s: ServiceDefinition) => steps(s).map((node) => node.label);
const step = (s: ServiceDefinition, label: string) => steps(s).find((node) => node.label === label)!;
const kinds = (node: TaskNode) => node.actions.map((action) => action.kind);

describe("spec, 9 clauses: 1 企业社会保险登记规范 (184–406)", () => {
  const s = service(1);

  it("reads 5.x: 即时办结, no legal limit, 不收费, two channels (221–237)", () => {
    expect(s.code).toBe("s001");
    expect(s.guide.legalLimit).toEqual([]);
    expect(s.guide.promisedLimit).toEqual([{ text: "即时办结", days: 0, unit: "instant" }]);
    expect(s.guide.fee).toEqual({ text: "不收费。", free: true });
    expect(s.guide.channels).toEqual(["窗口办理", "市场监管部门登记共享"]);
    expect(s.guide.conditions).toHaveLength(9); // a) … i) (210–219)
    expect(s.guide.conditions[0]).toBe("国有企业");
  });

  it("lists the three 发起 materials, two of them the 附录 A forms (249–251)", () => {
    expect(s.materials.map((m) => m.name)).toEqual(["法定代表人身份证", "新参保单位申报信息采集表", "xx 年度社会保险申报承诺书"]);
    expect(s.materials.every((m) => m.required)).toBe(true);
    expect(s.forms.map((f) => f.title)).toEqual(["新参保单位申报信息采集表", "xx 年度社会保险申报承诺书"]);
    expect(s.materials[1].formId).toBe(s.forms[0].id);
  });

  it("has the four legal bases of clause 9 (333–339)", () => {
    expect(s.guide.legalBasis).toHaveLength(4);
    expect(s.guide.legalBasis[0]).toEqual({ title: "中华人民共和国社会保险法", docNo: "中华人民共和国主席令第三十五号" });
    expect(s.guide.legalBasis[3].docNo).toBe("人社部发〔2012〕11号");
  });

  it("builds 发起 → 受理 → 审核 → 复核 → 办理 with the stated outcomes (253–281)", () => {
    expect(labels(s)).toEqual(["发起", "受理", "审核", "复核", "办理"]);
    expect(kinds(step(s, "受理"))).toEqual(["approve", "correction"]); // 退回材料并一次性告知 (261)
    expect(kinds(step(s, "审核"))).toEqual(["approve", "terminate"]); // 终止业务办理 (277)
    expect(step(s, "审核").checkpoints).toHaveLength(3); // 6.3.1 a)–c)
    expect(step(s, "复核").role).toBe("reviewer"); // 进入复核环节 (275)
    expect(s.flow.derivation).toBe("text");
  });

  it("reads risks and archive rules (289–327)", () => {
    expect(s.guide.risks).toHaveLength(2);
    expect(s.guide.risks[0].control).toBe("通过部门信息共享、申请材料核实等措施，核实申请单位的参保资格");
    expect(s.guide.archive).toMatchObject({ retention: "永久（Y）", storage: "电子档案" });
    expect(s.guide.archive!.catalogue).toHaveLength(6);
  });
});

describe("spec, 9 clauses: 5 机关事业单位职工参保登记规范 (778–922)", () => {
  const s = service(5);

  it("has 2 个工作日 and the 附录 A form as its material (816, 826)", () => {
    expect(s.guide.promisedLimit).toMatchObject([{ days: 2, unit: "workday" }]);
    expect(s.materials).toHaveLength(1);
    expect(s.materials[0]).toMatchObject({ name: "《机关事业单位新增工作人员基本信息表》", formId: "form-1" });
    expect(s.guide.legalBasis).toHaveLength(3);
    expect(s.guide.archive).toBeNull(); // 8 业务档案管理 无。 (870)
  });

  it("builds 申请 → 审核 → 办理 with five 审核要点 (828–852)", () => {
    expect(labels(s)).toEqual(["申请", "审核", "办理"]);
    expect(step(s, "审核").checkpoints).toHaveLength(5);
    expect(kinds(step(s, "办理"))).toContain("terminate"); // 6.3.1 提供材料不规范的，终止业务办理
    expect(step(s, "申请").forms).toEqual([{ formId: "form-1", mode: "edit" }]);
  });
});

describe("spec, 9 clauses with a numbering gap: 9 企业职工参保登记规范 (1284–1440)", () => {
  const s = service(9);

  it("reads limits, materials and legal basis", () => {
    expect(s.guide.promisedLimit).toMatchObject([{ unit: "instant" }]);
    expect(s.materials.map((m) => m.name)).toEqual(["《新增人员申报表》", "劳动合同"]); // 1334
    expect(s.guide.legalBasis).toHaveLength(4);
    expect(s.guide.legalBasis[1]).toMatchObject({ title: "社会保险费申报缴纳管理规定", docNo: "中华人民共和国人力资源和社会保障部令第20号" });
    expect(s.guide.archive?.retention).toBe("100 年（H）"); // 1390
  });

  it("builds 申请 → 受理 → 审核 → 办理 and ignores 6.6 流程图 (1368)", () => {
    expect(labels(s)).toEqual(["申请", "受理", "审核", "办理"]);
    expect(s.forms.map((f) => f.title)).toEqual(["新增人员申报表"]); // 1418 references 《新增人员申报表》
  });
});

describe("spec with three procedures and deep nesting: 18 企业职工个人基本信息变更规范 (2454–2768)", () => {
  const s = service(18);

  it("models the longest procedure 6.3 关键信息变更 with its 退回 branches (2626–2680)", () => {
    expect(labels(s)).toEqual(["申请", "受理", "初审", "复核", "审批", "办理"]);
    expect(kinds(step(s, "初审"))).toEqual(["approve", "terminate"]);
    const back = s.flow.edges.filter((edge) => edge.label?.startsWith("退回"));
    expect(back.map((edge) => edge.label)).toEqual(["退回初审", "退回复核"]);
  });

  it("keeps the materials of the 重要信息变更 scenarios a)–g) (2574–2586)", () => {
    const scenarios = new Set(s.materials.map((m) => m.scenario).filter((x) => x !== null));
    expect(scenarios.size).toBe(7);
    expect(s.materials.find((m) => m.scenario === "变更独生子女父母信息")?.name).toBe("《独生子女父母光荣证》");
  });
});

describe("spec, 10 clauses: 33 社会保险个人权益记录查询打印规范 (4399–4600)", () => {
  const s = service(33);

  it("pairs the 7 风险控制 risk with the 8 防控措施 control and reads 9 档案 (4488–4516)", () => {
    expect(s.guide.risks).toEqual([
      { step: null, risk: "非本人申请的查询业务不审核申请人资格，造成参保人员信息泄露", control: "对非本人申请的查询业务，严格审核申请人资格" },
    ]);
    expect(s.guide.archive?.retention).toBe("10 年（D）");
    expect(s.guide.legalBasis).toHaveLength(4); // 10 相关法律法规 a)–d)
  });

  it("lists materials per applicant type (4464–4472)", () => {
    expect(s.materials.find((m) => m.scenario === "申请人为查询对象本人")?.name).toBe("本人有效身份证");
    expect(new Set(s.materials.map((m) => m.scenario)).size).toBe(5);
    expect(s.forms).toHaveLength(1);
  });
});

describe("spec, card 8 clauses: 34 社会保障卡申领规范 (4602–4727)", () => {
  const s = service(34);

  it("reads the per-channel legal limits under 5.3.1 (4644)", () => {
    expect(s.guide.legalLimit.map((l) => [l.days, l.unit, l.channel])).toEqual([
      [0, "instant", undefined],
      [30, "workday", "批量制发"],
      [5, "workday", "零星制发"],
    ]);
    expect(s.guide.promisedLimit).toMatchObject([{ unit: "instant" }]);
  });

  it("has the legal basis of clause 8, risks of 7.1.1–7.1.3 and no archive clause", () => {
    expect(s.guide.legalBasis.map((b) => b.title)).toEqual(["“中华人民共和国社会保障卡”管理办法", "内蒙古自治区社会保障卡管理办法（暂行）"]);
    expect(s.guide.risks).toHaveLength(3);
    expect(s.guide.risks.every((risk) => risk.control === "核验证件信息")).toBe(true);
    expect(s.guide.archive).toBeNull();
    expect(s.group.category).toBe("社会保障卡服务事项");
  });

  it("builds 受理 → 办结 from the click paths (4656–4690)", () => {
    expect(labels(s)).toEqual(["申请", "受理", "办结"]);
    expect(s.materials.map((m) => m.name)).toContain("有效身份证件"); // 持有效身份证件原件 (4630)
    expect(s.guide.operationNotes.map((note) => note.step)).toEqual(["受理", "办结"]);
  });
});

describe("spec, ecard 7 clauses: 43 电子社会保障卡密码修改与重置 (5510–5591)", () => {
  const s = service(43);

  it("has only a picture flow (6.1/6.2 无。, 5562–5568) and the clause-7 legal basis", () => {
    expect(s.flow.derivation).toBe("minimal");
    expect(s.guide.legalBasis).toHaveLength(2);
    expect(s.guide.risks).toEqual([]);
    expect(s.forms).toEqual([]);
  });
});

describe("spec, work guide: 122 就业见习补贴申领工作指南 (15613–15821)", () => {
  const s = service(122);

  it("takes the legal basis from 2 规范性引用文件 and 5.4 办理时限 (15623–15665)", () => {
    expect(s.guide.legalBasis).toHaveLength(6);
    expect(s.guide.legalBasis[0].docNo).toBe("内人社发〔2019〕14号");
    expect(s.guide.promisedLimit).toMatchObject([{ days: 25, unit: "workday" }]);
    expect(s.guide.notes.map((n) => n.label)).toEqual(expect.arrayContaining(["术语和定义", "补贴标准", "补贴发放时间"]));
  });

  it("lists the six 申请 materials (15681–15687) and both 附录 A forms", () => {
    expect(s.materials).toHaveLength(6);
    expect(s.materials[0].name).toBe("就业见习协议书");
    expect(s.forms.map((f) => f.title)).toEqual(["青年见习协议书", "青年见习人员期满考核鉴定表"]);
  });

  it("builds 受理 → 业务审核 (7 工作日) → 资金拨付 (10 工作日) (15689–15709)", () => {
    expect(labels(s)).toEqual(["申请", "受理", "业务审核", "资金拨付"]);
    expect(kinds(step(s, "受理"))).toEqual(["approve", "correction", "terminate"]);
    expect(step(s, "受理").pausable).toBe(true); // 中止业务办理 (15695)
    expect(step(s, "业务审核").sla).toEqual({ days: 7, unit: "workday" });
    expect(step(s, "资金拨付").sla).toEqual({ days: 10, unit: "workday" });
  });
});

describe("spec, work guide with a 公示 stage: 123 高校毕业生一次性求职补贴 (15825–15998)", () => {
  const s = service(123);

  it("makes 人员信息公示 a public-notice step of 5 工作日 (15927–15929)", () => {
    expect(labels(s)).toEqual(["申请", "学校初审", "人员信息公示", "业务审核", "资金拨付", "备案"]);
    expect(step(s, "人员信息公示")).toMatchObject({ publicNotice: true, sla: { days: 5, unit: "workday" } });
    expect(s.guide.legalBasis).toHaveLength(3);
    expect(s.forms).toHaveLength(2); // 表 A.2, 表 A.3 (15966, 15980); A.1 is missing
  });

  it("marks the 之一 alternatives as not required (15901–15911)", () => {
    const alternatives = s.materials.filter((m) => !m.required);
    expect(alternatives).toHaveLength(5);
    expect(alternatives[0]).toMatchObject({ scenario: "残疾高校毕业生", name: "《中华人民共和国残疾人证》" });
  });
});

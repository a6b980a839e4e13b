/**
 * The guide25 parser against what the document says at the cited lines (read by hand).
 */
import { describe, expect, it } from "vitest";
import { serviceDefinition, type ServiceDefinition, type TaskNode } from "@/runtime/definition/schema";
import { parse, parseStepChain } from "./guide25";
import { itemBySeq } from "@/tests/support/minorFixtures";

function service(seq: number): ServiceDefinition {
  const [parsed] = parse(itemBySeq(seq)).services;
  return serviceDefinition.parse(parsed);
}

const steps = (s: ServiceDefinition) =>
  s.flow.nodes.filter((node): node is TaskNode => node.type === "task" && node.label !== "补正材料");
const labels = (s: ServiceDefinition) => steps(s).map((node) => node.label);
const step = (s: ServiceDefinition, label: string) => steps(s).find((node) => node.label === label)!;
const kinds = (node: TaskNode) => node.actions.map((action) => action.kind);

describe("guide25, 25 headings: 45 机关事业单位职工提前退休待遇申领 (5677–5883)", () => {
  const s = service(45);

  it("reads the one-line fields (5709–5756)", () => {
    expect(s.guide.levels).toEqual(["region", "league", "banner"]);
    expect(s.guide.audience).toEqual(["自然人"]);
    expect(s.guide.caseType).toBe("promised");
    expect(s.guide.legalLimit).toEqual([]);
    expect(s.guide.promisedLimit).toEqual([{ text: "15个工作日", days: 15, unit: "workday" }]);
    expect(s.guide.channels).toEqual(["网上办理"]);
    expect(s.guide.onlineAddress).toBe("https://nmgrs.12333k.cn/wbdt_portal/");
    expect(s.guide.officeAddress).toBe("内蒙古自治区各级社会保险经办机构");
    expect(s.guide.fee).toBeNull(); // guide25 has no 收费 heading
    expect(s.guide.conditions).toHaveLength(7);
    expect(s.guide.notes.map((n) => n.label)).toEqual(["后台审批使用系统建设方式", "系统名称", "反馈渠道", "是否网办"]);
  });

  it("reads the 13-row 材料列表 (5761–5774)", () => {
    expect(s.materials).toHaveLength(13);
    expect(s.materials[0]).toMatchObject({
      name: "身份证",
      source: "自备",
      kind: "原件、复印件",
      copies: 1,
      medium: "纸质",
      required: true,
      keepPaper: false,
      obtainableBySharing: true,
    });
    expect(s.materials[11]).toMatchObject({ name: "特殊工种认定材料", source: "人社厅" });
  });

  it("has four legal bases with their articles (5695–5707)", () => {
    expect(s.guide.legalBasis).toHaveLength(4);
    expect(s.guide.legalBasis[0]).toMatchObject({ title: "中华人民共和国社会保险法" });
    expect(s.guide.legalBasis[0].clause).toMatch(/^第十六条/);
    expect(s.guide.legalBasis[2].docNo).toBe("内政办发〔2015〕127号");
  });

  it("reads 前置校验, 业务共享需求 and 事项风险点 (5814–5833)", () => {
    expect(s.guide.preChecks).toHaveLength(4);
    expect(s.guide.preChecks[0]).toEqual({ check: "是否有欠费", who: "个人", mandatory: true });
    expect(s.guide.dataSharing).toHaveLength(2);
    expect(s.guide.dataSharing[0]).toMatchObject({ need: "社保卡查询", method: "接口调用", provider: "社保卡系统" });
    expect(s.guide.risks).toHaveLength(5);
    expect(s.guide.risks[0].step).toBe("统一受理");
  });

  it("finds the two forms of 二十五、业务表单 and links them to materials (5837–5883)", () => {
    expect(s.forms.map((f) => f.title)).toEqual([
      "机关事业单位基本养老保险待遇申领表",
      "机关事业单位基本养老保险参保人员业务申报表（退休人员）",
    ]);
    expect(s.materials.find((m) => m.name === "《机关事业单位基本养老保险待遇申领表》")?.formId).toBe("form-1");
  });

  it("builds 受理 → 结果反馈 with the prose branches (5786–5810) and the legal basis's 补正 loop (5703)", () => {
    expect(labels(s)).toEqual(["申请", "受理", "结果反馈"]);
    // 不予受理 (5790); 一次性告知…补充和更正的资料 in the legal basis (5703)
    expect(kinds(step(s, "受理"))).toEqual(["approve", "correction", "reject"]);
    expect(kinds(step(s, "结果反馈"))).toEqual(["complete", "terminate"]); // 业务终止 (5796)
    expect(step(s, "受理").checkpoints).toHaveLength(2);
    expect(s.guide.operationNotes.map((n) => n.step)).toEqual(["受理", "经办"]);
  });
});

describe("guide25 with scenario sub-tables: 46 恢复机关事业单位养老保险待遇申请 (5885–6048)", () => {
  it("labels each sub-table's materials with its scenario (5955–5975)", () => {
    const s = service(46);
    expect(s.materials.map((m) => m.scenario)).toEqual(["失踪", "失踪", "通缉", "通缉", "恢复", "恢复"]);
    expect(s.guide.promisedLimit).toMatchObject([{ days: 10, unit: "workday" }]);
  });
});

describe("guide25 with 26 headings: 52 退役军人养老保险关系转入 (6977–7104)", () => {
  it("keeps 结果反馈 as a note and reads 申请材料列表 / 政策设定依据", () => {
    const s = service(52);
    expect(s.guide.notes.find((n) => n.label === "结果反馈")?.text).toContain("线上反馈");
    expect(s.forms).toEqual([]); // 二十五 业务表单 无。 (7094)
    expect(s.guide.legalBasis.length).toBeGreaterThan(0);
  });
});

describe("guide25 with 24 headings: 53 视同缴费年限认定申请 (7106–7267)", () => {
  it("has no 办事地址 and a 受理—审核—结果反馈 chain (7194)", () => {
    const s = service(53);
    expect(s.guide.officeAddress).toBeNull();
    expect(labels(s)).toEqual(["申请", "受理", "审核", "结果反馈"]);
  });
});

describe("guide25 with a 公示 step: 56 企业职工提前退休申请 (7615–7770)", () => {
  it("makes 公示 a step of its own (7713); with no period stated, staff close it rather than a timer", () => {
    const s = service(56);
    expect(labels(s)).toEqual(["申请", "受理", "审核", "公示", "结果反馈"]);
    expect(step(s, "公示").publicNotice).toBe(false);
    expect(step(s, "公示").role).toBe("caseworker");
    expect(s.forms.map((f) => f.title)).toEqual(["企业职工养老保险退休审核认定表"]); // title in the first row (7762)
  });
});

describe("guide25 with a node table: 63 企业职工基本养老保险提前退休（退职）待遇申请 (8612–8816)", () => {
  const s = service(63);

  it("builds the flow from 节点名称⇥经办科室/角色⇥节点经办时限 with SLAs (8728–8739)", () => {
    expect(labels(s)).toEqual([
      "申请",
      "前台受理",
      "行政审批",
      "上传行政审批单",
      "缴费信息核实(原‘审批确认’模块)",
      "在职转退休",
      "养老待遇计算",
      "养老待遇复审",
      "待遇发放",
    ]);
    expect(step(s, "前台受理").sla).toEqual({ days: 1, unit: "workday" });
    expect(step(s, "待遇发放").sla).toEqual({ days: 10, unit: "workday" });
    expect(step(s, "行政审批").role).toBe("reviewer");
  });

  it("reads the four scenario sub-tables of 材料列表 (8694–8722) and the form after 结果反馈 (8808)", () => {
    const scenarios = [...new Set(s.materials.map((m) => m.scenario))];
    expect(scenarios).toHaveLength(4);
    expect(scenarios[0]).toBe("特殊工种提前退休需认定视同缴费年限的");
    expect(s.forms.map((f) => f.title)).toEqual(["企业职工养老保险退休审核认定表"]);
  });
});

describe("guide25 with 审核—复核: 70 城乡居民养老保险个人账户一次性待遇申领 (9797–9956)", () => {
  it("builds 受理 → 审核 → 复核 → 结果反馈 (9885) and finds the form without a name list (9918)", () => {
    const s = service(70);
    expect(labels(s)).toEqual(["申请", "受理", "审核", "复核", "结果反馈"]);
    expect(step(s, "复核").role).toBe("reviewer");
    expect(s.forms.map((f) => f.title)).toEqual(["城乡居民基本养老保险注销登记表"]);
  });
});

describe("guide25, 7 headings: 124 职业技能考核鉴定机构备案 (16002–16047)", () => {
  const s = service(124);

  it("reads the legal-basis table with 层级/文号/章节 (16022–16024)", () => {
    expect(s.guide.legalBasis).toEqual([
      { title: "人力资源社会保障部关于实行职业技能考核鉴定机构备案管理的通知", docNo: "人社部发〔2019〕30号", level: "国家", clause: "全文" },
      { title: "关于对各行业职业技能鉴定站实行备案管理的通知", docNo: "内人社办函〔2020〕72号", level: "自治区", clause: "全文" },
    ]);
    expect(s.guide.promisedLimit).toMatchObject([{ days: 25, unit: "workday" }]);
  });

  it("reads the 场景 table, carrying the scenario down (16033–16036)", () => {
    expect(s.materials.map((m) => m.name)).toEqual(["法人资质扫描件", "职业技能鉴定站相关制度", "符合业务开展条件的承诺书"]);
    expect(s.materials.every((m) => m.scenario === "职业技能考核鉴定机构备案申报")).toBe(true);
  });

  it("builds the flow from the node table (16043–16045)", () => {
    expect(labels(s)).toEqual(["申请", "受理", "评估", "结果反馈"]);
    expect(step(s, "受理").sla).toEqual({ days: 25, unit: "workday" });
  });
});

describe("guide25, 6 headings starting at 受理条件: 125 职业技能等级评价机构备案 (16051–16106)", () => {
  it("summarises from 受理条件 and reads the table without 场景 (16091–16095)", () => {
    const s = service(125);
    expect(s.guide.description).toBeUndefined();
    expect(s.summary).toMatch(/^在自治区境内依法登记的独立法人/);
    expect(s.materials).toHaveLength(4);
    expect(s.materials[0]).toMatchObject({ name: "职业技能等级评价机构备案申请表", copies: 1, scenario: null, required: true });
  });
});

describe("guide25, 3 headings: 129 技能人员职业资格证书查询、核验 (16314–16326)", () => {
  it("has only a minimal flow and the query address", () => {
    const s = service(129);
    expect(s.flow.derivation).toBe("minimal");
    expect(s.guide.onlineAddress).toBe("http://www.osta.org.cn/");
    expect(s.guide.legalBasis).toHaveLength(1);
    expect(s.materials).toEqual([]);
  });
});

describe("guide25, 23 headings: 133 就业技能培训结业申请和审批 (16563–16715)", () => {
  it("has neither 办理形式 nor 办事地址 but the four-row legal table (16577–16581)", () => {
    const s = service(133);
    expect(s.guide.channels).toEqual([]);
    expect(s.guide.officeAddress).toBeNull();
    expect(s.guide.levels).toEqual(["league", "banner"]);
    expect(s.guide.audience).toEqual(["企业", "培训机构（含职业院校、技工院校）"]);
    expect(s.guide.legalBasis).toHaveLength(4);
    expect(s.guide.legalBasis[0]).toMatchObject({ level: "国家", docNo: "国发〔2018〕11号", clause: "第2章" });
  });
});

describe("guide25, partial (18 headings): 139 中等职业教育免除学费 (17145–17228)", () => {
  it("reads 申请—反馈 (17209) and keeps 免学费流程 as a note", () => {
    const s = service(139);
    expect(labels(s)).toEqual(["申请", "反馈"]);
    expect(s.guide.promisedLimit).toMatchObject([{ days: 30, unit: "workday" }]);
    expect(s.guide.notes.find((n) => n.label === "免学费流程")?.text).toContain("免学费认定申请表");
    expect(s.guide.legalBasis.map((b) => b.docNo)).toEqual(["财教〔2021〕310号", "内教发〔2021〕13号", "内财教规〔2023〕37号"]);
  });
});

describe("guide25, 17 headings without time limits: 147 和谐劳动关系认定 (19126–19275)", () => {
  it("has no limits, a 申请—受理—办结 chain and two declared forms", () => {
    const s = service(147);
    expect(s.guide.promisedLimit).toEqual([]);
    expect(labels(s)).toEqual(["申请", "受理", "办结"]);
    expect(s.forms.map((f) => f.title)).toEqual(["和谐劳动关系单位申报表", "和谐劳动关系（工业园区）单位认定备案表"]);
  });
});

describe("parseStepChain", () => {
  it("splits the dash chains of 办理环节", () => {
    expect(parseStepChain("受理—审核—公示—结果反馈。")).toEqual(["受理", "审核", "公示", "结果反馈"]);
    expect(parseStepChain("申请—受理—办结。")).toEqual(["申请", "受理", "办结"]);
  });
});

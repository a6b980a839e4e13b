import { describe, expect, it } from "vitest";
import { form as formContract } from "@/runtime/definition/schema";
import { createAjv } from "@/runtime/forms/ajv";
import { formFromBlock } from "./fromBlock";
import { allFields, childTitles, fieldByTitle, officeUseTitles, type SchemaNode } from "@/tests/support/schemaWalk";
import { TEST_BLOCKS, blockById } from "@/tests/support/formBlocks";

const strictAjv = createAjv({ strict: true });

const build = (id: string) => formFromBlock(blockById(id)).schema as SchemaNode;
const field = (schema: SchemaNode, title: string | RegExp) => {
  const found = fieldByTitle(schema, title);
  if (!found) throw new Error(`no field ${String(title)} in:\n${allFields(schema).map((f) => f.schema.title).join(" | ")}`);
  return found;
};
const items = (schema: SchemaNode) => (schema.items as SchemaNode).enum;
/** A form built from `texts`, one document line each (numbered from `first`). */
const fromLines = (id: string, title: string, texts: string[], first = 1) => formFromBlock({ id, title, lines: texts.map((text, i) => ({ no: first + i, text })) });

describe("every test block", () => {
  it.each(TEST_BLOCKS.map((b) => [b.id, b] as const))("%s: a valid contract form with a strict draft-07 schema", (_id, block) => {
    const form = formFromBlock(block);
    expect(() => formContract.parse(form)).not.toThrow();
    expect(form.dialect).toBe("draft-07");
    expect(form.id).toBe(block.id);
    expect(form.source).toEqual({ first: block.lines[0].no, last: block.lines[block.lines.length - 1].no });
    expect(() => strictAjv.compile(form.schema)).not.toThrow();
    const fields = allFields(form.schema as SchemaNode);
    expect(fields.length).toBeGreaterThan(1);
    for (const f of fields) {
      expect(f.key).toMatch(/^(?:f\d{2}(?:_[a-z_]+)?|signed|name|date)$/);
      expect(typeof f.schema.title).toBe("string");
      expect(f.schema.title).toMatch(/\S/);
    }
    // sibling titles are unique
    for (const f of [{ schema: form.schema as SchemaNode }, ...fields]) {
      const titles = childTitles(f.schema);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });
});

describe("tables", () => {
  it("新参保单位申报信息采集表: row-span groups, a matrix, seal and signature lines", () => {
    const schema = build("newEmployerInfo");
    const seal = field(schema, "单位名称（章）");
    expect(seal.schema.$comment).toBe("attestation:seal");
    expect(seal.required).toBe(true);
    expect(field(schema, "统一信用代码").schema.format).toBe("cn-credit-code");
    const licence = field(schema, "工商登记执照信息").schema;
    expect(childTitles(licence)).toEqual(["登记机关", "企业类型", "成立日期", "营业期限", "法定代表人", "身份证号码", "联系电话"]);
    expect(field(licence, "成立日期").schema.format).toBe("date");
    expect(field(licence, "身份证号码").schema.format).toBe("cn-resident-id");
    expect(field(licence, "联系电话").schema.format).toBe("cn-phone");
    expect(childTitles(field(schema, "缴费单位专管人员").schema)).toEqual(["姓名", "联系电话"]);
    const insurance = field(schema, "参加险种及日期").schema;
    expect(childTitles(insurance)).toEqual(["养老保险", "失业保险", "工伤保险"]);
    expect(field(insurance, "参保人数").schema.type).toBe("integer");
    expect(field(insurance, "参保时间").schema.format).toBe("date");
    expect(field(schema, "工伤费率").schema.type).toBe("number");
    for (const title of ["初审签字", "复审签字"]) {
      const signature = field(schema, title);
      expect(signature.schema.$comment).toBe("attestation:signature");
      expect(signature.required).toBe(false); // office use
    }
  });

  it("机关事业单位新增工作人员基本信息表: sample values are placeholders, numbered options become an enum", () => {
    const form = formFromBlock(blockById("newStaffInfo"));
    const schema = form.schema as SchemaNode;
    const name = field(schema, "姓名");
    expect(name.required).toBe(true);
    expect(name.schema.type).toBe("string");
    const id = field(schema, "身份证号");
    expect(id.schema.format).toBe("cn-resident-id");
    expect(id.required).toBe(true);
    expect(field(schema, "户口性质").schema.type).toBe("string");
    expect((form.uiSchema as Record<string, Record<string, unknown>>)[field(schema, "户口性质").key]["ui:placeholder"]).toBe("城镇");
    expect(field(schema, "性别").schema.enum).toEqual(["男", "女"]);
    expect(field(schema, "人员类别").schema.enum).toEqual(["公务员", "机关工勤", "事业单位专业技术", "事业单位管理", "事业单位工人"]);
    expect(field(schema, "是否参加过企业养老").schema.enum).toEqual(["是", "否"]);
    expect(field(schema, "养老建账年月").schema.format).toBe("year-month");
    expect(field(schema, "参加工作时间").schema.format).toBe("date");
    expect(field(schema, "缴费工资").schema).toMatchObject({ type: "number", minimum: 0, format: "amount" });
    expect(field(schema, "年度").schema.type).toBe("integer");
    expect(field(schema, "机关养老参保登记时间（2）")).toBeDefined(); // deduped label
    expect(field(schema, "单位负责人签字").schema.$comment).toBe("attestation:signature");
  });

  it("新增人员申报表: header fields, a 序号 list with required (*) columns", () => {
    const schema = build("newInsuredList");
    expect(field(schema, "单位名称（公章）").schema.$comment).toBe("attestation:seal");
    const list = field(schema, "人员名单");
    expect(list.schema.type).toBe("array");
    expect(list.schema.minItems).toBe(1);
    expect(list.required).toBe(true);
    const item = (list.schema.items as SchemaNode);
    expect(item.required).toEqual(["f01_name", "f02_id_number", "f03_ethnicity", "f04", "f05", "f06_date", "f07", "f08_mobile", "f09_date"]);
    expect(field(list.schema, "参加工作时间").schema.format).toBe("date"); // (YYYYMMDD)
    expect(field(list.schema, "工资").schema.type).toBe("number");
    expect(field(list.schema, "手机号").schema.format).toBe("cn-phone");
    expect(childTitles(list.schema)).not.toContain("序号");
    expect(field(schema, "填报时间").schema.format).toBe("date");
    expect(field(schema, "单位经办人签字").required).toBe(true);
    expect(field(schema, "业务经办人签字").required).toBe(false);
    expect(String(schema.description)).toMatch(/^填写要求/);
  });

  it("工伤保险待遇申请表: letter-spaced labels, a multi-select with counts, numbered rows", () => {
    const schema = build("injuryBenefitApplication");
    expect(field(schema, "护理等级")).toBeDefined();
    expect(field(schema, "工伤部位")).toBeDefined();
    const items14 = field(schema, "申请待遇项目").schema;
    expect(items14.type).toBe("array");
    expect(items14.uniqueItems).toBe(true);
    expect(items(items14)).toHaveLength(14);
    expect(items(items14)).toContain("统筹地外就医交通费");
    expect(field(schema, "医疗费发票张数").schema.type).toBe("integer");
    expect(field(schema, "是否因第三人原因造成工伤").schema.enum).toEqual(["是", "否"]);
    const advances = field(schema, "单位（个人）垫付项目").schema;
    expect(advances.type).toBe("array");
    expect(field(advances, "已垫付金额").schema).toMatchObject({ type: "number", format: "amount" });
    expect(childTitles(field(schema, "支付账户信息（单位）").schema)).toEqual(["开户银行", "户名", "银行账号"]);
    expect(field(schema, "工伤职工签名").schema.required).toEqual(["signed", "name", "date"]);
    expect(field(schema, "单位盖章").schema.$comment).toBe("attestation:seal");
  });

  it("城乡居民变更登记表: title row skipped, sample rows, an attestation column", () => {
    const schema = build("ruralPensionChange");
    expect(childTitles(schema)[0]).toBe("填报单位嘎查村（社区）");
    expect(field(schema, "变更时间").schema.format).toBe("year-month");
    const list = field(schema, "人员名单").schema;
    expect(childTitles(list)).toEqual(["姓名", "公民身份号码", "变更项目名称", "变更前", "变更后", "备注", "本人确认"]);
    expect(field(list, "本人确认").schema.$comment).toBe("attestation:signature");
    expect(field(schema, "嘎查村（社区）委会填表人（签章）").required).toBe(true);
    expect(field(schema, "旗县（市、区）社保机构审核人（签章）").required).toBe(false);
  });

  it("待遇申领表: checkboxes before and after options, <p> cells, (不填写)", () => {
    const form = formFromBlock(blockById("pensionClaim"));
    const schema = form.schema as SchemaNode;
    expect(field(schema, "是否领导职务").schema.enum).toEqual(["是", "否"]);
    expect(field(schema, "申办业务类型").schema.enum).toEqual(["养老金", "病残津贴"]);
    expect(field(schema, "申报日期").schema.format).toBe("year-month");
    const personalNo = field(schema, "个人编号");
    expect((form.uiSchema as Record<string, Record<string, unknown>>)[personalNo.key]["ui:readonly"]).toBe(true);
    expect(personalNo.required).toBe(false);
    expect(field(schema, "开户银行名称")).toBeDefined();
    expect(field(schema, "本人签名").required).toBe(true);
    expect(field(schema, "制表日期").schema.format).toBe("date");
  });

  it("退休人员业务申报表: header fields before the table, grouped column headers", () => {
    const schema = build("retireeChanges");
    expect(childTitles(schema).slice(0, 3)).toEqual(["单位名称（盖章）", "社会保险登记编码", "填报时间"]);
    const list = field(schema, "人员名单").schema;
    expect(childTitles(field(list, "减少").schema)).toEqual(["死亡", "失踪", "判刑"]);
    expect(field(schema, "社保经办机构经办人").schema.$comment).toBe("attestation:signature");
    expect(field(schema, "社保经办机构经办人").required).toBe(false);
  });

  it("个人求职登记表 (○): circle options, consents as booleans, date-range rows, office section", () => {
    const schema = build("jobSeekerCircles");
    expect(field(schema, "户籍类别").schema.enum).toEqual(["农业", "非农"]);
    expect(field(schema, "职位").schema.enum).toEqual(["管理", "技术", "普工", "营销", "服务", "辅助", "其他"]);
    expect(field(schema, "是否同意向用工单位提供联系方式").schema.type).toBe("boolean");
    const history = field(schema, "个人工作、培训经历").schema;
    expect(history.type).toBe("array");
    expect(childTitles(field(history, "起止日期").schema)).toEqual(["开始", "结束"]);
    expect(field(schema, "本人签字").schema.required).toEqual(["signed", "name", "date"]);
    const followUp = allFields(schema).filter((f) => /服务情况记录/.test(String(f.schema.title)));
    expect(followUp.length).toBeGreaterThan(0);
    expect(followUp.every((f) => !f.required)).toBe(true);
  });

  it("个人求职登记表 (☐): single vs multiple choices, a list titled by its first cell", () => {
    const schema = build("jobSeekerBoxes");
    expect(field(schema, "户籍性质").schema.enum).toEqual(["农业户籍", "非农业户籍"]);
    expect(field(schema, "职业状态").schema.enum).toEqual(["在职", "失业", "待业"]);
    expect(items(field(schema, "属于哪类重点人群").schema)).toContain("高校毕业生");
    expect(items(field(schema, "工作地点").schema)).toContain("本地");
    expect(childTitles(field(schema, "学习培训工作简历（高中以后）").schema)).toEqual(["起时间", "止时间", "学校/工作单位", "专业工种"]);
  });

  it("讨薪线索信息汇总表: header fields and a list with an 例： row", () => {
    const schema = build("wageClaimLeads");
    expect(childTitles(schema).slice(0, 3)).toEqual(["登记人", "移交人", "接收人"]);
    const list = field(schema, "人员名单").schema;
    expect(childTitles(list)).toEqual(["来电时间", "拟办单号", "姓名", "身份证号码", "电话号码", "举报线索简述"]);
    expect(String(list.description)).toMatch(/^例：/);
  });

  it("流动党员确认表: checked checkboxes as 有/无 choices with their dates", () => {
    const schema = build("partyRecordCheck");
    expect(field(schema, "转正申请书").schema.enum).toEqual(["有", "无"]);
    expect(field(schema, "中国共产党入党志愿书").schema.enum).toEqual(["有", "无"]);
    expect(field(schema, "入党申请提交时间").schema.format).toBe("date");
    expect(field(schema, "入党介绍人").schema.type).toBe("string");
  });
});

describe("text templates", () => {
  it("承诺书: blanks with labels, seals with dates, the promise text as description", () => {
    const schema = build("declarationLetter");
    expect(field(schema, "单位编号").schema.type).toBe("string");
    expect(field(schema, "承诺单位（公章）").schema.$comment).toBe("attestation:seal");
    expect(field(schema, "单位法人（负责人）签章").schema.required).toEqual(["signed", "name", "date"]);
    expect(String(schema.description)).toMatch(/申报的材料与本单位的职工人数/);
    expect(allFields(schema).some((f) => /承诺$/.test(String(f.schema.title)))).toBe(false);
  });

  it("告知书 / 回执单: year blanks titled by their context", () => {
    const notice = build("stabilityRefundNotice");
    expect(field(notice, "企业（单位）名称").required).toBe(true);
    expect(field(notice, /享受＿年失业保险稳岗返还政策/).schema).toMatchObject({ type: "integer", minimum: 1900 });
    const receipt = build("stabilityRefundReceipt");
    expect(field(receipt, "就业服务中心")).toBeDefined();
    expect(field(receipt, "单位名称（签章）").schema.required).toEqual(["signed", "name", "date"]);
  });

  it("存档证明: a letter-spaced title, the unnamed first blank is 姓名, （个人/单位） alternatives", () => {
    const form = formFromBlock(blockById("archiveCertificate"));
    expect(form.title).toBe("存档证明");
    const schema = form.schema as SchemaNode;
    expect(childTitles(schema).slice(0, 3)).toEqual(["姓名", "性别", "身份证号"]);
    expect(field(schema, "姓名").required).toBe(true);
    expect(field(schema, /（个人\/单位）/).schema.enum).toEqual(["个人", "单位"]);
    expect(field(schema, /保存至今/).schema.format).toBe("date");
    expect(field(schema, "存档机构名称（盖章）").schema.$comment).toBe("attestation:seal");
  });

  it("经历证明: 出生日期 from its context, repeated lines become a list", () => {
    const schema = build("careerCertificate");
    expect(field(schema, "出生日期").schema.format).toBe("date");
    const repeated = allFields(schema).find((f) => f.schema.type === "array");
    expect(repeated).toBeDefined();
    expect(childTitles(repeated!.schema)[0]).toBe("起止年月");
  });

  it("可行性研究报告（提纲）: outline sections with text areas", () => {
    const form = formFromBlock(blockById("feasibilityOutline"));
    const schema = form.schema as SchemaNode;
    expect(childTitles(schema)).toEqual(["基本情况", "必要性和可行性", "实施条件", "预期效果"]);
    const hardware = field(schema, "硬件设备");
    expect(hardware.schema.description).toMatch(/设备和场地/);
    const ui = form.uiSchema as Record<string, Record<string, Record<string, unknown>>>;
    const section = field(schema, "实施条件").key;
    expect(ui[section][hardware.key]["ui:widget"]).toBe("textarea");
  });

  it("职业培训结业申请审批表: sections around tables, the office section optional", () => {
    const schema = build("trainingCompletion");
    expect(childTitles(schema)).toEqual(["申请结业班期的基本信息", "学员结业考试（核）成绩汇总表", "旗县区就业培训管理部门审核意见"]);
    const results = field(schema, "学员结业考试（核）成绩汇总表");
    expect(results.schema.type).toBe("array");
    expect(field(results.schema, "公民身份号码").schema.format).toBe("cn-resident-id");
    expect(field(schema, "培训时间").schema.type).toBe("object"); // 20 年 月 日至 20 年 月 日
    const office = field(schema, "旗县区就业培训管理部门审核意见");
    expect(office.required).toBe(false);
    expect(field(office.schema, "主管领导签字").schema.$comment).toBe("attestation:signature");
  });

  it("仲裁申请书: bare numbered lines become a list, 申请人 above a date is a signature", () => {
    const schema = build("arbitrationApplication");
    expect(field(schema, "请求事项").schema.type).toBe("array");
    expect(field(schema, "事实和理由").schema.type).toBe("string");
    const applicant = field(schema, "申请人");
    expect(applicant.schema.$comment).toBe("attestation:signature");
    expect(applicant.schema.required).toEqual(["signed", "name", "date"]);
  });

  it("和谐劳动关系单位申报表: label lines with blanks, opinion sections for the office", () => {
    const schema = build("harmoniousEmployer");
    expect(field(schema, "职工人数").schema.type).toBe("integer");
    expect(field(schema, "E-mail").schema.format).toBe("email");
    expect(field(schema, "邮政编码").schema.pattern).toBe("^\\d{6}$");
    expect(field(schema, "传真").schema.format).toBe("cn-phone");
    expect(field(schema, "和谐劳动关系工作情况").schema.type).toBe("string");
    expect(field(schema, "旗县协调劳动关系三方会议推荐申报意见").required).toBe(false);
    expect(field(schema, "协调劳动关系三方会议办公室盖章").required).toBe(false);
  });

  it("缴费通知单: noise is tolerated (digit boxes dropped, (章) cells are seals)", () => {
    const schema = build("contributionNotice");
    const titles = allFields(schema).map((f) => f.schema.title);
    expect(titles).not.toContain("仟");
    expect(field(schema, "缴费单位（章）").schema.$comment).toBe("attestation:seal");
    expect(field(schema, "填表日期").schema.format).toBe("date");
    expect(field(schema, "缴费人数").schema.type).toBe("integer");
  });
});

describe("robustness", () => {
  const odd: [string, unknown][] = [
    ["no lines", { id: "x1", title: "空表", lines: [] }],
    ["missing everything", {}],
    ["null lines", { id: "x2", title: null, lines: [null, { no: "a", text: 3 }, { no: 5 }] }],
    ["only tabs", { id: "x3", title: "t", lines: [{ no: 1, text: "\t\t\t" }, { no: 2, text: "\t" }] }],
    ["bad id", { id: "123 表单", title: "表", lines: [{ no: 1, text: "姓名：_____" }] }],
    ["unbalanced html", { id: "x4", title: "t", lines: [{ no: 1, text: "<p>姓名<input type=\"checkbox\"/>\t<div>○○○\t_____" }] }],
    ["only options", { id: "x5", title: "t", lines: [{ no: 1, text: "○\t<input type=\"checkbox\"/>\t☐ ☐" }] }],
    ["huge cell", { id: "x6", title: "t", lines: [{ no: 1, text: `${"很长的说明".repeat(2000)}\t姓名\t` }] }],
    ["colons only", { id: "x7", title: "t", lines: [{ no: 1, text: "：：：: : ：" }, { no: 2, text: "年 月 日" }] }],
    ["sequence header only", { id: "x8", title: "t", lines: [{ no: 1, text: "序号\t姓名\t身份证号" }] }],
  ];

  it.each(odd)("%s: never throws, returns a usable form", (_name, block) => {
    const form = formFromBlock(block as never);
    expect(form.id).toMatch(/^[a-zA-Z][\w-]*$/);
    expect(form.title.length).toBeGreaterThan(0);
    expect(() => formContract.parse(form)).not.toThrow();
    expect(() => strictAjv.compile(form.schema)).not.toThrow();
    expect(Object.keys((form.schema as SchemaNode).properties as object).length).toBeGreaterThan(0);
  });

  it("is pure: the same block gives the same form, the input is not modified", () => {
    const block = blockById("injuryBenefitApplication");
    const copy = structuredClone(block);
    expect(formFromBlock(block)).toEqual(formFromBlock(block));
    expect(block).toEqual(copy);
  });
});

describe("office-use fields (ui:options.officeUse: left out of the applicant's form)", () => {
  const officeUse = (id: string) => {
    const form = formFromBlock(blockById(id));
    return officeUseTitles(form.schema as SchemaNode, form.uiSchema as SchemaNode);
  };

  it("the office's signatures are marked, the applicant's are not", () => {
    expect(officeUse("newInsuredList")).toEqual(["业务经办人签字"]); // not 单位经办人签字
    expect(officeUse("retireeChanges")).toEqual(["社保经办机构经办人", "审核人", "负责人"]);
    expect(officeUse("ruralPensionChange")).toEqual(["苏木乡镇（街道）社会保障所审核人（签章）", "旗县（市、区）社保机构审核人（签章）"]);
    expect(officeUse("contributionNotice")).toContain("审核人（章）");
    expect(officeUse("declarationLetter")).toEqual([]);
  });

  it("office sections, (不填写) fields; not an option's details nor the name of an approving office", () => {
    expect(officeUse("jobSeekerCircles")).toEqual(["服务情况记录"]);
    expect(officeUse("pensionClaim")).toEqual(["个人编号"]); // (不填写); 退休审批部门 is the applicant's to write
    expect(officeUse("injuryBenefitApplication")).toEqual(["社保经办机构核定意见", "经办人"]);
    expect(officeUse("jobSeekerBoxes")).toEqual([]);
  });

  it("every office-use field is optional", () => {
    let officeFields = 0;
    for (const block of TEST_BLOCKS) {
      const form = formFromBlock(block);
      const titles = new Set(officeUseTitles(form.schema as SchemaNode, form.uiSchema as SchemaNode));
      for (const f of allFields(form.schema as SchemaNode)) {
        if (!titles.has(String(f.schema.title))) continue;
        expect(f.required, `${block.id}: ${String(f.schema.title)}`).toBe(false);
        officeFields++;
      }
    }
    expect(officeFields).toBeGreaterThan(5);
  });
});

describe("outline headings and dotted rows inside a tab grid", () => {
  // 创业培训结业班申请审批表 (document lines 15161–15174, s107)
  const texts = [
    "创业培训结业班申请审批表",
    "",
    "填报时间：",
    "",
    "一、申请结业班期基本信息\t\t\t\t\t\t\t",
    "申请单位 (公章)\t\t\t\t\t\t\t",
    "培训地点\t\t\t\t培训班期\t\t培训时间\t",
    "培训项目\t<input type=\"checkbox\"/> GYB <input type=\"checkbox\"/> SYB <input type=\"checkbox\"/> IYB <input type=\"checkbox\"/> EYB <input type=\"checkbox\"/> 网络创业培训 <input type=\"checkbox\"/> 创业(模拟)实训\t\t\t联系人\t\t联系电话\t",
    "二、学员结业考核成绩汇总表(培训机构填写)\t\t\t\t\t\t\t",
    "身份证号\t姓名\t性别\t人员类别\t联系电话\t考核时间\t考核结果\t参加培训总课时",
    ".....\t\t\t\t\t\t\t",
    "三、就业服务部门审核意见\t\t\t\t\t\t\t",
    "旗县(市、区)就业服务部门审核意见：\t\t\t\t\t\t\t",
    "\t\t\t\t\t\t\t盖章：(公章) 年 月 日",
  ];
  it("创业培训结业班申请审批表: heading rows open sections, a header over dots is a repeating table, the review is the office's", () => {
    const form = fromLines("s107-form-1", "创业培训结业班申请审批表", texts, 15161);
    const schema = form.schema as SchemaNode;
    expect(childTitles(schema)).toEqual(["填报时间", "申请结业班期基本信息", "学员结业考核成绩汇总表", "就业服务部门审核意见"]);
    expect(allFields(schema).map((f) => f.schema.title)).not.toContain("一、申请结业班期基本信息");
    const basic = field(schema, "申请结业班期基本信息").schema;
    expect(basic.type).toBe("object");
    expect(childTitles(basic)).toContain("培训地点");
    const students = field(schema, "学员结业考核成绩汇总表").schema;
    expect(students.type).toBe("array");
    expect(childTitles(students)).toEqual(["身份证号", "姓名", "性别", "人员类别", "联系电话", "考核时间", "考核结果", "参加培训总课时"]);
    expect(field(students, "身份证号").schema.format).toBe("cn-resident-id");
    expect(JSON.stringify(form)).not.toContain("....."); // the dots are no sample value
    const office = officeUseTitles(schema, form.uiSchema as SchemaNode);
    expect(office).toEqual(["就业服务部门审核意见"]);
    expect(field(schema, "就业服务部门审核意见").required).toBe(false);
  });

  it.each(["……", "…", "....."])("a header row over `%s` is a repeating table", (dots) => {
    const schema = fromLines("dots", "名单", ["单位名称：", "姓名\t性别\t联系电话", `${dots}\t\t`]).schema as SchemaNode;
    const list = field(schema, "人员名单").schema;
    expect(list.type).toBe("array");
    expect(childTitles(list)).toEqual(["姓名", "性别", "联系电话"]);
  });
});

describe("instructions that mention a box", () => {
  it("「填表说明：…请在相关选项后的□内打“√”」 is a note of the form, not a choice to tick (s070, s071; found by QA as 「选项」)", () => {
    const form = fromLines("notes", "注销登记表", ["申请人签字： 年 月 日", "填表说明：1.填写“注销原因”一栏时，请在相关选项后的□内打“√”。"]);
    const schema = form.schema as SchemaNode;
    expect(allFields(schema).map((f) => f.schema.title)).not.toContain("选项");
    expect(JSON.stringify(schema.properties)).not.toContain("填表说明");
    expect(schema.description).toContain("填表说明：1.填写“注销原因”一栏时");
  });
});

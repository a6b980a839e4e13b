/**
 * The connectors: named interfaces to the systems a service's 前置校验 and 业务共享需求 ask
 * (社保卡系统, 税务, 市场监管, 户籍 …) and to the platform's own data. Pure and browser-safe:
 * the designer's 校验与共享 tab lists them, the seed binds templates to them
 * (`defaultBindings`), and runtime/connectors runs them.
 *
 * Every connector answers two typed requests about one subject (a person's ID number or a
 * unit's credit code): `check` — the facts asked, each passed or not with a detail — and
 * `lookup` — the connector's record (its `fields`). An HTTP connector does so over HTTP
 * (runtime/connectors/http.ts, configured per deployment); a `platform` one from this
 * platform's database. One that is not configured is checked by hand by the caseworker.
 */
import type { ConnectorBindings, ServiceDefinition } from "./schema";

export interface ConnectorFact {
  key: string;
  /** What passing means, in words: 无欠费. */
  label: string;
}

export interface ConnectorSpec {
  id: string;
  /** The system, as the document names it. */
  system: string;
  kind: "http" | "platform";
  /** The environment variable suffix: CONNECTOR_<ENV>_URL. */
  env: string;
  facts: ConnectorFact[];
  /** The record a lookup returns (all text, null when the system has none). */
  fields: { key: string; label: string }[];
}

const general: ConnectorFact = { key: "general", label: "按校验内容核验通过" };

export const CONNECTORS: ConnectorSpec[] = [
  {
    id: "ssCard",
    system: "社保卡系统",
    kind: "http",
    env: "SS_CARD",
    facts: [{ key: "hasCard", label: "有社会保障卡账户" }],
    fields: [
      { key: "cardNumber", label: "社会保障卡号" },
      { key: "bank", label: "发放银行" },
      { key: "account", label: "发放账号" },
      { key: "status", label: "卡状态" },
    ],
  },
  {
    id: "taxContributions",
    system: "税务（社会保险费征缴）",
    kind: "http",
    env: "TAX",
    facts: [
      { key: "noArrears", label: "无欠费" },
      { key: "noOverpayment", label: "无多缴需退费" },
      { key: "planGenerated", label: "征缴/支付计划状态符合" },
    ],
    fields: [
      { key: "paidUntil", label: "缴费至" },
      { key: "arrearsAmount", label: "欠费金额" },
    ],
  },
  {
    id: "insuranceRecord",
    system: "社会保险业务系统（人社部门）",
    kind: "http",
    env: "INSURANCE",
    facts: [
      { key: "insured", label: "参保状态符合" },
      { key: "noDuplicateInsurance", label: "无重复参保、重复缴费" },
      { key: "accountNormal", label: "个人账户正常" },
      { key: "annuityFunded", label: "年金已做实" },
      { key: "notRetiredInService", label: "未做过在职转退休" },
      { key: "notChildLabour", label: "非童工" },
      { key: "historyVerified", label: "历史缴费信息已核实" },
      { key: "transferEligible", label: "符合转移条件" },
      { key: "paymentStatus", label: "发放状态符合" },
      general,
    ],
    fields: [
      { key: "insuredSince", label: "参保时间" },
      { key: "office", label: "参保经办机构" },
      { key: "status", label: "参保状态" },
      { key: "conclusion", label: "结论" },
    ],
  },
  {
    id: "pensionPayments",
    system: "其他养老待遇发放系统",
    kind: "http",
    env: "PENSION",
    facts: [{ key: "noDuplicatePension", label: "未重复领取养老待遇" }],
    fields: [
      { key: "duplicate", label: "重复发放" },
      { key: "systems", label: "发放系统" },
    ],
  },
  {
    id: "civilRegistry",
    system: "户籍（公安部门）",
    kind: "http",
    env: "CIVIL",
    facts: [{ key: "alive", label: "有生存信息" }],
    fields: [
      { key: "name", label: "姓名" },
      { key: "address", label: "户籍地址" },
      { key: "householdNo", label: "户号" },
      { key: "deathDate", label: "死亡日期" },
    ],
  },
  {
    id: "judicial",
    system: "政法部门（法院、监狱管理、纪检监察）",
    kind: "http",
    env: "JUDICIAL",
    facts: [general],
    fields: [
      { key: "documentType", label: "文书类型" },
      { key: "documentNo", label: "文书编号" },
      { key: "issuedBy", label: "出具机关" },
      { key: "issuedOn", label: "出具日期" },
    ],
  },
  {
    id: "marketRegistry",
    system: "市场监管（市场主体登记）",
    kind: "http",
    env: "MARKET",
    facts: [{ key: "registeredMatches", label: "市场主体登记信息与申请单位一致" }],
    fields: [
      { key: "creditCode", label: "统一社会信用代码" },
      { key: "name", label: "名称" },
      { key: "legalRepresentative", label: "法定代表人" },
      { key: "status", label: "登记状态" },
    ],
  },
  {
    id: "employmentRegistry",
    system: "劳动就业管理信息系统",
    kind: "http",
    env: "EMPLOYMENT",
    facts: [{ key: "statusVerified", label: "人员身份与就业状态核实" }, general],
    fields: [
      { key: "employmentStatus", label: "就业状态" },
      { key: "employer", label: "用工单位" },
      { key: "registeredOn", label: "登记日期" },
    ],
  },
  {
    id: "injuryInsurance",
    system: "工伤保险业务系统",
    kind: "http",
    env: "INJURY",
    facts: [{ key: "insuredAtInjury", label: "工伤参保状态符合" }, { key: "noArrears", label: "无欠缴工伤保险费" }, general],
    fields: [
      { key: "conclusion", label: "鉴定/认定结论" },
      { key: "documentNo", label: "文书编号" },
      { key: "issuedOn", label: "出具日期" },
    ],
  },
  {
    id: "partnerInstitutions",
    system: "协议机构（医疗、辅助器具）",
    kind: "http",
    env: "PARTNERS",
    facts: [general],
    fields: [
      { key: "institution", label: "机构" },
      { key: "documentNo", label: "单据编号" },
      { key: "amount", label: "金额" },
      { key: "issuedOn", label: "日期" },
    ],
  },
  {
    id: "education",
    system: "教育部门（学信网）",
    kind: "http",
    env: "EDUCATION",
    facts: [general],
    fields: [
      { key: "school", label: "毕业院校" },
      { key: "degree", label: "学历" },
      { key: "graduatedOn", label: "毕业时间" },
    ],
  },
  {
    id: "civilAffairs",
    system: "民政、农牧部门",
    kind: "http",
    env: "CIVIL_AFFAIRS",
    facts: [general],
    fields: [
      { key: "category", label: "救助/监测类别" },
      { key: "since", label: "认定时间" },
    ],
  },
  {
    id: "certificates",
    system: "职业资格与技能等级证书查询系统",
    kind: "http",
    env: "CERTIFICATES",
    facts: [general],
    fields: [
      { key: "certificateNo", label: "证书编号" },
      { key: "occupation", label: "职业（工种）" },
      { key: "level", label: "等级" },
    ],
  },
  {
    id: "platformCases",
    system: "本平台：重复申领/重复发放",
    kind: "platform",
    env: "",
    facts: [{ key: "noDuplicateCase", label: "无同一事项的在办或已办结申请" }],
    fields: [{ key: "cases", label: "同一事项的其他申请" }],
  },
  {
    id: "platformMaterials",
    system: "本平台：申请人以往提交的材料",
    kind: "platform",
    env: "",
    facts: [],
    fields: [{ key: "fromCase", label: "来自办件" }],
  },
];

export const connectorById = new Map(CONNECTORS.map((c) => [c.id, c]));

export function connectorLabel(id: string): string {
  return connectorById.get(id)?.system ?? id;
}

/** Keyword rules, first match wins: [pattern on the check text, connector, fact]. */
const CHECK_RULES: [RegExp, string, string][] = [
  [/社保卡/, "ssCard", "hasCard"],
  [/工伤.*(欠缴|欠费)|欠缴工伤/, "injuryInsurance", "noArrears"],
  [/欠费|欠缴/, "taxContributions", "noArrears"],
  [/多缴/, "taxContributions", "noOverpayment"],
  [/征缴计划|支付计划/, "taxContributions", "planGenerated"],
  [/重复提交|重复申领/, "platformCases", "noDuplicateCase"],
  [/重复领取|重复发放/, "pensionPayments", "noDuplicatePension"],
  [/重复参保|重复缴费/, "insuranceRecord", "noDuplicateInsurance"],
  [/市场监督管理局|市场主体/, "marketRegistry", "registeredMatches"],
  [/生存/, "civilRegistry", "alive"],
  [/年金/, "insuranceRecord", "annuityFunded"],
  [/在职转/, "insuranceRecord", "notRetiredInService"],
  [/童工/, "insuranceRecord", "notChildLabour"],
  [/历史缴费/, "insuranceRecord", "historyVerified"],
  [/转入|区划代码/, "insuranceRecord", "transferEligible"],
  [/发放状态|正常发放|政策调整/, "insuranceRecord", "paymentStatus"],
  [/账户|账号|记录完整/, "insuranceRecord", "accountNormal"],
  [/就业|参训|失业/, "employmentRegistry", "statusVerified"],
  [/农牧部门|脱贫|返贫/, "civilAffairs", "general"],
  [/证书/, "certificates", "general"],
  [/资质|协议机构|票据|辅助器具|转院|住院/, "partnerInstitutions", "general"],
  [/工伤|工亡|伤情|供养亲属|长期异地/, "injuryInsurance", "insuredAtInjury"],
  [/参保|退保|已退休|终止/, "insuranceRecord", "insured"],
];

/** [pattern on need + provider, connector]. */
const SHARING_RULES: [RegExp, string][] = [
  [/社保卡|社会保障卡|保障卡/, "ssCard"],
  [/养老待遇重复/, "pensionPayments"],
  [/营业执照|市场监督/, "marketRegistry"],
  [/判决|失踪|通缉|在押|释放|取消待遇|法院|监狱|纪律/, "judicial"],
  [/户口|死亡|生存|公安/, "civilRegistry"],
  [/学历|教育/, "education"],
  [/低保|民政部门/, "civilAffairs"],
  [/劳动用工|就业|监察/, "employmentRegistry"],
  [/辅助器具|医疗机构|协议机构|厂家/, "partnerInstitutions"],
  [/劳动能力鉴定|工伤/, "injuryInsurance"],
  [/.*/, "insuranceRecord"],
];

export function defaultCheckBinding(check: string): { connector: string; fact: string } {
  const rule = CHECK_RULES.find(([pattern]) => pattern.test(check));
  return rule ? { connector: rule[1], fact: rule[2] } : { connector: "insuranceRecord", fact: "general" };
}

export function defaultSharingConnector(need: string, provider = ""): string {
  const text = `${need} ${provider}`;
  return (SHARING_RULES.find(([pattern]) => pattern.test(text)) ?? SHARING_RULES[SHARING_RULES.length - 1])[1];
}

/** A material obtainable by sharing: from the system that issues it, else reused from the applicant's earlier case. */
export function defaultMaterialConnector(name: string): string {
  const rule = SHARING_RULES.slice(0, -1).find(([pattern]) => pattern.test(name));
  return rule ? rule[1] : "platformMaterials";
}

/** The bindings a template comes with: every pre-check, shared-data need and shareable material bound. */
export function defaultBindings(definition: Pick<ServiceDefinition, "guide" | "materials">): ConnectorBindings {
  return {
    preChecks: definition.guide.preChecks.map((p) => ({ check: p.check, ...defaultCheckBinding(p.check) })),
    dataSharing: definition.guide.dataSharing.map((d) => ({ need: d.need, connector: defaultSharingConnector(d.need, d.provider) })),
    materials: definition.materials
      .filter((m) => m.obtainableBySharing === true)
      .map((m) => ({ materialId: m.id, connector: defaultMaterialConnector(m.name) })),
  };
}

/** What the document states and no connector answers (counted by `npm run seed:report`). */
export function unboundItems(definition: Pick<ServiceDefinition, "guide" | "materials" | "connectors">) {
  const b = definition.connectors;
  const bound = (list: { connector: string }[] | undefined, pick: (x: never) => string) =>
    new Set((list ?? []).filter((x) => connectorById.has(x.connector)).map((x) => pick(x as never)));
  const checks = bound(b?.preChecks, (x: { check: string }) => x.check);
  const needs = bound(b?.dataSharing, (x: { need: string }) => x.need);
  const materials = bound(b?.materials, (x: { materialId: string }) => x.materialId);
  return {
    preChecks: definition.guide.preChecks.filter((p) => !checks.has(p.check)).map((p) => p.check),
    dataSharing: definition.guide.dataSharing.filter((d) => !needs.has(d.need)).map((d) => d.need),
    materials: definition.materials.filter((m) => m.obtainableBySharing === true && !materials.has(m.id)).map((m) => m.name),
  };
}

/**
 * The service-definition contract: one zod schema for a public service as the seed,
 * the designer and the runtime all see it. Types are inferred from it; the JSON Schema
 * export (`contract.schema.json`) is generated from it by `npm run contract:export`.
 *
 * Forms inside a definition are JSON Schema **draft-07** (the dialect @rjsf/validator-ajv8
 * and ajv's default class speak), or 2020-12 when a form imported from elsewhere says so in its
 * `$schema` (compiled with `Ajv2020`, runtime/forms/dialect.ts), with an rjsf uiSchema beside each.
 */
import { z } from "zod";

/** A 1-based inclusive line range in the source document. */
export const lineRange = z.object({
  first: z.number().int().positive(),
  last: z.number().int().positive(),
});
export type LineRange = z.infer<typeof lineRange>;

export const limitUnit = z.enum(["workday", "day", "instant"]).nullable();
export type LimitUnit = z.infer<typeof limitUnit>;

/** A time limit as the text states it and as parsed: `15个工作日` → { days: 15, unit: "workday" }. */
export const timeLimit = z.object({
  text: z.string(),
  days: z.number().int().nonnegative().nullable(),
  unit: limitUnit,
  /** When the text gives a limit per channel (线上 / 线下 / 柜台 …). */
  channel: z.string().optional(),
});
export type TimeLimit = z.infer<typeof timeLimit>;

export const level = z.enum(["region", "league", "banner"]);
export type Level = z.infer<typeof level>;

export const legalBasisItem = z.object({
  title: z.string().min(1),
  /** 文号, e.g. 国务院令第586号 */
  docNo: z.string().optional(),
  /** 层级 (国家/自治区 …) where the text gives it */
  level: z.string().optional(),
  /** 章节 / 条款 */
  clause: z.string().optional(),
});

export const preCheck = z.object({
  check: z.string().min(1),
  /** 单位 / 个人 … */
  who: z.string().optional(),
  mandatory: z.boolean().nullable(),
});

export const dataSharingNeed = z.object({
  need: z.string().min(1),
  method: z.string().optional(),
  goal: z.string().optional(),
  provider: z.string().optional(),
  info: z.string().optional(),
});

export const riskPoint = z.object({
  /** The step (业务节点) it belongs to; null when the text does not say. */
  step: z.string().nullable(),
  risk: z.string().min(1),
  control: z.string().optional(),
});

export const operationNote = z.object({
  /** 受理 / 经办 / 审核 … */
  step: z.string().min(1),
  notes: z.array(z.string()),
});

export const archiveRules = z.object({
  types: z.array(z.string()).default([]),
  retention: z.string().optional(),
  storage: z.string().optional(),
  catalogue: z.array(z.string()).default([]),
  text: z.string().optional(),
});

export const guide = z.object({
  /** 事项描述 / 服务内容 */
  description: z.string().optional(),
  conditions: z.array(z.string()),
  /** 自然人 / 法人 / 其他组织 … */
  audience: z.array(z.string()),
  levels: z.array(level),
  /** 即办件 → instant, 承诺件 → promised */
  caseType: z.enum(["instant", "promised"]).nullable(),
  /** 法定办结时限; several when the text gives them per channel. */
  legalLimit: z.array(timeLimit),
  /** 承诺办结时限; several when the text gives them per channel. */
  promisedLimit: z.array(timeLimit),
  channels: z.array(z.string()),
  fee: z.object({ text: z.string(), free: z.boolean() }).nullable(),
  onlineAddress: z.string().nullable(),
  officeAddress: z.string().nullable(),
  legalBasis: z.array(legalBasisItem),
  preChecks: z.array(preCheck),
  dataSharing: z.array(dataSharingNeed),
  risks: z.array(riskPoint),
  archive: archiveRules.nullable(),
  operationNotes: z.array(operationNote),
  /** Anything else the text states under a heading of its own (服务时间, 咨询方式, 注意事项 …). */
  notes: z.array(z.object({ label: z.string().min(1), text: z.string() })).default([]),
});
export type Guide = z.infer<typeof guide>;

export const material = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** 来源渠道: 申请人自备 / 政府部门核发 … */
  source: z.string().nullable(),
  /** 材料类型: 原件 / 复印件 / 原件和复印件 */
  kind: z.string().nullable(),
  copies: z.number().int().nonnegative().nullable(),
  /** 材料形式: 纸质 / 电子 / 纸质或电子 */
  medium: z.string().nullable(),
  required: z.boolean(),
  /** 材料必要性 as written (必要 / 非必要 / 容缺 …) */
  requirementText: z.string().optional(),
  keepPaper: z.boolean().nullable(),
  obtainableBySharing: z.boolean().nullable(),
  /** 场景一 / 失踪 / 在职死亡 … when the list is per scenario */
  scenario: z.string().nullable(),
  /** id of the form (in `forms`) this material is filled from */
  formId: z.string().nullable(),
  note: z.string().optional(),
  /** 证明事项告知承诺制: the applicant may commit (承诺) instead of providing it; checked afterwards (事后核查). */
  commitmentAllowed: z.boolean().optional(),
  /**
   * Required only when the applicant's answer in a form says so (代他人申请 → 授权委托书):
   * the value at JSON pointer `path` of form `form` equals `equals`. `required` stays false.
   */
  requiredWhen: z.object({ form: z.string().min(1), path: z.string().regex(/^(\/[^/]+)+$/), equals: z.string() }).optional(),
});
export type Material = z.infer<typeof material>;

/** A JSON Schema (draft-07) object; validated for real by ajv where it is compiled. */
export const jsonSchemaObject = z.record(z.string(), z.unknown());

export const form = z.object({
  id: z.string().regex(/^[a-zA-Z][\w-]*$/, "表单 id 只能包含字母、数字、下划线和连字符，并以字母开头"),
  title: z.string().min(1),
  /** The platform's default dialect; a schema's own `$schema` (draft-07 or 2020-12) decides how it compiles. */
  dialect: z.literal("draft-07").default("draft-07"),
  schema: jsonSchemaObject,
  uiSchema: z.record(z.string(), z.unknown()).default({}),
  source: lineRange.optional(),
  /**
   * Built by the platform, not copied from a template in the document (the document names the
   * form, or no form, without a sample): what it was built from, with the lines cited.
   */
  generated: z
    .object({
      basis: z.string().min(1),
      from: z.array(z.object({ part: z.string().min(1), first: z.number().int().positive(), last: z.number().int().positive() })).max(20),
    })
    .optional(),
});
export type FormDefinition = z.infer<typeof form>;

/** Staff roles a task is assigned to; `applicant` for steps the applicant performs (补正). */
export const taskRole = z.enum(["applicant", "caseworker", "reviewer"]);
export type TaskRole = z.infer<typeof taskRole>;

export const actionKind = z.enum([
  "submit", // applicant submits / resubmits
  "approve", // the step passes: 受理, 审核通过, 复核通过
  "correction", // 一次性告知: ask the applicant for everything missing at once
  "reject", // 不予受理 / 不予通过
  "terminate", // 终止办理
  "complete", // 办结 / 确认
]);
export type ActionKind = z.infer<typeof actionKind>;

export const action = z.object({
  id: z.string().regex(/^[a-zA-Z][\w-]*$/),
  label: z.string().min(1),
  kind: actionKind,
  /** A reason must be given (refusal, termination, correction list). */
  requiresComment: z.boolean().default(false),
});
export type Action = z.infer<typeof action>;

export const sla = z.object({
  days: z.number().int().nonnegative(),
  unit: z.enum(["workday", "day"]),
});

export const position = z.object({ x: z.number(), y: z.number() });

const nodeBase = {
  id: z.string().regex(/^[a-zA-Z][\w-]*$/),
  label: z.string().min(1),
  position: position.default({ x: 0, y: 0 }),
  source: lineRange.optional(),
};

/**
 * One outcome a decision step offers (认定工伤 / 不予认定工伤, 准予 / 不予, 核定 …): recorded on
 * the case when the step's passing action is taken, shown on the timeline, and naming the
 * document issued for it (`documents` kind `outcome-<id>`).
 */
export const decisionOutcome = z.object({
  id: z.string().regex(/^[a-zA-Z][\w-]*$/),
  label: z.string().min(1).max(40),
  /** 不予… outcomes are unfavourable: the law requires their reasons (说明理由). */
  favourable: z.boolean(),
  /** A reason must be given even for a favourable outcome. */
  requiresReason: z.boolean().default(false),
  /** 核定: the decision states an amount (its label, e.g. 核定金额（元）). */
  amountLabel: z.string().min(1).max(40).optional(),
  /** The title of the document issued for it: 认定工伤决定书. */
  documentTitle: z.string().min(1).max(60),
});
export type DecisionOutcome = z.infer<typeof decisionOutcome>;

export const startNode = z.object({ ...nodeBase, type: z.literal("start") });
export const taskNode = z.object({
  ...nodeBase,
  type: z.literal("task"),
  role: taskRole,
  actions: z.array(action).min(1),
  forms: z
    .array(z.object({ formId: z.string(), mode: z.enum(["view", "edit"]) }))
    .default([]),
  sla: sla.nullable().default(null),
  /** 中止/恢复 allowed on this step */
  pausable: z.boolean().default(false),
  /** The clock does not run while the case waits here (补正 by the applicant, 公示). */
  clockStops: z.boolean().default(false),
  /** A public-notice period (公示): the step completes when its period ends. */
  publicNotice: z.boolean().default(false),
  /** Review checkpoints shown to the caseworker at this step (审核要点). */
  checkpoints: z.array(z.string()).default([]),
  /**
   * 不相容岗位分离: whoever completed the previous staff step of the case (受理 before 审核,
   * 审核 before 复核) may not do this one.
   */
  separateFromPrevious: z.boolean().default(false),
  /**
   * A decision step: the outcomes it offers. Taking the step's `approve` or `complete` action
   * then requires one of them (and its reason, where the outcome requires one).
   */
  outcomes: z.array(decisionOutcome).max(20).optional(),
});
export const gatewayNode = z.object({ ...nodeBase, type: z.literal("gateway") });
export const endNode = z.object({
  ...nodeBase,
  type: z.literal("end"),
  outcome: z.enum(["completed", "refused", "terminated", "withdrawn"]),
});
export const flowNode = z.discriminatedUnion("type", [startNode, taskNode, gatewayNode, endNode]);
export type FlowNode = z.infer<typeof flowNode>;
export type TaskNode = z.infer<typeof taskNode>;
export type EndNode = z.infer<typeof endNode>;

/** A JSON Logic rule (json-logic-js), evaluated over `{ form: {<formId>: data}, … }`. */
export const jsonLogic = z.union([z.record(z.string(), z.unknown()), z.boolean()]);

export const flowEdge = z.object({
  id: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  /** From a task: the action id that takes this edge. */
  action: z.string().optional(),
  /** From a gateway: the JSON Logic condition that takes this edge. */
  condition: jsonLogic.optional(),
  /** From a gateway: the edge taken when no condition holds. */
  isDefault: z.boolean().optional(),
  label: z.string().optional(),
});
export type FlowEdge = z.infer<typeof flowEdge>;

export const flow = z.object({
  nodes: z.array(flowNode).min(2),
  edges: z.array(flowEdge),
  /** How the flow was obtained: from the text's steps, or the smallest flow the text supports. */
  derivation: z.enum(["text", "minimal", "designed"]).default("designed"),
});
export type Flow = z.infer<typeof flow>;

/**
 * A formal document's text for this service (受理通知书, 一次性告知书, 认定工伤决定书 …), editable
 * by the service's administrators and overridable by a local variant (item `document/<kind>`).
 * Kinds: `acceptance`, `correction`, `refusal`, `termination`, `completion`, `outcome-<outcome id>`.
 * `body` is paragraphs separated by blank lines, with placeholders such as {申请人} (see
 * `runtime/definition/documents.ts`).
 */
export const documentTemplate = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
  title: z.string().min(1).max(60),
  body: z.string().min(1).max(8000),
  /** 救济途径: 申请行政复议或者提起行政诉讼 and the time limits; empty for a notice that needs none. */
  rightsNotice: z.string().max(1000).default(""),
});
export type DocumentTemplate = z.infer<typeof documentTemplate>;

export const appendix = z.object({
  /** An item of the document that is not a service of its own, attached here. */
  kind: z.enum(["manual", "notice", "rules", "duplicate", "reference", "template"]),
  title: z.string().min(1),
  text: z.string(),
  source: lineRange.optional(),
});

export const source = z.object({
  document: z.string().min(1),
  /** seq in the document's table of contents (ENTRIES.tsv) */
  entry: z.number().int().positive().optional(),
  layout: z.string().optional(),
  first: z.number().int().positive(),
  last: z.number().int().positive(),
  /** The lines each extracted part came from, keyed by part (guide.conditions, materials, flow, forms.<id> …). */
  parts: z.record(z.string(), lineRange).default({}),
});
export type Source = z.infer<typeof source>;

/**
 * 校验与共享: which connector (runtime/definition/connectors.ts) answers each 前置校验, each
 * 业务共享需求 and each material obtainable by sharing. Optional: a definition without it
 * (older drafts, imports) shows those tables as text and checks nothing.
 */
const connectorId = z.string().regex(/^[a-zA-Z][\w-]{0,63}$/, "接口编码只能包含字母、数字、下划线和连字符");
export const connectorBindings = z.object({
  preChecks: z
    .array(
      z.object({
        /** The 校验内容 as in `guide.preChecks`. */
        check: z.string().min(1).max(1000),
        connector: connectorId,
        /** What the connector is asked (a fact of its answer, e.g. `noArrears`). */
        fact: z.string().regex(/^[a-zA-Z]\w{0,63}$/),
        /** The step (node id) it runs at; the first caseworker step (受理) when absent. */
        step: z.string().max(64).optional(),
      }),
    )
    .max(200)
    .default([]),
  dataSharing: z
    .array(z.object({ need: z.string().min(1).max(1000), connector: connectorId, step: z.string().max(64).optional() }))
    .max(200)
    .default([]),
  /** Materials obtainable by sharing (是否可通过共享获取: 是) and where they come from. */
  materials: z.array(z.object({ materialId: z.string().min(1).max(64), connector: connectorId })).max(200).default([]),
});
export type ConnectorBindings = z.infer<typeof connectorBindings>;

export const serviceDefinition = z.object({
  schemaVersion: z.literal(1).default(1),
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, "事项编码只能包含小写字母、数字和连字符"),
  title: z.string().min(1),
  group: z.object({ part: z.string().min(1), category: z.string().min(1) }),
  summary: z.string(),
  guide,
  materials: z.array(material),
  forms: z.array(form),
  flow,
  appendices: z.array(appendix).default([]),
  source: source.nullable(),
  /**
   * Items (keys of `runtime/definition/variant/items.ts`: `material/<id>`, `guide.fee`,
   * `legalBasis/…`, `node/<id>` …) that local variants of this service may not change or remove.
   */
  locks: z.array(z.string().min(1).max(300)).max(2000).default([]),
  /** The texts of the formal documents (those not given here use the defaults of `runtime/definition/documents.ts`). */
  documents: z.array(documentTemplate).max(40).optional(),
  connectors: connectorBindings.optional(),
});
export type ServiceDefinition = z.infer<typeof serviceDefinition>;
export type ServiceDefinitionInput = z.input<typeof serviceDefinition>;

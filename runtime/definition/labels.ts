/**
 * The words the product shows for its coded vocabulary — roles, case and task statuses,
 * outcomes, flow parts, guide fields — in one place, so the hall, the workbench, the
 * designer and the server's messages say the same thing. Terms follow the guide
 * (申请 → 受理 → 审核 → 复核 → 办理 → 办结). Pure, browser-safe.
 */
import type { StaffRole } from "@/runtime/auth/roles";
import type { ApplicationStatus } from "@/runtime/engine/status";
import type { CaseStatus } from "@/runtime/engine/types";
import type { ActionKind, EndNode, FlowNode, Level, TaskRole } from "./schema";
import type { LintArea } from "./lint";
import type { ChangeKind } from "./diff";

/** Who acts: the applicant, the staff who handle steps (经办 / 复核), the administrators. */
export const roleLabels = {
  applicant: "申请人",
  caseworker: "经办人员",
  reviewer: "复核人员",
  office_admin: "经办机构管理员",
  region_admin: "自治区管理员",
  auditor: "稽核人员",
} as const satisfies Record<TaskRole | StaffRole, string>;

/** The roles a flow step can be assigned to, in the designer's order. */
export const taskRoleLabels: Record<TaskRole, string> = {
  applicant: roleLabels.applicant,
  caseworker: roleLabels.caseworker,
  reviewer: roleLabels.reviewer,
};

export const staffRoleLabels: Record<StaffRole, string> = {
  region_admin: roleLabels.region_admin,
  office_admin: roleLabels.office_admin,
  caseworker: roleLabels.caseworker,
  reviewer: roleLabels.reviewer,
  auditor: roleLabels.auditor,
};

/** A case's status as lists and badges show it. */
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  draft: "草稿",
  submitted: "已提交",
  in_progress: "办理中",
  waiting_applicant: "待补正",
  paused: "已中止",
  completed: "已办结",
  refused: "不予受理/未通过",
  terminated: "已终止",
  withdrawn: "已撤回",
};

/** Where a case stands in the engine (the designer's test run shows it). */
export const caseStateLabels: Record<CaseStatus, string> = {
  running: "办理中",
  waiting_applicant: "等待申请人补正",
  paused: "已中止",
  closed: "已办结",
};

/** A workbench task: nobody holds it yet, or a staff member has claimed it. */
export const taskStatusLabels = { open: "待认领", claimed: "已认领" } as const;

/** How a case ends (the outcome of an end node). */
export const outcomeLabels: Record<EndNode["outcome"], string> = {
  completed: "办结",
  refused: "不予办理",
  terminated: "终止办理",
  withdrawn: "撤回",
};

/** The title of the decision document printed for each outcome. */
export const decisionDocumentTitles: Record<EndNode["outcome"], string> = {
  completed: "办结通知书",
  refused: "不予受理决定书",
  terminated: "终止办理告知书",
  withdrawn: "撤回申请确认书",
};

export const nodeTypeLabels: Record<FlowNode["type"], string> = { start: "开始", task: "办理步骤", gateway: "条件判断", end: "结束" };

/** What an action of a step does. */
export const actionKindLabels: Record<ActionKind, string> = {
  submit: "提交",
  approve: "通过/受理",
  correction: "一次性告知补正",
  reject: "不予受理/不予通过",
  terminate: "终止办理",
  complete: "办结/确认",
};

/** The levels that run a service (行使层级). */
export const levelLabels: Record<Level, string> = { region: "自治区级", league: "盟市级", banner: "旗县（市、区）级" };

/** 即办件 / 承诺件. */
export const caseTypeLabels: Record<"instant" | "promised", string> = { instant: "即办件", promised: "承诺件" };

/** Units of a time limit as the guide states them. */
export const limitUnitLabels: Record<"workday" | "day" | "instant", string> = { workday: "工作日", day: "自然日", instant: "即时办结" };

/** What a case's timeline calls each recorded action (steps' own actions carry their labels). */
export const caseActionLabels: Record<string, string> = {
  create: "创建草稿",
  submit: "提交申请",
  withdraw: "撤回申请",
  pause: "中止办理",
  resume: "恢复办理",
  timer: "期限到达",
  attach: "上传材料",
  detach: "删除材料",
  claim: "认领任务",
  release: "释放任务",
  issueDocument: "出具文书",
};

/** The top-level fields of a service definition and its group (part and category). */
export const definitionFieldLabels: Record<string, string> = {
  code: "事项编码",
  title: "事项名称",
  summary: "事项概述",
  group: "分类",
  part: "所属部分",
  category: "分类",
  guide: "办事指南",
  materials: "材料",
  forms: "表单",
  flow: "流程",
  source: "来源",
};

/** The fields of a service's guide (办事指南). */
export const guideFieldLabels: Record<string, string> = {
  description: "事项描述",
  conditions: "办理条件",
  audience: "服务对象",
  levels: "办理层级",
  caseType: "办件类型",
  legalLimit: "法定办结时限",
  promisedLimit: "承诺办结时限",
  channels: "办理渠道",
  fee: "收费",
  onlineAddress: "网上办理地址",
  officeAddress: "窗口办理地址",
  legalBasis: "设定依据",
  preChecks: "前置核验",
  dataSharing: "数据共享需求",
  risks: "风险点",
  archive: "归档要求",
  operationNotes: "操作要点",
  notes: "其他说明",
};

/** The parts of a definition that lint problems and differences are grouped by. */
export const lintAreaLabels: Record<LintArea, string> = { basic: "基本信息", guide: "办事指南", materials: "材料", flow: "流程", forms: "表单", documents: "文书" };

/** How a part changed between two versions; `moved` when a flow node only moved. */
export const changeKindLabels: Record<ChangeKind | "moved", string> = { added: "新增", removed: "删除", changed: "修改", moved: "移动" };

/** The label of a coded value that arrives as a plain string (from the database or a request); `fallback` (the code itself) when unknown. */
export function labelOf(labels: Readonly<Record<string, string>>, value: string, fallback = value): string {
  return Object.hasOwn(labels, value) ? labels[value] : fallback;
}

/** The rules a local variant must keep (runtime/definition/variant/rules.ts). */
export const variantRuleLabels = {
  locked: "上级锁定的内容不能修改或删除",
  lockRemoved: "不能解除上级设定的锁定",
  limitLonger: "承诺时限只能缩短，不能延长",
  limitRemoved: "上级的承诺时限不能删除",
  limitPastLegal: "承诺时限不能超过法定时限",
  requiredOptional: "必要材料不能改为非必要",
  requiredRemoved: "必要材料不能删除",
  requiredFieldOptional: "必填字段不能改为选填或删除",
  slaLonger: "环节时限只能缩短，不能延长",
  stepRemoved: "上级规定的办理环节不能删除",
} as const;

/** How a local variant treats an item of its parent. */
export const variantItemStateLabels = { inherited: "沿用上级", overridden: "本地修改", added: "本地新增", removed: "本地删除" } as const;

/** Kinds of conflict when a variant is moved onto its parent's new version. */
export const rebaseConflictLabels = {
  bothChanged: "上级和本地都修改了此项",
  removedByParent: "上级删除了本地修改过的此项",
  removedByVariant: "本地删除了上级修改过的此项",
  bothAdded: "上级和本地新增了同一项，内容不同",
  lockedByParent: "上级锁定了本地修改过的此项",
} as const;

/** What a message (消息) is about: the kinds of `Notification` rows (runtime/notify/outbox.ts). */
export const notificationKindLabels = {
  correctionRequested: "补正通知",
  accepted: "受理通知",
  completed: "办结通知",
  refused: "不予通过通知",
  terminated: "终止办理通知",
  decided: "决定通知",
  correctionDueSoon: "补正即将到期",
  taskAssigned: "新的待办",
  stepOverdue: "办理超期",
} as const;
export type NotificationKind = keyof typeof notificationKindLabels;

/** 内控稽核: an auditor's verdict on a sampled case. */
export const findingVerdictLabels = { compliant: "合规", issue: "发现问题" } as const;

/** 告知承诺: where a commitment stands in 事后核查. */
export const commitmentStatusLabels = { committed: "待核查", verified: "核查属实", breached: "承诺不实" } as const;

/**
 * The Chinese name of a request input field (tRPC zod input), for error messages: 「居民身份证号：…」,
 * never `idNumber`. A field not listed is named by nothing rather than by its key.
 */
export const inputFieldLabels: Record<string, string> = {
  name: "姓名",
  idNumber: "居民身份证号",
  phone: "手机号",
  code: "验证码",
  username: "用户名",
  password: "密码",
  newPassword: "新密码",
  currentPassword: "当前密码",
  organisationName: "单位名称",
  creditCode: "统一社会信用代码",
  contactName: "经办人姓名",
  purpose: "验证码用途",
  email: "电子邮箱",
  displayName: "姓名",
  reason: "理由",
  comment: "意见",
  title: "标题",
};

/** `idNumber` → 居民身份证号; a nested path is named by its last named key; null when none is known. */
export function inputFieldLabel(path: readonly PropertyKey[]): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === "string" && inputFieldLabels[key]) return inputFieldLabels[key];
  }
  return null;
}

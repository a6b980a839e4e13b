/** Flows the engine tests run on (test support only). */
import { flow, type Flow } from "@/runtime/definition/schema";

/**
 * 申请 → 受理 (补正 / 不予受理) → 审核 (中止 allowed; 补正 / 终止) → 金额分支 →
 * [复核 (退回审核)] → 办结 → 完成.
 */
export const reviewFlow: Flow = flow.parse({
  nodes: [
    { id: "start", type: "start", label: "申请" },
    {
      id: "accept",
      type: "task",
      label: "受理",
      role: "caseworker",
      actions: [
        { id: "accept", label: "受理", kind: "approve" },
        { id: "askCorrection", label: "一次性告知", kind: "correction" },
        { id: "refuse", label: "不予受理", kind: "reject", requiresComment: true },
      ],
      forms: [
        { formId: "application", mode: "view" },
        { formId: "intake", mode: "edit" },
      ],
      sla: { days: 5, unit: "workday" },
    },
    {
      id: "fix",
      type: "task",
      label: "补正",
      role: "applicant",
      actions: [{ id: "resubmit", label: "提交补正材料", kind: "submit" }],
      forms: [{ formId: "application", mode: "edit" }],
      sla: { days: 30, unit: "day" },
      clockStops: true,
    },
    {
      id: "review",
      type: "task",
      label: "审核",
      role: "reviewer",
      actions: [
        { id: "pass", label: "审核通过", kind: "approve" },
        { id: "askCorrection", label: "一次性告知", kind: "correction" },
        { id: "stop", label: "终止办理", kind: "terminate" },
      ],
      sla: { days: 10, unit: "workday" },
      pausable: true,
    },
    { id: "amountCheck", type: "gateway", label: "金额是否超过一万元" },
    {
      id: "recheck",
      type: "task",
      label: "复核",
      role: "reviewer",
      actions: [
        { id: "pass", label: "复核通过", kind: "approve" },
        { id: "sendBack", label: "退回审核", kind: "reject" },
      ],
      sla: { days: 3, unit: "workday" },
    },
    {
      id: "finish",
      type: "task",
      label: "办结",
      role: "caseworker",
      actions: [{ id: "done", label: "办结", kind: "complete" }],
      sla: { days: 2, unit: "workday" },
    },
    { id: "completed", type: "end", label: "办结", outcome: "completed" },
    { id: "refused", type: "end", label: "不予受理", outcome: "refused" },
    { id: "terminated", type: "end", label: "终止办理", outcome: "terminated" },
  ],
  edges: [
    { id: "e-start", from: "start", to: "accept" },
    { id: "e-accept", from: "accept", to: "review", action: "accept" },
    { id: "e-accept-fix", from: "accept", to: "fix", action: "askCorrection" },
    { id: "e-refuse", from: "accept", to: "refused", action: "refuse" },
    { id: "e-pass", from: "review", to: "amountCheck", action: "pass" },
    { id: "e-review-fix", from: "review", to: "fix", action: "askCorrection" },
    { id: "e-stop", from: "review", to: "terminated", action: "stop" },
    {
      id: "e-large",
      from: "amountCheck",
      to: "recheck",
      label: "超过一万元",
      condition: { ">": [{ var: "form.application.amount" }, 10000] },
    },
    { id: "e-small", from: "amountCheck", to: "finish", label: "一万元以内", isDefault: true },
    { id: "e-recheck", from: "recheck", to: "finish", action: "pass" },
    { id: "e-send-back", from: "recheck", to: "review", action: "sendBack" },
    { id: "e-done", from: "finish", to: "completed", action: "done" },
  ],
});

/** 申请 → 受理 → 公示 (5 个工作日, 时钟停止) → 办结 → 完成. */
export const noticeFlow: Flow = flow.parse({
  nodes: [
    { id: "start", type: "start", label: "申请" },
    {
      id: "accept",
      type: "task",
      label: "受理",
      role: "caseworker",
      actions: [{ id: "accept", label: "受理", kind: "approve" }],
    },
    {
      id: "notice",
      type: "task",
      label: "公示",
      role: "caseworker",
      actions: [
        { id: "noticeEnded", label: "公示期满", kind: "complete" },
        { id: "objection", label: "公示有异议", kind: "reject", requiresComment: true },
      ],
      sla: { days: 5, unit: "workday" },
      clockStops: true,
      publicNotice: true,
    },
    {
      id: "finish",
      type: "task",
      label: "办结",
      role: "caseworker",
      actions: [{ id: "done", label: "办结", kind: "complete" }],
    },
    { id: "completed", type: "end", label: "办结", outcome: "completed" },
    { id: "refused", type: "end", label: "公示有异议，不予办理", outcome: "refused" },
  ],
  edges: [
    { id: "n1", from: "start", to: "accept" },
    { id: "n2", from: "accept", to: "notice", action: "accept" },
    { id: "n3", from: "notice", to: "finish", action: "noticeEnded" },
    { id: "n4", from: "notice", to: "refused", action: "objection" },
    { id: "n5", from: "finish", to: "completed", action: "done" },
  ],
});

/** 申请 → 资格分支 (年满60周岁 → 待遇核定; 无默认出口) or straight to 不予受理 by condition. */
export const eligibilityFlow: Flow = flow.parse({
  nodes: [
    { id: "start", type: "start", label: "申请" },
    { id: "eligible", type: "gateway", label: "是否符合条件" },
    {
      id: "grant",
      type: "task",
      label: "待遇核定",
      role: "caseworker",
      actions: [{ id: "done", label: "办结", kind: "complete" }],
    },
    { id: "completed", type: "end", label: "办结", outcome: "completed" },
    { id: "refused", type: "end", label: "不符合申领条件", outcome: "refused" },
  ],
  edges: [
    { id: "g0", from: "start", to: "eligible" },
    { id: "g1", from: "eligible", to: "grant", condition: { ">=": [{ var: "applicant.age" }, 60] } },
    { id: "g2", from: "eligible", to: "refused", label: "未达到领取年龄", condition: { "<": [{ var: "applicant.age" }, 60] } },
    { id: "g3", from: "grant", to: "completed", action: "done" },
  ],
});

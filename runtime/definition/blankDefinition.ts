/**
 * The definition a new, blank service starts from: the smallest flow that passes the lint
 * (申请 → 受理 → 办结 / 不予受理), one application form with a signature, and that form as
 * its one required material.
 */
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { blankMaterial, emptyGuide, taskDefaults } from "@/runtime/definition/blankParts";
import { attestationSchema, attestationUiSchema } from "@/runtime/forms/attestation";
import { FORMAT } from "@/runtime/forms/formats";

export function blankDefinition(code: string, title: string, group: ServiceDefinition["group"]): ServiceDefinition {
  return {
    schemaVersion: 1,
    code,
    title,
    group,
    summary: "",
    guide: {
      ...emptyGuide(),
      audience: ["自然人"],
      levels: ["region"],
      caseType: "promised",
      channels: ["网上办理", "窗口办理"],
      fee: { text: "不收费", free: true },
    },
    materials: [blankMaterial({ id: "m1", name: "申请表", source: "申请人填写", formId: "application" })],
    forms: [
      {
        id: "application",
        title: "申请表",
        dialect: "draft-07",
        schema: {
          type: "object",
          required: ["name", "idNumber", "signature"],
          properties: {
            name: { type: "string", title: "姓名", minLength: 1 },
            idNumber: { type: "string", title: "公民身份号码", format: FORMAT.residentId },
            phone: { type: "string", title: "联系电话", format: FORMAT.phone },
            signature: attestationSchema("申请人签字", "signature", { required: true, dated: true }),
          },
        },
        uiSchema: { signature: attestationUiSchema("signature") },
      },
    ],
    flow: {
      derivation: "designed",
      nodes: [
        { id: "start", type: "start", label: "申请", position: { x: 0, y: 0 } },
        {
          id: "intake",
          type: "task",
          label: "受理",
          role: "caseworker",
          actions: [
            { id: "accept", label: "受理并办结", kind: "approve", requiresComment: false },
            { id: "refuse", label: "不予受理", kind: "reject", requiresComment: true },
          ],
          ...taskDefaults(),
          forms: [{ formId: "application", mode: "view" }],
          sla: { days: 1, unit: "workday" },
          position: { x: -30, y: 110 },
        },
        { id: "done", type: "end", label: "办结", outcome: "completed", position: { x: -120, y: 250 } },
        { id: "refused", type: "end", label: "不予受理", outcome: "refused", position: { x: 80, y: 250 } },
      ],
      edges: [
        { id: "e1", from: "start", to: "intake" },
        { id: "e2", from: "intake", to: "done", action: "accept" },
        { id: "e3", from: "intake", to: "refused", action: "refuse" },
      ],
    },
    appendices: [],
    source: null,
    locks: [],
  };
}

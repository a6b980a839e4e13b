/**
 * Items 45 (机关事业单位职工提前退休待遇申领), 47 (机关事业单位工作人员基本养老保险待遇申领) and
 * 53 (视同缴费年限认定) state in their legal basis that the office tells the applicant at once
 * what to add or correct (一次性告知 … 补充和更正的资料): their 受理 step offers 一次性告知补正,
 * the case goes to the applicant and, resubmitted, back to 受理.
 */
import { describe, expect, it } from "vitest";
import { seededTemplates } from "@/tests/support/seededTemplates";
import { applyEvent, type CaseState } from "@/runtime/engine";
import { basisStatesCorrection } from "./parse/outcomes";

const templates = new Map(seededTemplates().map((t) => [t.code, t]));

describe("correction loop stated in the legal basis", () => {
  it("reads a 补正 path in a legal basis clause, and not in one without it", () => {
    expect(basisStatesCorrection(["……对资料不全或不符合规定的，应一次性告知参保单位需要补充和更正的资料或不予受理的理由。"])).toBe(true);
    expect(basisStatesCorrection(["……应一次性告知申请人不予受理的理由。"])).toBe(false);
    expect(basisStatesCorrection(["参保单位应当将核定结果告知参保人员。"])).toBe(false);
  });

  it.each(["s045", "s047", "s053"])("%s: 受理 asks for correction, the applicant resubmits, 受理 again", (code) => {
    const template = templates.get(code)!;
    expect(template.guide.legalBasis.some((b) => /一次性告知[^。]*补充和更正/.test(b.clause ?? ""))).toBe(true);
    const accept = template.flow.nodes.find((n) => n.type === "task" && n.label === "受理");
    if (accept?.type !== "task") throw new Error("no 受理 step");
    const correction = accept.actions.find((a) => a.kind === "correction");
    expect(correction).toBeDefined();

    const at = "2026-11-23T02:00:00.000Z";
    const submitted = applyEvent(template.flow, null, { type: "submit", at });
    if (!submitted.ok) throw new Error(submitted.error.message);
    const acceptTask = submitted.state.tasks.find((t) => t.nodeId === accept.id)!;
    const asked = applyEvent(template.flow, submitted.state, {
      type: "act",
      at,
      taskId: acceptTask.taskId,
      actionId: correction!.id,
      actor: { role: "caseworker", id: "u1" },
      comment: "材料不全",
      correctionItems: ["按现行人事管理权限审批的退休相关材料"],
    });
    if (!asked.ok) throw new Error(asked.error.message);
    expect(asked.state.status).toBe("waiting_applicant");
    const applicantTask = asked.state.tasks.find((t) => t.role === "applicant")!;
    const resubmit = template.flow.nodes.find((n) => n.id === applicantTask.nodeId);
    const resubmitAction = resubmit?.type === "task" ? resubmit.actions[0] : undefined;
    const back = applyEvent(template.flow, asked.state as CaseState, { type: "act", at, taskId: applicantTask.taskId, actionId: resubmitAction!.id, actor: { role: "applicant", id: "a1" } });
    if (!back.ok) throw new Error(back.error.message);
    expect(back.state.status).toBe("running");
    expect(back.state.tasks.map((t) => t.nodeId)).toEqual([accept.id]);
  });
});

/**
 * 风险点确认: a caseworker cannot pass a step (受理 …) without confirming each of its risk
 * points — the server refuses the act procedure called directly, not only the page — and what
 * was confirmed is in the act's audit event and shown to the reviewer.
 */
import { expect, it } from "vitest";
import { describeOnDatabases } from "../support/testDb";
import { signedIn } from "../support/caller";
import { exampleDefinition, VALID_ID, seededTestDbFor } from "../support/fixtures";

const definition = exampleDefinition();
definition.code = "risk-checklist";
definition.materials.forEach((material) => (material.required = false));
// Two risk points at 受理, one at 审核, one without a step (belongs to no step) and a 「无」.
definition.guide.risks = [
  { step: "统一受理", risk: "未核验申请人身份", control: "通过身份证读卡器核验身份" },
  { step: "受理", risk: "录入的信息与材料不一致" },
  { step: "审核", risk: "待遇计算结果不准确" },
  { step: null, risk: "档案缺失" },
  { step: "复核", risk: "无" },
];
const registration = { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: "单位解除", attestation: true };

describeOnDatabases("risk points as a checklist", (kind) => {
  const t = seededTestDbFor(kind, definition);

  async function filed() {
    const applicant = await signedIn(t.db, "zhangsan");
    const { caseNumber } = await applicant.caller.applications.submitDirect({ code: definition.code, officeId: "150102", formData: { registration }, idempotencyKey: `risk-${Date.now()}-${Math.random()}` });
    const { id } = await t.db.application.findUniqueOrThrow({ where: { caseNumber } });
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    const view = await caseworker.caller.workbench.case({ id });
    return { id, caseworker, view };
  }

  it("lists the step's risk points, and refuses 受理 called directly without their confirmation", async () => {
    const { id, caseworker, view } = await filed();
    expect(view.currentTask!.riskChecklist.map((r) => [r.key, r.risk, r.control])).toEqual([
      ["risk-0", "未核验申请人身份", "通过身份证读卡器核验身份"],
      ["risk-1", "录入的信息与材料不一致", null],
    ]);
    const base = { applicationId: id, taskId: view.currentTask!.taskId, actionId: "accept", rowVersion: view.application.rowVersion };
    await expect(caseworker.caller.workbench.act(base)).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("还有 2 项未确认") });
    await expect(caseworker.caller.workbench.act({ ...base, confirmedRisks: ["risk-0"] })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("录入的信息与材料不一致"),
    });
    // A key of another step's risk point confirms nothing here.
    await expect(caseworker.caller.workbench.act({ ...base, confirmedRisks: ["risk-0", "risk-2"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const task = await t.db.task.findUniqueOrThrow({ where: { id: view.currentTask!.taskId } });
    expect(task.status).not.toBe("done");
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).rowVersion).toBe(view.application.rowVersion);

    await caseworker.caller.workbench.act({ ...base, confirmedRisks: ["risk-1", "risk-0"] });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { applicationId: id, action: "act:accept" } });
    expect((event.payload as { riskConfirmations: unknown }).riskConfirmations).toEqual([
      { key: "risk-0", risk: "未核验申请人身份" },
      { key: "risk-1", risk: "录入的信息与材料不一致" },
    ]);
  });

  it("shows the reviewer (and the next steps) who confirmed what; a correction request needs no confirmation", async () => {
    const { id, caseworker, view } = await filed();
    await caseworker.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "accept", confirmedRisks: ["risk-0", "risk-1"], rowVersion: view.application.rowVersion });
    const other = await signedIn(t.db, "xincheng.caseworker2");
    let next = await other.caller.workbench.case({ id });
    expect(next.currentTask!.label).toBe("审核");
    await expect(other.caller.workbench.act({ applicationId: id, taskId: next.currentTask!.taskId, actionId: "pass", rowVersion: next.application.rowVersion })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await other.caller.workbench.act({ applicationId: id, taskId: next.currentTask!.taskId, actionId: "pass", confirmedRisks: ["risk-2"], rowVersion: next.application.rowVersion });

    const reviewer = await signedIn(t.db, "xincheng.reviewer");
    next = await reviewer.caller.workbench.case({ id });
    expect(next.currentTask!.label).toBe("复核");
    expect(next.currentTask!.riskChecklist).toEqual([]); // 「无」 is no risk point
    expect(next.riskConfirmations.map((s) => [s.actionLabel, s.actorName, s.items.map((i) => i.risk)])).toEqual([
      ["受理", "新城区经办员", ["未核验申请人身份", "录入的信息与材料不一致"]],
      ["审核通过", "新城区经办员（二）", ["待遇计算结果不准确"]],
    ]);
    // A step without risk points passes as before.
    await reviewer.caller.workbench.act({ applicationId: id, taskId: next.currentTask!.taskId, actionId: "confirm", rowVersion: next.application.rowVersion });

    const second = await filed();
    await second.caseworker.caller.workbench.act({
      applicationId: second.id,
      taskId: second.view.currentTask!.taskId,
      actionId: "askCorrection",
      comment: "材料不全",
      correctionItems: ["失业时间填写有误"],
      rowVersion: second.view.application.rowVersion,
    });
    expect((await t.db.application.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("waiting_applicant");
  });
});

/**
 * 撤回: an applicant withdraws a filed case only before it is accepted (受理), also while correcting
 * what 受理 asked for; never once accepted, decided or closed. The case page is told whether it may
 * (`canWithdraw`), and deleting a draft (the same procedure) keeps working. On the seeded 工伤认定.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { describeOnDatabases } from "../support/testDb";
import { signedIn } from "../support/caller";
import { seededTestDbFor } from "../support/fixtures";
import { serviceDefinition } from "@/runtime/definition/schema";
import { applicantForms } from "@/runtime/definition/requirements";
import { sampleFormData } from "@/runtime/forms/sample";

const template = serviceDefinition.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, "../../seed/templates/s074.json"), "utf8")));
const definition = { ...template, code: "injury-withdrawal", materials: template.materials.map((m) => ({ ...m, required: false })) };
const filledForms = Object.fromEntries(applicantForms(definition).map((f) => [f.id, sampleFormData(f.schema)]));

describeOnDatabases("withdrawing a case (撤回)", (kind) => {
  const t = seededTestDbFor(kind, definition);

  async function filed() {
    const applicant = await signedIn(t.db, "zhangsan");
    const { caseNumber } = await applicant.caller.applications.submitDirect({
      code: definition.code,
      officeId: "150102",
      formData: filledForms,
      idempotencyKey: `withdraw-${Date.now()}-${Math.random()}`,
    });
    const { id } = await t.db.application.findUniqueOrThrow({ where: { caseNumber } });
    return { id, applicant };
  }

  /** Does the current step's `actionId` as `username`. */
  async function act(username: string, id: string, actionId: string, extra: Record<string, unknown> = {}) {
    const staff = await signedIn(t.db, username);
    const view = await staff.caller.workbench.case({ id });
    await staff.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId, rowVersion: view.application.rowVersion, ...extra });
  }

  async function expectRefused(id: string, applicant: Awaited<ReturnType<typeof filed>>["applicant"], message: RegExp) {
    const before = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect((await applicant.caller.applications.get({ id })).canWithdraw).toBe(false);
    await expect(applicant.caller.applications.withdraw({ id, reason: "不想办了" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    const after = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(after).toEqual(before);
    expect(await t.db.auditEvent.count({ where: { applicationId: id, action: "withdraw" } })).toBe(0);
  }

  it("withdraws a case not yet accepted", async () => {
    const { id, applicant } = await filed();
    expect((await applicant.caller.applications.get({ id })).canWithdraw).toBe(true);
    expect(await applicant.caller.applications.withdraw({ id, reason: "已在异地办理" })).toEqual({ deleted: false });
    const mine = await applicant.caller.applications.get({ id });
    expect(mine.application).toMatchObject({ status: "withdrawn", outcome: "withdrawn", outcomeReason: "已在异地办理" });
    expect(mine.canWithdraw).toBe(false);
  });

  it("withdraws a case waiting for the correction 受理 asked for (still not accepted)", async () => {
    const { id, applicant } = await filed();
    await act("xincheng.caseworker", id, "apply-2-correction", { comment: "请补充身份证明", correctionItems: ["请补充提交身份证明"] });
    expect((await applicant.caller.applications.get({ id })).application.status).toBe("waiting_applicant");
    expect((await applicant.caller.applications.get({ id })).canWithdraw).toBe(true);
    await applicant.caller.applications.withdraw({ id });
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).status).toBe("withdrawn");
  });

  it("refuses once accepted, after the decision, and once closed", async () => {
    const { id, applicant } = await filed();
    await act("xincheng.caseworker", id, "apply-2-approve");
    await expectRefused(id, applicant, /^办件已受理，不能撤回申请/);

    await act("xincheng.caseworker2", id, "review-approve");
    await act("xincheng.caseworker", id, "approve-approve", { outcomeId: (definition.flow.nodes.find((n) => n.id === "approve") as { outcomes: { id: string; favourable: boolean }[] }).outcomes.find((o) => o.favourable)!.id });
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).status).toBe("in_progress");
    await expectRefused(id, applicant, /^已作出决定，不能撤回申请/);

    await act("xincheng.caseworker", id, "step-5-complete");
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).status).toBe("completed");
    await expectRefused(id, applicant, /^办件已结束/);
  });

  it("still deletes a draft", async () => {
    const applicant = await signedIn(t.db, "zhangsan");
    const { id } = await applicant.caller.applications.startDraft({ code: definition.code, officeId: "150102" });
    expect(await applicant.caller.applications.withdraw({ id })).toEqual({ deleted: true });
    expect(await t.db.application.findUnique({ where: { id } })).toBeNull();
  });
});

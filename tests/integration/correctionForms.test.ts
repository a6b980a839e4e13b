/**
 * A correction (补正) of form data: the caseworker's one-time notice (一次性告知) names the forms to
 * correct beside the items; the applicant may then change exactly those (and any the 补正 step
 * opens), the case page is told which forms are open and which files may still be deleted, and a
 * form that is not an applicant's cannot be named. As in the seeded templates, the 补正 step here
 * opens no form of its own.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { loadSessionUser } from "@/runtime/auth/session";
import { storeUpload } from "@/runtime/features/applications/uploads";
import { describeOnDatabases } from "../support/testDb";
import { signedIn } from "../support/caller";
import { exampleDefinition, PNG_BYTES, VALID_ID, seededTestDbFor } from "../support/fixtures";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "hrss-correction-forms-"));

const definition = exampleDefinition();
definition.code = "correction-forms";
definition.materials[0].obtainableBySharing = false;
definition.forms.push(
  { id: "employer", title: "原单位信息", schema: { type: "object", properties: { company: { type: "string", title: "原单位名称", maxLength: 100 } } }, uiSchema: {} } as never,
  { id: "intakeNotes", title: "受理记录", schema: { type: "object", properties: { note: { type: "string", title: "记录", maxLength: 100 } } }, uiSchema: {} } as never,
);
for (const node of definition.flow.nodes) {
  if (node.type !== "task") continue;
  if (node.id === "correction") node.forms = [];
  if (node.id === "intake") node.forms = [...node.forms, { formId: "intakeNotes", mode: "edit" }];
}

const registration = (lostJobOn = "2026-11-20") => ({ name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn, reason: "单位解除", attestation: true });

describeOnDatabases("forms named in a correction request", (kind) => {
  const t = seededTestDbFor(kind, definition);

  async function filed() {
    const applicant = await signedIn(t.db, "zhangsan");
    const me = await loadSessionUser(t.db, (await t.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } })).id);
    const { id } = await applicant.caller.applications.startDraft({ code: definition.code, officeId: "150102" });
    await applicant.caller.applications.saveDraft({ id, formData: { registration: registration(), employer: { company: "某某有限公司" } }, rowVersion: 1 });
    const submitted = await storeUpload(t.db, me, { applicationId: id, materialId: "m1", fileName: "身份证.png", bytes: PNG_BYTES });
    expect((await applicant.caller.applications.get({ id })).attachments.map((a) => a.removable)).toEqual([true]);
    await applicant.caller.applications.submit({ id, idempotencyKey: `correction-forms-${id}` });
    return { applicant, me, id, submitted };
  }

  async function askCorrection(id: string, extra: { correctionItems: string[]; correctionForms?: string[]; actionId?: string }) {
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    const view = await caseworker.caller.workbench.case({ id });
    return caseworker.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "askCorrection", comment: "请一次性补正", rowVersion: view.application.rowVersion, ...extra });
  }

  it("lets the applicant change a form the request named, and only that one", async () => {
    const { applicant, id } = await filed();
    await askCorrection(id, { correctionItems: ["失业时间填写有误"], correctionForms: ["registration"] });
    const waiting = await applicant.caller.applications.get({ id });
    expect(waiting.correction).toMatchObject({ editableForms: ["registration"] });
    // The notice lists every form it names (一次性告知): one not mentioned in the items is added.
    expect(waiting.correction!.items).toEqual(["失业时间填写有误", "请修改完善：失业登记表"]);

    const sneaky = applicant.caller.applications.answerCorrection({ id, formData: { registration: registration("2026-11-19"), employer: { company: "改过的单位" } }, rowVersion: waiting.application.rowVersion });
    await expect(sneaky).rejects.toMatchObject({ code: "BAD_REQUEST", message: "补正只能修改要求补正的表单，不能修改：原单位信息" });

    await applicant.caller.applications.answerCorrection({ id, formData: { registration: registration("2026-11-19"), employer: { company: "某某有限公司" } }, rowVersion: waiting.application.rowVersion });
    const stored = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(stored.status).toBe("submitted");
    expect(stored.formData).toEqual({ registration: registration("2026-11-19"), employer: { company: "某某有限公司" } });
    const answered = await t.db.auditEvent.findFirstOrThrow({ where: { applicationId: id, action: "act:resubmit" } });
    expect(answered.payload).toMatchObject({ changed: [{ formId: "registration", fields: ["lostJobOn"] }] });
    const asked = await t.db.auditEvent.findFirstOrThrow({ where: { applicationId: id, action: "act:askCorrection" } });
    expect(asked.payload).toMatchObject({ correctionForms: ["registration"] });
  });

  it("keeps every form closed when the request names none", async () => {
    const { applicant, id } = await filed();
    await askCorrection(id, { correctionItems: ["请补充提交：居民身份证"] });
    const waiting = await applicant.caller.applications.get({ id });
    expect(waiting.correction).toMatchObject({ editableForms: [] });
    const changed = applicant.caller.applications.answerCorrection({ id, formData: { registration: registration("2026-11-19") }, rowVersion: waiting.application.rowVersion });
    await expect(changed).rejects.toMatchObject({ code: "BAD_REQUEST", message: "补正只能修改要求补正的表单，不能修改：失业登记表" });
  });

  it("refuses to name a form that is not the applicant's, or names on another action", async () => {
    const { id } = await filed();
    for (const correctionForms of [["nope"], ["intakeNotes"]]) {
      await expect(askCorrection(id, { correctionItems: ["x"], correctionForms })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("不是申请人填写的表单") });
    }
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    const view = await caseworker.caller.workbench.case({ id });
    await expect(
      caseworker.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "accept", correctionForms: ["registration"], confirmedRisks: view.currentTask!.riskChecklist.map((r) => r.key), rowVersion: view.application.rowVersion }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "只有一次性告知补正可以指定需补正的表单" });
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).status).toBe("submitted");
  });

  it("tells the page which files may be deleted: only those added during the correction", async () => {
    const { applicant, me, id, submitted } = await filed();
    await askCorrection(id, { correctionItems: ["请补充提交：居民身份证"] });
    const added = await storeUpload(t.db, me, { applicationId: id, materialId: "m1", fileName: "补正.png", bytes: PNG_BYTES });
    const files = (await applicant.caller.applications.get({ id })).attachments;
    expect(files.map((f) => [f.id, f.removable])).toEqual([
      [submitted.id, false],
      [added.id, true],
    ]);
  });
  it("a material the notice names is answered with a new file: without one the answer is refused, saying which", async () => {
    const { applicant, me, id } = await filed();
    await askCorrection(id, { correctionItems: ["请补充提交：居民身份证（正反面清晰）"] });
    const answer = async () => applicant.caller.applications.answerCorrection({ id, formData: {}, rowVersion: (await applicant.caller.applications.get({ id })).application.rowVersion });
    await expect(answer()).rejects.toMatchObject({ code: "BAD_REQUEST", message: "一次性告知要求补正的材料还没有上传新的文件：《居民身份证》" });
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).status).toBe("waiting_applicant");
    await storeUpload(t.db, me, { applicationId: id, materialId: "m1", fileName: "身份证-补正.png", bytes: PNG_BYTES });
    await answer();
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).status).not.toBe("waiting_applicant");
  });
});

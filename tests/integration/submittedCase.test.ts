/**
 * A submitted case cannot be rewritten by the applicant: draft saves stop at submission,
 * submitted materials stay, a correction changes only the forms it opened (and says what
 * changed), and office-use fields never come from the applicant, whatever the browser sends.
 */
import { mkdtempSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSessionUser } from "@/runtime/auth/session";
import { storeUpload } from "@/runtime/features/applications/uploads";
import { getStorage } from "@/runtime/storage";
import { databaseKinds } from "../support/testDb";
import { signedIn } from "../support/caller";
import { exampleDefinition, publishService, PNG_BYTES, VALID_ID, seededTestDbFor } from "../support/fixtures";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "hrss-submitted-"));

const definition = exampleDefinition();
definition.code = "submitted-case";
definition.materials[0].obtainableBySharing = false;
const registration = definition.forms[0];
(registration.schema.properties as Record<string, unknown>).handler = { type: "string", title: "经办人", maxLength: 50 };
registration.uiSchema = { ...registration.uiSchema, handler: { "ui:options": { officeUse: true } } };
// A second form the correction step does not open.
definition.forms.push({
  id: "employer",
  title: "原单位信息",
  schema: { type: "object", properties: { company: { type: "string", title: "原单位名称", maxLength: 100 } } },
  uiSchema: {},
} as never);

const form = (lostJobOn = "2026-11-20") => ({ name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn, reason: "单位解除", attestation: true });

describe.each(databaseKinds())("a submitted case on %s", (kind) => {
  const t = seededTestDbFor(kind, definition);

  async function caseWaitingForCorrection() {
    const applicant = await signedIn(t.db, "zhangsan");
    const me = await loadSessionUser(t.db, (await t.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } })).id);
    const { id } = await applicant.caller.applications.startDraft({ code: definition.code, officeId: "150102" });
    await applicant.caller.applications.saveDraft({ id, formData: { registration: form(), employer: { company: "某某有限公司" } }, rowVersion: 1 });
    const submitted = await storeUpload(t.db, me, { applicationId: id, materialId: "m1", fileName: "身份证.png", bytes: PNG_BYTES });
    await applicant.caller.applications.submit({ id, idempotencyKey: `submitted-${id}` });
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    const view = await caseworker.caller.workbench.case({ id });
    await caseworker.caller.workbench.act({
      applicationId: id,
      taskId: view.currentTask!.taskId,
      actionId: "askCorrection",
      comment: "失业时间有误",
      correctionItems: ["失业时间填写有误"],
      rowVersion: view.application.rowVersion,
    });
    const waiting = await applicant.caller.applications.get({ id });
    expect(waiting.application.status).toBe("waiting_applicant");
    return { applicant, me, id, submitted, rowVersion: waiting.application.rowVersion };
  }

  it("refuses a draft save once submitted, even while waiting for a correction", async () => {
    const { applicant, id, rowVersion } = await caseWaitingForCorrection();
    const before = await t.db.application.findUniqueOrThrow({ where: { id } });
    const rewrite = applicant.caller.applications.saveDraft({ id, formData: { employer: { company: "改过的单位" } }, rowVersion });
    await expect(rewrite).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "办件已提交，补正内容请在补正页面提交" });
    expect(await t.db.application.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it("never deletes a submitted material; one added for the correction may go", async () => {
    const { applicant, me, id, submitted } = await caseWaitingForCorrection();
    const row = await t.db.attachment.findUniqueOrThrow({ where: { id: submitted.id } });
    await expect(applicant.caller.applications.removeAttachment({ id, attachmentId: submitted.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "已提交的材料不能删除；如需更正，请上传新的文件",
    });
    expect(await t.db.attachment.findUnique({ where: { id: submitted.id } })).not.toBeNull();
    expect(existsSync(path.join(process.env.DATA_DIR!, row.storageKey))).toBe(true);
    await expect(getStorage().get(row.storageKey)).resolves.toBeDefined();

    const added = await storeUpload(t.db, me, { applicationId: id, materialId: "m1", fileName: "补正.png", bytes: PNG_BYTES });
    await applicant.caller.applications.removeAttachment({ id, attachmentId: added.id });
    expect(await t.db.attachment.findUnique({ where: { id: added.id } })).toBeNull();
  });

  it("changes only the forms the correction opened, and records which fields changed", async () => {
    const { applicant, id, rowVersion } = await caseWaitingForCorrection();
    const sneaky = applicant.caller.applications.answerCorrection({
      id,
      formData: { registration: form("2026-11-19"), employer: { company: "改过的单位" } },
      rowVersion,
    });
    await expect(sneaky).rejects.toMatchObject({ code: "BAD_REQUEST", message: "补正只能修改要求补正的表单，不能修改：原单位信息" });

    // The other form sent unchanged is fine; the opened one changes.
    await applicant.caller.applications.answerCorrection({ id, formData: { registration: form("2026-11-19"), employer: { company: "某某有限公司" } }, rowVersion });
    const stored = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(stored.formData).toEqual({ registration: form("2026-11-19"), employer: { company: "某某有限公司" } });
    const answered = await t.db.auditEvent.findFirstOrThrow({ where: { applicationId: id, action: "act:resubmit" } });
    expect(answered.payload).toMatchObject({ changed: [{ formId: "registration", fields: ["lostJobOn"] }] });
  });

  it("keeps office-use fields out of what the applicant sends", async () => {
    const applicant = await signedIn(t.db, "zhangsan");
    const { id } = await applicant.caller.applications.startDraft({ code: definition.code, officeId: "150102" });
    await applicant.caller.applications.saveDraft({ id, formData: { registration: { ...form(), handler: "自己签的经办人" } }, rowVersion: 1 });
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).formData).toEqual({ registration: form() });

    const direct = exampleDefinition();
    direct.code = "submitted-case-direct";
    (direct.forms[0].schema.properties as Record<string, unknown>).handler = { type: "string", title: "经办人", maxLength: 50 };
    direct.forms[0].uiSchema = { ...direct.forms[0].uiSchema, handler: { "ui:options": { officeUse: true } } };
    await publishService(t.db, direct);
    const { caseNumber } = await applicant.caller.applications.submitDirect({
      code: direct.code,
      officeId: "150102",
      formData: { registration: { ...form(), handler: "自己签的经办人" } },
      idempotencyKey: "office-use-direct-0001",
    });
    expect((await t.db.application.findUniqueOrThrow({ where: { caseNumber } })).formData).toEqual({ registration: form() });
  });
});

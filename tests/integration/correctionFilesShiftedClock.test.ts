/**
 * Submitted materials stay submitted under a shifted case clock too (HRSS_CASE_CLOCK_START, as the
 * demo and the browser tests run): a file uploaded with the application is never offered for
 * deletion nor deleted during a 补正; one added for the 补正 may go.
 */
import { readFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it, vi } from "vitest";
import { loadSessionUser } from "@/runtime/auth/session";
import { storeUpload } from "@/runtime/features/applications/uploads";
import { serviceDefinition } from "@/runtime/definition/schema";
import { applicantForms } from "@/runtime/definition/requirements";
import { sampleFormData } from "@/runtime/forms/sample";
import { describeOnDatabases } from "../support/testDb";
import { signedIn } from "../support/caller";
import { PNG_BYTES, seededTestDbFor } from "../support/fixtures";

// Before runtime/clock is loaded: the case clock runs a year behind real time.
vi.hoisted(() => {
  process.env.HRSS_CASE_CLOCK_START = new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString();
});
process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "hrss-shifted-files-"));

const template = serviceDefinition.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, "../../seed/templates/s074.json"), "utf8")));
const definition = { ...template, code: "injury-shifted-files", materials: template.materials.map((m) => ({ ...m, required: false })) };
const filledForms = Object.fromEntries(applicantForms(definition).map((f) => [f.id, sampleFormData(f.schema)]));

describeOnDatabases("files during a 补正 under a shifted case clock", (kind) => {
  const t = seededTestDbFor(kind, definition);

  it("keeps the submitted file, lets a file added for the 补正 go", async () => {
    const applicant = await signedIn(t.db, "zhangsan");
    const me = await loadSessionUser(t.db, (await t.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } })).id);
    const { id } = await applicant.caller.applications.startDraft({ code: definition.code, officeId: "150102" });
    await applicant.caller.applications.saveDraft({ id, formData: filledForms, rowVersion: 1 });
    const submitted = await storeUpload(t.db, me, { applicationId: id, materialId: "m2", fileName: "劳动合同.png", bytes: PNG_BYTES });
    await applicant.caller.applications.submit({ id, idempotencyKey: `shifted-${id}` });
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    const view = await caseworker.caller.workbench.case({ id });
    await caseworker.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "apply-2-correction", comment: "请补充", correctionItems: ["请补充提交劳动关系证明"], rowVersion: view.application.rowVersion });
    const added = await storeUpload(t.db, me, { applicationId: id, materialId: "m2", fileName: "补正.png", bytes: PNG_BYTES });

    const files = (await applicant.caller.applications.get({ id })).attachments;
    expect(files.map((f) => [f.fileName, f.removable])).toEqual([
      ["劳动合同.png", false],
      ["补正.png", true],
    ]);
    await expect(applicant.caller.applications.removeAttachment({ id, attachmentId: submitted.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "已提交的材料不能删除；如需更正，请上传新的文件",
    });
    await applicant.caller.applications.removeAttachment({ id, attachmentId: added.id });
    expect(await t.db.attachment.count({ where: { applicationId: id } })).toBe(1);
  });
});

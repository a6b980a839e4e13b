import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { signedIn } from "../support/caller";
import { createSeededTestDb, exampleDefinition, publishService, PNG_BYTES, VALID_ID } from "../support/fixtures";
import { storeUpload } from "@/runtime/features/applications/uploads";
import { loadSessionUser } from "@/runtime/auth/session";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "hrss-files-"));

const definition = exampleDefinition();
// Make the identity card a material the applicant must upload.
definition.materials[0].obtainableBySharing = false;
const CODE = definition.code;

const goodForm = (reason: string) => ({
  registration: { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason, attestation: true },
});

describeOnDatabases("applications and the workbench", (kind) => {
  let t: TestDb;
  const user = async (username: string) => loadSessionUser(t.db, (await t.db.user.findUniqueOrThrow({ where: { username } })).id);

  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    await publishService(t.db, definition);
  }, 120_000);
  afterAll(async () => t?.cleanup());

  async function draftWithForms(reason: string) {
    const applicant = await signedIn(t.db, "zhangsan");
    const { id } = await applicant.caller.applications.startDraft({ code: CODE, officeId: "150102" });
    const saved = await applicant.caller.applications.saveDraft({ id, formData: goodForm(reason), rowVersion: 1 });
    expect(saved.rowVersion).toBe(2);
    return { applicant, id };
  }

  it("offers a banner-only service's banners under their league's name (not its code)", async () => {
    const bannerOnly = exampleDefinition();
    bannerOnly.code = "banner-only";
    bannerOnly.guide.levels = ["banner"];
    await publishService(t.db, bannerOnly);
    const applicant = await signedIn(t.db, "zhangsan");
    const offices = await applicant.caller.applications.offices({ code: bannerOnly.code });
    expect(offices.length).toBeGreaterThan(0);
    expect(offices.every((o) => o.level === "banner")).toBe(true);
    expect(offices.find((o) => o.id === "150102")).toMatchObject({ name: "新城区", parentId: "150100", parentName: "呼和浩特市" });
  });

  it("runs a case through correction, review and second review to 办结, submitted once", async () => {
    const { applicant, id } = await draftWithForms("单位解除");
    await storeUpload(t.db, await user("zhangsan"), { applicationId: id, materialId: "m1", fileName: "身份证.png", bytes: PNG_BYTES });
    const first = await applicant.caller.applications.submit({ id, idempotencyKey: "key-0001-abc" });
    expect(first.caseNumber).toMatch(/^NM\d{8}\d{6}$/);
    expect(first.promisedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A double click or a retry returns the same case.
    expect(await applicant.caller.applications.submit({ id, idempotencyKey: "key-0001-abc" })).toEqual(first);
    expect(await t.db.application.count({ where: { caseNumber: first.caseNumber } })).toBe(1);

    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    const inbox = await caseworker.caller.workbench.inbox();
    const item = inbox.find((i) => i.applicationId === id)!;
    expect(item).toMatchObject({ label: "受理", caseNumber: first.caseNumber });
    let view = await caseworker.caller.workbench.case({ id });
    expect(view.currentTask?.actions.map((a) => a.id)).toEqual(["accept", "askCorrection", "refuse"]);
    await caseworker.caller.workbench.claim({ taskId: item.taskId });

    // 一次性告知: the list is required, then the case waits for the applicant.
    await expect(
      caseworker.caller.workbench.act({ applicationId: id, taskId: item.taskId, actionId: "askCorrection", rowVersion: view.application.rowVersion }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "“一次性告知补正”须填写意见或理由" });
    await caseworker.caller.workbench.act({
      applicationId: id,
      taskId: item.taskId,
      actionId: "askCorrection",
      comment: "材料不全",
      correctionItems: ["身份证复印件不清晰", "失业时间填写有误"],
      rowVersion: view.application.rowVersion,
    });
    const waiting = await applicant.caller.applications.get({ id });
    expect(waiting.application.status).toBe("waiting_applicant");
    expect(waiting.correction?.items).toEqual(["身份证复印件不清晰", "失业时间填写有误"]);

    const corrected = goodForm("单位解除");
    corrected.registration.lostJobOn = "2026-11-19";
    await applicant.caller.applications.answerCorrection({ id, formData: corrected, rowVersion: waiting.application.rowVersion });

    view = await caseworker.caller.workbench.case({ id });
    expect(view.application.status).toBe("submitted");
    expect(view.application.formData.registration.lostJobOn).toBe("2026-11-19");
    await caseworker.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "accept", confirmedRisks: ["risk-0"], rowVersion: view.application.rowVersion });

    // The gateway sends 单位解除 to 审核, then 复核 by a reviewer.
    view = await caseworker.caller.workbench.case({ id });
    expect(view.currentTask?.label).toBe("审核");
    await caseworker.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "pass", rowVersion: view.application.rowVersion });
    expect((await caseworker.caller.workbench.case({ id })).currentTask?.canWork).toBe(false);

    const reviewer = await signedIn(t.db, "xincheng.reviewer");
    view = await reviewer.caller.workbench.case({ id });
    expect(view.currentTask?.label).toBe("复核");
    await reviewer.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "confirm", rowVersion: view.application.rowVersion });

    const done = await applicant.caller.applications.get({ id });
    expect(done.application.status).toBe("completed");
    expect(done.timeline.map((e) => e.action)).toEqual(expect.arrayContaining(["create", "submit", "act:askCorrection", "act:resubmit", "act:accept", "act:confirm"]));
    const decision = await applicant.caller.applications.document({ id, kind: "decision" });
    expect(decision.title).toBe("办结通知书");
  });

  it("refuses with a reason, which the applicant sees", async () => {
    const { applicant, id } = await draftWithForms("个人辞职");
    await storeUpload(t.db, await user("zhangsan"), { applicationId: id, materialId: "m1", fileName: "id.png", bytes: PNG_BYTES });
    await applicant.caller.applications.submit({ id, idempotencyKey: "key-0002-abc" });
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    const view = await caseworker.caller.workbench.case({ id });
    const act = (comment?: string) =>
      caseworker.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "refuse", comment, rowVersion: view.application.rowVersion });
    await expect(act()).rejects.toMatchObject({ code: "BAD_REQUEST", message: "“不予受理”须填写意见或理由" });
    expect((await caseworker.caller.workbench.case({ id })).application.rowVersion).toBe(view.application.rowVersion);
    await act("不属于本机构管辖范围");
    const refused = await applicant.caller.applications.get({ id });
    expect(refused.application).toMatchObject({ status: "refused", outcomeReason: "不属于本机构管辖范围" });
    expect((await applicant.caller.applications.document({ id, kind: "decision" })).title).toBe("不予受理决定书");
  });

  it("refuses bad input at every entry point and changes nothing", async () => {
    const applicant = await signedIn(t.db, "zhangsan");
    const { id } = await applicant.caller.applications.startDraft({ code: CODE, officeId: "150102" });
    await expect(applicant.caller.applications.startDraft({ code: CODE, officeId: "999999" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "请选择本事项的办理机构" });

    // Malformed form data: a resident ID with a wrong check digit, and no material.
    const bad = goodForm("其他");
    bad.registration.idNumber = "110105194912310021";
    await applicant.caller.applications.saveDraft({ id, formData: bad, rowVersion: 1 });
    const refused = applicant.caller.applications.submit({ id, idempotencyKey: "key-0003-abc" });
    await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^提交未通过校验：/) });
    const error = (await refused.catch((e: unknown) => e)) as { message: string };
    expect(error.message).toContain("公民身份号码");
    expect(error.message).toContain("缺少必要材料：居民身份证");
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).status).toBe("draft");

    // Files: oversized, wrongly typed, and for a material the service does not have.
    const me = await user("zhangsan");
    await expect(storeUpload(t.db, me, { applicationId: id, materialId: "m1", fileName: "a.png", bytes: new Uint8Array(10 * 1024 * 1024 + 1) })).rejects.toThrow("10 MB");
    await expect(storeUpload(t.db, me, { applicationId: id, materialId: "m1", fileName: "a.pdf", bytes: new TextEncoder().encode("MZ-not-a-pdf") })).rejects.toThrow("不支持的文件类型");
    await expect(storeUpload(t.db, me, { applicationId: id, materialId: "m1", fileName: "a.pdf", bytes: PNG_BYTES })).rejects.toThrow("不支持的文件类型");
    await expect(storeUpload(t.db, me, { applicationId: id, materialId: "nope", fileName: "a.png", bytes: PNG_BYTES })).rejects.toThrow("没有这项材料");
    expect(await t.db.attachment.count({ where: { applicationId: id } })).toBe(0);

    // Another user's case id: not found, for applicants and for another office's staff.
    const other = await signedIn(t.db, "company.demo");
    await expect(other.caller.applications.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "办件不存在或您无权查看" });
    await expect(other.caller.applications.saveDraft({ id, formData: {}, rowVersion: 2 })).rejects.toMatchObject({ code: "NOT_FOUND", message: "办件不存在或您无权查看" });

    // Submit properly, then: an action not allowed now, a stale version, another office.
    await applicant.caller.applications.saveDraft({ id, formData: goodForm("其他"), rowVersion: 2 });
    await storeUpload(t.db, me, { applicationId: id, materialId: "m1", fileName: "id.png", bytes: PNG_BYTES });
    await applicant.caller.applications.submit({ id, idempotencyKey: "key-0004-abc" });
    await expect(applicant.caller.applications.saveDraft({ id, formData: {}, rowVersion: 4 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "办件已提交，不能再修改" });
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    const view = await caseworker.caller.workbench.case({ id });
    const taskId = view.currentTask!.taskId;
    await expect(caseworker.caller.workbench.act({ applicationId: id, taskId, actionId: "confirm", rowVersion: view.application.rowVersion })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "当前环节没有该操作" });
    await expect(caseworker.caller.workbench.act({ applicationId: id, taskId, actionId: "accept", confirmedRisks: ["risk-0"], rowVersion: view.application.rowVersion - 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "办件已被他人更新，请刷新后重试",
    });
    // A neighbouring banner's caseworker (土默特左旗): the case does not exist for them.
    const elsewhere = await signedIn(t.db, "tumed.caseworker");
    await expect(elsewhere.caller.workbench.case({ id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "办件不存在或您无权查看" });
    await expect(elsewhere.caller.workbench.claim({ taskId })).rejects.toMatchObject({ code: "NOT_FOUND", message: "任务不存在或您无权查看" });
    expect((await caseworker.caller.workbench.case({ id })).application.rowVersion).toBe(view.application.rowVersion);
  });

  it("lets only one caseworker claim a task", async () => {
    const { applicant, id } = await draftWithForms("其他");
    await storeUpload(t.db, await user("zhangsan"), { applicationId: id, materialId: "m1", fileName: "id.png", bytes: PNG_BYTES });
    await applicant.caller.applications.submit({ id, idempotencyKey: "key-0005-abc" });
    const a = await signedIn(t.db, "xincheng.caseworker");
    const view = await a.caller.workbench.case({ id });
    await a.caller.workbench.claim({ taskId: view.currentTask!.taskId });
    // A second caseworker of the same office (a demo account).
    const b = await signedIn(t.db, "xincheng.caseworker2");
    await expect(b.caller.workbench.claim({ taskId: view.currentTask!.taskId })).rejects.toMatchObject({ code: "CONFLICT", message: "该任务已被其他人认领" });
    await expect(
      b.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "accept", confirmedRisks: ["risk-0"], rowVersion: view.application.rowVersion }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "该任务已被其他人认领" });
  });
});

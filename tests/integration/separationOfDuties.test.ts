/**
 * 不相容岗位分离: the caseworker who accepted a case (受理) may not also review it (审核) when
 * the step says so — the act and the claim are refused (FORBIDDEN, in Chinese) and the inbox does
 * not offer it — while another caseworker may. And what staff think on internal steps stays with
 * the office: the applicant's view of the case holds no internal opinion.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { signedIn } from "../support/caller";
import { createSeededTestDb, exampleDefinition, publishService, VALID_ID } from "../support/fixtures";

const definition = exampleDefinition();
definition.code = "separated-review";
definition.materials.forEach((material) => (material.required = false));
for (const node of definition.flow.nodes) if (node.type === "task" && (node.id === "review" || node.id === "secondReview")) node.separateFromPrevious = true;

const registration = { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: "单位解除", attestation: true };
const INTERNAL = "内部意见：申请人此前有过一次类似申领，需重点核对";

describeOnDatabases("separation of duties", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    await publishService(t.db, definition);
    // The office's second caseworker is a demo account (xincheng.caseworker2).
  }, 120_000);
  afterAll(async () => t?.cleanup());

  async function acceptedBy(username: string, comment?: string, officeId = "150102") {
    const applicant = await signedIn(t.db, "zhangsan");
    const { caseNumber } = await applicant.caller.applications.submitDirect({
      code: definition.code,
      officeId,
      formData: { registration },
      idempotencyKey: `separation-${Date.now()}-${Math.random()}`,
    });
    const { id } = await t.db.application.findUniqueOrThrow({ where: { caseNumber } });
    const caseworker = await signedIn(t.db, username);
    const view = await caseworker.caller.workbench.case({ id });
    expect(view.currentTask?.label).toBe("受理");
    await caseworker.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "accept", confirmedRisks: ["risk-0"], comment, rowVersion: view.application.rowVersion });
    return { id, applicant, caseworker };
  }

  it("refuses 审核 to the caseworker who did 受理, and keeps it out of their inbox", async () => {
    const { id, caseworker } = await acceptedBy("xincheng.caseworker");
    const view = await caseworker.caller.workbench.case({ id });
    expect(view.currentTask).toMatchObject({ label: "审核", canWork: false });
    expect(view.currentTask!.barredReason).toMatch(/不同的工作人员/);

    const act = caseworker.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "pass", rowVersion: view.application.rowVersion });
    await expect(act).rejects.toMatchObject({ code: "FORBIDDEN", message: "环节“审核”须由与上一环节“受理”不同的工作人员办理：您已办理本件的上一环节，请由其他工作人员办理" });
    await expect(caseworker.caller.workbench.claim({ taskId: view.currentTask!.taskId })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/^环节“审核”须由与上一环节不同的工作人员办理/),
    });
    const task = await t.db.task.findUniqueOrThrow({ where: { id: view.currentTask!.taskId } });
    expect(task).toMatchObject({ status: "open", claimedById: null });

    const inbox = await caseworker.caller.workbench.inbox({});
    expect(inbox.map((item) => item.applicationId)).not.toContain(id);

    // Another caseworker of the office sees it, claims it and passes it.
    const other = await signedIn(t.db, "xincheng.caseworker2");
    expect((await other.caller.workbench.inbox({})).map((item) => item.taskId)).toContain(view.currentTask!.taskId);
    await other.caller.workbench.claim({ taskId: view.currentTask!.taskId });
    await other.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "pass", rowVersion: view.application.rowVersion });
    expect((await t.db.task.findUniqueOrThrow({ where: { id: view.currentTask!.taskId } })).status).toBe("done");
  });

  it("in an office where no one else holds the role, says the case is stuck, to the one who sees it, in the case and the inbox (found by QA at 土默特左旗)", async () => {
    // 土默特左旗 has one caseworker: after 受理, no one may do 审核.
    const { id, caseworker } = await acceptedBy("tumed.caseworker", undefined, "150121");
    const view = await caseworker.caller.workbench.case({ id });
    expect(view.currentTask).toMatchObject({ label: "审核", canWork: false });
    expect(view.currentTask!.barredReason).toBe(
      "本环节须由与上一环节不同的工作人员办理，您已办理本件的上一环节。本机构目前没有其他经办人员可以办理此环节，办件无法继续：请联系本机构管理员在“账号管理”中增加经办人员",
    );
    const stuck = (await caseworker.caller.workbench.inbox({})).find((item) => item.applicationId === id);
    expect(stuck?.stuckReason).toMatch(/^本机构目前没有其他经办人员可以办理此环节/);

    // A second caseworker whose account is disabled does not count; an enabled one does, and the step leaves the first one's inbox.
    const second = await t.db.user.create({
      data: { username: "tumed.caseworker.b", displayName: "土左旗经办二", kind: "staff", passwordHash: "x", disabledAt: new Date(), memberships: { create: [{ organisationId: "150121", role: "caseworker" }] } },
    });
    expect((await caseworker.caller.workbench.case({ id })).currentTask!.barredReason).toContain("没有其他经办人员");
    await t.db.user.update({ where: { id: second.id }, data: { disabledAt: null } });
    expect((await caseworker.caller.workbench.case({ id })).currentTask!.barredReason).toBe("本环节须由与上一环节不同的工作人员办理，您已办理本件的上一环节");
    expect((await caseworker.caller.workbench.inbox({})).map((item) => item.applicationId)).not.toContain(id);
  });

  it("shows the applicant results and correction requests, never staff opinions on internal steps", async () => {
    const { id, applicant } = await acceptedBy("xincheng.caseworker", INTERNAL);
    const reviewer = await signedIn(t.db, "xincheng.caseworker2");
    const atReview = await reviewer.caller.workbench.case({ id });
    await reviewer.caller.workbench.act({
      applicationId: id,
      taskId: atReview.currentTask!.taskId,
      actionId: "reject",
      comment: "不符合领取条件：失业前缴费不满一年",
      rowVersion: atReview.application.rowVersion,
    });

    const staffView = await reviewer.caller.workbench.case({ id });
    expect(JSON.stringify(staffView.timeline)).toContain(INTERNAL);

    const own = await applicant.caller.applications.get({ id });
    const seen = JSON.stringify(own);
    expect(seen).not.toContain(INTERNAL);
    expect(seen).not.toContain("需重点核对");
    // The decision and its reason are the applicant's to see.
    expect(own.timeline.map((entry) => entry.comment)).toContain("不符合领取条件：失业前缴费不满一年");
    expect(own.application.outcome).toBe("refused");
  });
});

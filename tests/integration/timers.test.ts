import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { signedIn } from "../support/caller";
import { createSeededTestDb, publishService } from "../support/fixtures";
import { serviceDefinition } from "@/runtime/definition/schema";
import { tickTimers } from "@/runtime/features/cases/timers";

const noticeService = serviceDefinition.parse({
  code: "notice-test",
  title: "公示测试事项",
  group: { part: "二、公共就业创业服务", category: "测试" },
  summary: "",
  guide: {
    conditions: [], audience: ["自然人"], levels: ["banner"], caseType: "promised",
    legalLimit: [], promisedLimit: [{ text: "20个工作日", days: 20, unit: "workday" }],
    channels: [], fee: null, onlineAddress: null, officeAddress: null, legalBasis: [], preChecks: [],
    dataSharing: [], risks: [], archive: null, operationNotes: [],
  },
  materials: [],
  forms: [],
  flow: {
    nodes: [
      { id: "start", type: "start", label: "申请" },
      { id: "intake", type: "task", label: "受理", role: "caseworker", sla: { days: 1, unit: "workday" }, actions: [{ id: "accept", label: "受理", kind: "approve" }] },
      { id: "notice", type: "task", label: "公示", role: "caseworker", publicNotice: true, clockStops: true, sla: { days: 5, unit: "workday" }, actions: [{ id: "noObjection", label: "公示期满无异议", kind: "complete" }] },
      { id: "done", type: "end", label: "办结", outcome: "completed" },
    ],
    edges: [
      { id: "e1", from: "start", to: "intake" },
      { id: "e2", from: "intake", to: "notice", action: "accept" },
      { id: "e3", from: "notice", to: "done", action: "noObjection" },
    ],
  },
  source: null,
});

const daysLater = (n: number) => new Date(Date.now() + n * 86_400_000);

describeOnDatabases("the scheduler's tick", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    await publishService(t.db, noticeService);
  }, 120_000);
  afterAll(async () => t?.cleanup());

  it("ends a public notice by itself once its period is over", async () => {
    const applicant = await signedIn(t.db, "zhangsan");
    const { caseNumber } = await applicant.caller.applications.submitDirect({
      code: "notice-test", officeId: "150102", formData: {}, idempotencyKey: "timer-case-1",
    });
    const application = await t.db.application.findUniqueOrThrow({ where: { caseNumber } });
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    const view = await caseworker.caller.workbench.case({ id: application.id });
    await caseworker.caller.workbench.act({ applicationId: application.id, taskId: view.currentTask!.taskId, actionId: "accept", rowVersion: view.application.rowVersion });
    const status = async () => (await t.db.application.findUniqueOrThrow({ where: { id: application.id } })).status;
    expect(await status()).toBe("in_progress");

    // The notice does not end early …
    await tickTimers(t.db, daysLater(1));
    expect(await status()).toBe("in_progress");
    // … and ends by itself once its five workdays are over.
    const result = await tickTimers(t.db, daysLater(30));
    expect(result.changed).toBe(1);
    expect(await status()).toBe("completed");
    expect(await t.db.task.count({ where: { applicationId: application.id, status: { in: ["open", "claimed"] } } })).toBe(0);
  });

  it("records an overdue step once", async () => {
    const applicant = await signedIn(t.db, "zhangsan");
    const { caseNumber } = await applicant.caller.applications.submitDirect({
      code: "notice-test", officeId: "150102", formData: {}, idempotencyKey: "timer-case-2",
    });
    const application = await t.db.application.findUniqueOrThrow({ where: { caseNumber } });
    // 受理 is due after one workday: weeks later it is overdue, recorded once however often the tick runs.
    await tickTimers(t.db, daysLater(40));
    await tickTimers(t.db, daysLater(41));
    expect(await t.db.auditEvent.count({ where: { applicationId: application.id, action: "overdue" } })).toBe(1);
  });
});

import { expect, it } from "vitest";
import { describeOnDatabases } from "../support/testDb";
import { signedIn } from "../support/caller";
import { seededTestDbFor } from "../support/fixtures";
import { serviceDefinition } from "@/runtime/definition/schema";
import { tickTimers } from "@/runtime/features/cases/timers";
import { acquireLease } from "@/runtime/db";

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
  const t = seededTestDbFor(kind, noticeService);

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

  it("reaches every due case, past the first page, and does not pick a reported one again", async () => {
    const applicant = await signedIn(t.db, "zhangsan");
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      const { caseNumber } = await applicant.caller.applications.submitDirect({
        code: "notice-test", officeId: "150102", formData: {}, idempotencyKey: `timer-many-${String(i).padStart(3, "0")}`,
      });
      ids.push((await t.db.application.findUniqueOrThrow({ where: { caseNumber } })).id);
    }
    // Pages of 5: the old tick took the first page only, every time.
    const first = await tickTimers(t.db, daysLater(50), { pageSize: 5 });
    expect(first.changed).toBeGreaterThanOrEqual(23);
    const overdue = await t.db.auditEvent.groupBy({ by: ["applicationId"], where: { applicationId: { in: ids }, action: "overdue" }, _count: true });
    expect(overdue).toHaveLength(23);
    expect(overdue.every((row) => row._count >= 1)).toBe(true);
    // Reported: nothing of theirs is due any more, so the next tick does not read them.
    const again = await tickTimers(t.db, daysLater(51), { pageSize: 5 });
    expect(again.ticked).toBe(0);
    expect(await t.db.application.count({ where: { id: { in: ids }, timerDueOn: { not: null } } })).toBe(0);
  });

  it("lets one instance at a time hold the scheduler's lease", async () => {
    const now = new Date();
    expect(await acquireLease(t.db, "timers-test", "instance-a", 60_000, now)).toBe(true);
    expect(await acquireLease(t.db, "timers-test", "instance-b", 60_000, now)).toBe(false);
    // The holder renews it; once it lapses, another instance takes it.
    expect(await acquireLease(t.db, "timers-test", "instance-a", 60_000, new Date(now.getTime() + 30_000))).toBe(true);
    expect(await acquireLease(t.db, "timers-test", "instance-b", 60_000, new Date(now.getTime() + 120_000))).toBe(true);
    expect(await acquireLease(t.db, "timers-test", "instance-a", 60_000, new Date(now.getTime() + 130_000))).toBe(false);
  });
});

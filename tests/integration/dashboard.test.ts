/**
 * 统计分析: figures from SQL aggregates against figures the test computes itself from the rows,
 * on a seeded set of cases with known outcomes — on time, late (by China date: a case closed at
 * 01:00 Beijing time the day after its promised date is late), refused, withdrawn, corrected,
 * overdue now, due today — in 新城区 (150102), 土默特左旗 (150121, a sibling banner) and 东河区
 * (150202, in another league). Scope: a banner sees only itself, its league both banners, the
 * region all three; an office outside one's reach is not found.
 */
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/runtime/db";
import { addDays, chinaDateOf, workdaysBetween } from "@/runtime/calendar";
import { caseNow } from "@/runtime/clock";
import { loadCalendar } from "@/runtime/features/cases/calendar";
import { DUE_SOON_WORKDAYS } from "@/runtime/features/dashboard/figures";
import { addWorkdays } from "@/runtime/calendar";
import { caseWorldFor, registrationForm } from "../support/caseFixtures";
import { describeOnDatabases } from "../support/testDb";

const XINCHENG = "150102";
const TUMED = "150121";
const DONGHE = "150202";
const OFFICES = [XINCHENG, TUMED, DONGHE];

/** What the test expects for a set of cases, computed from the Application and AuditEvent rows in plain code. */
async function expectedFigures(db: Db, officeIds: string[]) {
  const today = chinaDateOf(caseNow());
  const calendar = await loadCalendar(db);
  const soon = addWorkdays(today, DUE_SOON_WORKDAYS, calendar);
  const cases = await db.application.findMany({ where: { officeId: { in: officeIds }, status: { not: "draft" } } });
  const notices = await db.auditEvent.findMany({ where: { action: "issueDocument" } });
  const correctedIds = new Set(notices.filter((e) => (e.payload as { document?: string } | null)?.document === "correctionNotice").map((e) => e.applicationId));
  const decided = cases.filter((c) => (c.status === "completed" || c.status === "refused") && c.closedAt);
  const running = cases.filter((c) => c.status === "submitted" || c.status === "in_progress");
  return {
    received: cases.length,
    completed: cases.filter((c) => c.status === "completed").length,
    refused: cases.filter((c) => c.status === "refused").length,
    withdrawn: cases.filter((c) => c.status === "withdrawn").length,
    decidedPromised: decided.filter((c) => c.promisedDate).length,
    onTimePromised: decided.filter((c) => c.promisedDate && chinaDateOf(c.closedAt!) <= c.promisedDate).length,
    decidedLegal: decided.filter((c) => c.legalDueDate).length,
    onTimeLegal: decided.filter((c) => c.legalDueDate && chinaDateOf(c.closedAt!) <= c.legalDueDate).length,
    overdue: running.filter((c) => c.dueDate && c.dueDate < today).length,
    dueSoon: running.filter((c) => c.dueDate && c.dueDate >= today && c.dueDate <= soon).length,
    corrected: cases.filter((c) => correctedIds.has(c.id)).length,
  };
}

describeOnDatabases("统计分析", (kind) => {
  const world = caseWorldFor(kind);
  const ids: Record<string, string> = {};
  let today: string;

  async function fileAt(officeId: string) {
    const applicant = await world.fx.as("zhangsan");
    const { id } = await applicant.applications.startDraft({ code: world.fx.code, officeId });
    await applicant.applications.saveDraft({ id, formData: registrationForm(), rowVersion: 1 });
    await applicant.applications.submit({ id, idempotencyKey: world.fx.unique("dashboard") });
    return id;
  }

  async function act(id: string, by: string, actionId: string, extra: { comment?: string; correctionItems?: string[] } = {}) {
    const caller = await world.fx.as(by);
    const view = await caller.workbench.case({ id });
    await caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId, confirmedRisks: view.currentTask!.riskChecklist.map((r) => r.key), rowVersion: view.application.rowVersion, ...extra });
  }

  async function complete(id: string) {
    await act(id, "xincheng.caseworker", "accept");
    await act(id, "xincheng.caseworker", "pass");
    await act(id, "xincheng.reviewer", "confirm");
  }

  beforeAll(async () => {
    today = chinaDateOf(caseNow());

    // 新城区: two completed (one on time, one late by China date), refused, withdrawn, corrected, overdue, due today.
    ids.onTime = await fileAt(XINCHENG);
    await complete(ids.onTime);
    ids.late = await fileAt(XINCHENG);
    await complete(ids.late);
    ids.refused = await fileAt(XINCHENG);
    await act(ids.refused, "xincheng.caseworker", "refuse", { comment: "不符合条件" });
    ids.withdrawn = await fileAt(XINCHENG);
    await (await world.fx.as("zhangsan")).applications.withdraw({ id: ids.withdrawn, reason: "不再需要" });
    ids.corrected = await fileAt(XINCHENG);
    await act(ids.corrected, "xincheng.caseworker", "askCorrection", { comment: "材料不全", correctionItems: ["失业时间填写有误"] });
    ids.overdue = await fileAt(XINCHENG);
    ids.dueToday = await fileAt(XINCHENG);
    // 土默特左旗: one open, one refused. 东河区 (another league): one open.
    ids.tumedOpen = await fileAt(TUMED);
    ids.tumedRefused = await fileAt(TUMED);
    await act(ids.tumedRefused, "tumed.caseworker", "refuse", { comment: "不符合条件" });
    ids.donghe = await fileAt(DONGHE);

    // Dates the flow would take weeks to reach. Beijing is UTC+8: 15:00Z is 23:00 the same day, 17:00Z 01:00 the next.
    const db = world.db;
    await db.application.update({
      where: { id: ids.onTime },
      data: { submittedAt: new Date("2026-02-28T17:00:00Z"), promisedDate: "2026-03-10", dueDate: "2026-03-12", legalDueDate: "2026-03-23", closedAt: new Date("2026-03-10T15:00:00Z") },
    });
    await db.application.update({
      where: { id: ids.late },
      // Late against its promise and its case deadline, yet within the legal limit: the 法定时限 rate counts it on time.
      data: { submittedAt: new Date("2026-03-02T02:00:00Z"), promisedDate: "2026-03-10", dueDate: "2026-03-10", legalDueDate: "2026-03-20", closedAt: new Date("2026-03-10T17:00:00Z") },
    });
    await db.application.update({ where: { id: ids.overdue }, data: { dueDate: addDays(today, -3) } });
    await db.task.updateMany({ where: { applicationId: ids.overdue, status: { in: ["open", "claimed"] } }, data: { dueDate: addDays(today, -3) } });
    await db.application.update({ where: { id: ids.dueToday }, data: { dueDate: today } });
    await db.task.updateMany({ where: { applicationId: ids.dueToday, status: { in: ["open", "claimed"] } }, data: { dueDate: today } });
    // A step of known length: 受理 of the on-time case from Monday 2026-03-02 to Wednesday 2026-03-04 (2 working days).
    await db.task.updateMany({
      where: { applicationId: ids.onTime, label: "受理" },
      data: { createdAt: new Date("2026-03-02T01:00:00Z"), completedAt: new Date("2026-03-04T01:00:00Z") },
    });
  }, 240_000);

  it("a banner's caseworker sees its own figures, as computed from the rows", async () => {
    const figures = await (await world.fx.as("xincheng.caseworker")).workbench.dashboard();
    expect(figures.byOffice.map((g) => g.key)).toEqual([XINCHENG]);
    expect(figures.total).toEqual(await expectedFigures(world.db, [XINCHENG]));
    // The known set, spelled out.
    expect(figures.total).toMatchObject({
      received: 7,
      completed: 2,
      refused: 1,
      withdrawn: 1,
      // The refused case is decided today, well within both limits.
      decidedPromised: 3,
      onTimePromised: 2,
      decidedLegal: 3,
      onTimeLegal: 3,
      overdue: 1,
      corrected: 1,
    });
    expect(figures.total.dueSoon).toBeGreaterThanOrEqual(1);
  });

  it("groups by service and by month (China time), and averages working days per step", async () => {
    const figures = await (await world.fx.as("xincheng.caseworker")).workbench.dashboard();
    expect(figures.byService).toHaveLength(1);
    expect(figures.byService[0]).toMatchObject({ key: world.fx.published.serviceId, name: world.fx.definition.title, counts: { received: 7 } });
    const month = (m: string) => figures.byMonth.find((g) => g.key === m)?.counts.received ?? 0;
    // Submitted 2026-02-28 17:00Z is 2026-03-01 in Beijing.
    expect(month("2026-02")).toBe(0);
    expect(month("2026-03")).toBe(2);
    expect(figures.byMonth.reduce((sum, g) => sum + g.counts.received, 0)).toBe(7);

    const calendar = await loadCalendar(world.db);
    const done = await world.db.task.findMany({ where: { officeId: XINCHENG, status: "done", role: { not: "applicant" } } });
    for (const label of new Set(done.map((d) => d.label))) {
      const mine = done.filter((d) => d.label === label);
      const days = mine.reduce((sum, d) => sum + workdaysBetween(chinaDateOf(d.createdAt), chinaDateOf(d.completedAt!), calendar), 0);
      expect(figures.steps.find((s) => s.label === label)).toEqual({ label, steps: mine.length, averageWorkdays: Math.round((days / mine.length) * 10) / 10 });
    }
    expect(figures.steps.find((s) => s.label === "受理")!.averageWorkdays).toBeGreaterThan(0);
  });

  it("lists steps overdue and due today, most urgent first", async () => {
    const figures = await (await world.fx.as("xincheng.caseworker")).workbench.dashboard();
    const urgent = figures.warnings.filter((w) => w.urgency !== "soon");
    expect(urgent.map((w) => [w.applicationId, w.urgency])).toEqual([
      [ids.overdue, "overdue"],
      [ids.dueToday, "today"],
    ]);
    const inbox = await (await world.fx.as("xincheng.caseworker")).workbench.inbox();
    expect(inbox.slice(0, 2).map((i) => [i.applicationId, i.overdue, i.dueToday])).toEqual([
      [ids.overdue, true, false],
      [ids.dueToday, false, true],
    ]);
  });

  it("a league sees its banners, the region all; each office's figures as computed", async () => {
    const league = await (await world.fx.as("hohhot.admin")).workbench.dashboard();
    expect(league.byOffice.map((g) => g.key).sort()).toEqual([XINCHENG, TUMED]);
    expect(league.total).toEqual(await expectedFigures(world.db, [XINCHENG, TUMED]));
    expect(league.byOffice.find((g) => g.key === TUMED)!.counts).toMatchObject({ received: 2, refused: 1 });
    const narrowed = await (await world.fx.as("hohhot.admin")).workbench.dashboard({ officeId: TUMED });
    expect(narrowed.byOffice.map((g) => g.key)).toEqual([TUMED]);

    const region = await (await world.fx.as("region.admin")).workbench.dashboard();
    expect(region.byOffice.map((g) => g.key).sort()).toEqual([...OFFICES].sort());
    expect(region.total).toEqual(await expectedFigures(world.db, OFFICES));
  });

  it("another office's figures are not found; applicants are refused", async () => {
    await expect((await world.fx.as("tumed.caseworker")).workbench.dashboard({ officeId: XINCHENG })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await world.fx.as("hohhot.admin")).workbench.dashboard({ officeId: DONGHE })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await world.fx.as("xincheng.caseworker")).workbench.dashboardExport({ officeId: TUMED, table: "office", format: "csv" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await world.fx.as("zhangsan")).workbench.dashboard()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const own = await (await world.fx.as("tumed.caseworker")).workbench.dashboard();
    expect(own.byOffice.map((g) => g.key)).toEqual([TUMED]);
  });

  it("exports a table as CSV and as an Excel workbook", async () => {
    const caller = await world.fx.as("hohhot.admin");
    const csv = await caller.workbench.dashboardExport({ table: "office", format: "csv" });
    const text = Buffer.from(csv.base64, "base64").toString("utf8");
    expect(csv.fileName).toMatch(/^统计分析-按经办机构-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("经办机构,受理,办结,不予办理,撤回,承诺时限内办结率,法定时限内办结率,当前超期,3个工作日内到期,一次性告知率");
    expect(lines).toContain(`新城区,7,2,1,1,66.7%,100%,1,${(await caller.workbench.dashboard()).byOffice.find((g) => g.key === XINCHENG)!.counts.dueSoon},14.3%`);
    const xlsx = await caller.workbench.dashboardExport({ table: "office", format: "xlsx" });
    const bytes = Buffer.from(xlsx.base64, "base64");
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe("经办机构");
    const names = [2, 3].map((r) => sheet.getRow(r).getCell(1).value);
    expect(names.sort()).toEqual(["土默特左旗", "新城区"].sort());
  });
});

/**
 * 内控稽核: a league's auditor draws a random, recorded and reproducible sample of an office's
 * completed cases, only at or below the league; records findings per case and reads them per
 * office. Auditors read cases and never act on them; other staff cannot sample.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { signedIn } from "../support/caller";
import { createSeededTestDb, exampleDefinition, publishService, VALID_ID } from "../support/fixtures";
import { drawSample } from "@/runtime/features/internalAudit/draw";

const definition = exampleDefinition();
definition.code = "internal-audit";
definition.materials.forEach((material) => (material.required = false));
const registration = { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: "单位解除", attestation: true };
const PERIOD = { periodFrom: "2026-11-01", periodTo: "2026-11-30" };

describeOnDatabases("internal audit sampling", (kind) => {
  let t: TestDb;
  const completed: string[] = [];
  let openCase = "";
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    await publishService(t.db, definition);
    const applicant = await signedIn(t.db, "zhangsan");
    for (let i = 0; i < 9; i++) {
      const { caseNumber } = await applicant.caller.applications.submitDirect({ code: definition.code, officeId: "150102", formData: { registration }, idempotencyKey: `audit-sample-${i}` });
      const { id } = await t.db.application.findUniqueOrThrow({ where: { caseNumber } });
      if (i === 8) {
        openCase = id;
        continue;
      }
      // Closed in November (China time), one of them outside the period, one withdrawn.
      const closedAt = i === 7 ? new Date("2026-12-01T01:00:00+08:00") : new Date(`2026-11-${String(10 + i).padStart(2, "0")}T10:00:00+08:00`);
      await t.db.application.update({ where: { id }, data: { status: i === 6 ? "withdrawn" : i === 5 ? "refused" : "completed", closedAt } });
      if (i < 6) completed.push(id);
    }
  }, 120_000);
  afterAll(async () => t?.cleanup());

  it("draws a seeded sample of the office's completed cases in the period, recorded and reproducible", async () => {
    const auditor = await signedIn(t.db, "hohhot.auditor");
    const drawn = await auditor.caller.internalAudit.drawSample({ officeId: "150102", ...PERIOD, size: 4 });
    expect(drawn).toMatchObject({ size: 4, population: completed.length });
    expect(drawn.seed).toMatch(/^[0-9a-f]{32}$/);
    const sample = await auditor.caller.internalAudit.sample({ id: drawn.id });
    const ids = sample.cases.map((c) => c.applicationId);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(completed).toContain(id);
    // The same seed over the same population draws the same cases in the same order, whatever order they are read in.
    expect(drawSample(drawn.seed, [...completed].reverse(), 4)).toEqual(ids);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "auditSample.draw", entityId: drawn.id } });
    expect(event.payload).toMatchObject({ seed: drawn.seed, population: completed.length, cases: ids });
    // Another draw has another seed: random.
    const again = await auditor.caller.internalAudit.drawSample({ officeId: "150102", ...PERIOD, size: 4 });
    expect(again.seed).not.toBe(drawn.seed);
    // More asked than there are: all of them.
    expect((await auditor.caller.internalAudit.drawSample({ officeId: "150102", ...PERIOD, size: 50 })).size).toBe(completed.length);
  });

  it("limits auditors to their organisation and those below it, and keeps other staff out", async () => {
    const league = await signedIn(t.db, "hohhot.auditor");
    // 包头市 (150200) is another league: not found, as if it did not exist.
    await expect(league.caller.internalAudit.drawSample({ officeId: "150200", ...PERIOD, size: 3 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(league.caller.internalAudit.findings({ officeId: "150200" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const offices = (await league.caller.internalAudit.offices()).map((o) => o.id);
    expect(offices).toContain("150102");
    expect(offices).not.toContain("150200");
    expect(offices).not.toContain("150000");
    const region = await signedIn(t.db, "region.auditor");
    expect((await region.caller.internalAudit.drawSample({ officeId: "150102", ...PERIOD, size: 1 })).size).toBe(1);
    // The league's auditor sees the region's sample of its office too; samples of other leagues' offices never.
    expect((await league.caller.internalAudit.samples()).every((s) => offices.includes(s.officeId))).toBe(true);
    for (const username of ["xincheng.caseworker", "hohhot.admin", "region.admin"]) {
      const other = await signedIn(t.db, username);
      await expect(other.caller.internalAudit.drawSample({ officeId: "150102", ...PERIOD, size: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(league.caller.internalAudit.drawSample({ officeId: "150102", periodFrom: "2027-01-01", periodTo: "2027-01-31", size: 1 })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "该机构在所选期间没有已办结的办件，无法抽查",
    });
    await expect(league.caller.internalAudit.drawSample({ officeId: "150102", periodFrom: "2026-12-01", periodTo: "2026-11-01", size: 1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("reads sampled cases without acting on them", async () => {
    const auditor = await signedIn(t.db, "hohhot.auditor");
    const view = await auditor.caller.workbench.case({ id: openCase });
    expect(view.readOnly).toBe(true);
    expect(view.currentTask?.canWork).toBe(false);
    await expect(auditor.caller.workbench.claim({ taskId: view.currentTask!.taskId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      auditor.caller.workbench.act({ applicationId: openCase, taskId: view.currentTask!.taskId, actionId: "accept", confirmedRisks: ["risk-0"], rowVersion: view.application.rowVersion }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(auditor.caller.workbench.pause({ applicationId: openCase, reason: "稽核", rowVersion: view.application.rowVersion })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(auditor.caller.workbench.inbox({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("records findings per sampled case, audited, and lists them per office", async () => {
    const auditor = await signedIn(t.db, "hohhot.auditor");
    const { id } = await auditor.caller.internalAudit.drawSample({ officeId: "150102", ...PERIOD, size: 2 });
    const sample = await auditor.caller.internalAudit.sample({ id });
    const [first, second] = sample.cases;
    await auditor.caller.internalAudit.recordFinding({ sampleId: id, applicationId: first.applicationId, verdict: "issue", text: "受理环节未核验申请人身份证原件" });
    await auditor.caller.internalAudit.recordFinding({ sampleId: id, applicationId: second.applicationId, verdict: "compliant", text: "材料齐全，流程合规" });
    await expect(auditor.caller.internalAudit.recordFinding({ sampleId: id, applicationId: openCase, verdict: "issue", text: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "该办件不在本批抽查样本中",
    });
    await expect(auditor.caller.internalAudit.recordFinding({ sampleId: id, applicationId: first.applicationId, verdict: "issue", text: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const detail = await auditor.caller.internalAudit.sample({ id });
    expect(detail.cases[0].findings).toMatchObject([{ verdict: "issue", text: "受理环节未核验申请人身份证原件", auditor: "呼和浩特市稽核员" }]);
    const list = await auditor.caller.internalAudit.findings({ officeId: "150102" });
    expect(list.map((f) => [f.caseNumber, f.verdict])).toEqual(
      expect.arrayContaining([
        [first.caseNumber, "issue"],
        [second.caseNumber, "compliant"],
      ]),
    );
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "auditFinding.record", applicationId: first.applicationId } });
    expect(event).toMatchObject({ organisationId: "150102", actorRole: "auditor" });
    // Another league's auditor would not see them: 呼和浩特 (the league itself) has none.
    expect(await auditor.caller.internalAudit.findings({ officeId: "150100" })).toEqual([]);
  });
});

import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { createSeededTestDb } from "../support/fixtures";
import { CaseFixtures, registrationForm } from "../support/caseFixtures";
import { replayProblems } from "@/runtime/features/cases/replayCheck";

describeOnDatabases("cases rebuilt from their audit trail", (kind) => {
  let t: TestDb;
  let fx: CaseFixtures;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    fx = new CaseFixtures(t.db);
    await fx.setUp();
  }, 120_000);
  afterAll(async () => t?.cleanup());

  it("every case's recorded events rebuild its stored state: submitted, corrected, reviewed, paused", async () => {
    const atSecondReview = await fx.atSecondReview("zhangsan");
    const paused = await fx.paused("zhangsan");
    const waiting = await fx.waitingApplicant("zhangsan");
    const answered = { registration: { ...registrationForm().registration, lostJobOn: "2026-11-19" } };
    await (await fx.as("zhangsan")).applications.answerCorrection({ id: waiting.id, formData: answered, rowVersion: waiting.rowVersion });
    const result = await replayProblems(t.db);
    expect(result).toEqual({ checked: 3, unrecorded: 0, problems: [] });
    // Asked by id, in pages (a load test asks for thousands at once).
    const many = [atSecondReview.id, ...Array.from({ length: 450 }, (_, i) => `absent-${i}`), paused.id, waiting.id];
    expect(await replayProblems(t.db, many)).toEqual({ checked: 3, unrecorded: 0, problems: [] });

    // No personal data went into the trail with the events.
    const payloads = JSON.stringify(await t.db.auditEvent.findMany({ where: { applicationId: { in: [atSecondReview.id, paused.id, waiting.id] } }, select: { payload: true } }));
    expect(payloads).toContain('"event":');
    expect(payloads).not.toContain(registrationForm().registration.idNumber);
  });

  it("a case changed outside its events no longer matches its trail", async () => {
    const { id } = await fx.atReview("zhangsan");
    const row = await t.db.application.findUniqueOrThrow({ where: { id } });
    const tampered = { ...(row.engineState as Record<string, unknown>), status: "closed", outcome: "completed" };
    await t.db.application.update({ where: { id }, data: { engineState: tampered as never } });
    const result = await replayProblems(t.db, [id]);
    expect(result.problems).toEqual([expect.objectContaining({ applicationId: id, problem: expect.stringContaining("与保存的状态不同") })]);
  });
});

import { expect, it } from "vitest";
import { describeOnDatabases } from "../support/testDb";
import { caseWorldFor, registrationForm } from "../support/caseFixtures";
import { replayProblems } from "@/runtime/features/cases/replayCheck";

describeOnDatabases("cases rebuilt from their audit trail", (kind) => {
  const world = caseWorldFor(kind);

  it("every case's recorded events rebuild its stored state: submitted, corrected, reviewed, paused", async () => {
    const atSecondReview = await world.fx.atSecondReview("zhangsan");
    const paused = await world.fx.paused("zhangsan");
    const waiting = await world.fx.waitingApplicant("zhangsan");
    const answered = { registration: { ...registrationForm().registration, lostJobOn: "2026-11-19" } };
    await (await world.fx.as("zhangsan")).applications.answerCorrection({ id: waiting.id, formData: answered, rowVersion: waiting.rowVersion });
    const result = await replayProblems(world.db);
    expect(result).toEqual({ checked: 3, unrecorded: 0, problems: [] });
    // Asked by id, in pages (a load test asks for thousands at once).
    const many = [atSecondReview.id, ...Array.from({ length: 450 }, (_, i) => `absent-${i}`), paused.id, waiting.id];
    expect(await replayProblems(world.db, many)).toEqual({ checked: 3, unrecorded: 0, problems: [] });

    // No personal data went into the trail with the events.
    const payloads = JSON.stringify(await world.db.auditEvent.findMany({ where: { applicationId: { in: [atSecondReview.id, paused.id, waiting.id] } }, select: { payload: true } }));
    expect(payloads).toContain('"event":');
    expect(payloads).not.toContain(registrationForm().registration.idNumber);
  });

  it("a case changed outside its events no longer matches its trail", async () => {
    const { id } = await world.fx.atReview("zhangsan");
    const row = await world.db.application.findUniqueOrThrow({ where: { id } });
    const tampered = { ...(row.engineState as Record<string, unknown>), status: "closed", outcome: "completed" };
    await world.db.application.update({ where: { id }, data: { engineState: tampered as never } });
    const result = await replayProblems(world.db, [id]);
    expect(result.problems).toEqual([expect.objectContaining({ applicationId: id, problem: expect.stringContaining("与保存的状态不同") })]);
  });
});

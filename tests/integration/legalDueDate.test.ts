/**
 * The legal day (法定办结时限) is kept beside the case's own deadline: the example service promises
 * 3 working days online and the law allows 15, so a case's `dueDate` follows the promise while its
 * `legalDueDate` follows the law — at filing, and again once 受理 starts the case clock. 统计分析's
 * 法定时限 rate compares decisions with `legalDueDate` (tests/integration/dashboard.test.ts).
 */
import { expect, it } from "vitest";
import { chinaDateOf, dueDate } from "@/runtime/calendar";
import { legalLimitFor, promisedLimitFor } from "@/runtime/definition/caseLimit";
import { loadCalendar } from "@/runtime/features/cases/calendar";
import { caseWorldFor } from "../support/caseFixtures";
import { describeOnDatabases } from "../support/testDb";

describeOnDatabases("the legal due date of a case", (kind) => {
  const world = caseWorldFor(kind);

  it("follows the legal limit while the due date follows the promise, from filing and from 受理", async () => {
    const promised = promisedLimitFor(world.fx.definition.guide)!;
    const legal = legalLimitFor(world.fx.definition.guide)!;
    expect(promised).toEqual({ days: 3, unit: "workday" });
    expect(legal).toEqual({ days: 15, unit: "workday" });
    const calendar = await loadCalendar(world.db);

    const { id } = await world.fx.submitted("zhangsan");
    const filed = await world.db.application.findUniqueOrThrow({ where: { id } });
    const filedOn = chinaDateOf(filed.submittedAt!);
    expect(filed.dueDate).toBe(dueDate(filedOn, promised, [], calendar));
    expect(filed.legalDueDate).toBe(dueDate(filedOn, legal, [], calendar));

    await world.fx.atReview("zhangsan"); // another case, accepted: its case clock runs from 受理
    const accepted = await world.db.application.findFirstOrThrow({ where: { status: "in_progress", id: { not: id } }, orderBy: { createdAt: "desc" } });
    const clock = (accepted.engineState as { caseClock: { startedOn: string } | null }).caseClock;
    expect(clock).not.toBeNull();
    expect(accepted.dueDate).toBe(dueDate(clock!.startedOn, promised, [], calendar));
    expect(accepted.legalDueDate).toBe(dueDate(clock!.startedOn, legal, [], calendar));
    expect(accepted.legalDueDate! > accepted.dueDate!).toBe(true);
  });
});

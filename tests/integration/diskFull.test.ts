/**
 * SQLite on a full disk: the database file cannot grow (simulated with `PRAGMA max_page_count`
 * on the product's own connection). A submission is refused with a clear Chinese message and
 * 503, nothing of it is written, the file stays sound, and the same submission succeeds once
 * there is room again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import type { TestDb } from "../support/testDb";
import { createSeededTestDb, exampleDefinition, publishService } from "../support/fixtures";
import { registrationForm } from "../support/caseFixtures";
import { signedIn } from "../support/caller";
import { sqliteFilePath } from "@/runtime/db/url";
import { DISK_FULL_MESSAGE } from "@/runtime/db/unavailable";

describe("SQLite with a full disk", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSeededTestDb("sqlite");
    await publishService(t.db, exampleDefinition());
  }, 120_000);
  afterAll(async () => t?.cleanup());

  it("refuses a write with a clear message, writes none of it, stays sound, and recovers", async () => {
    const applicant = (await signedIn(t.db, "zhangsan")).caller;
    const submit = (key: string) => applicant.applications.submitDirect({ code: exampleDefinition().code, officeId: "150102", formData: registrationForm(), idempotencyKey: key });
    expect((await submit("disk-before-0001")).caseNumber).toMatch(/^NM/);

    const [{ page_count: pages }] = await t.db.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count");
    await t.db.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(pages)}`);
    let refused: unknown = null;
    let acknowledged = 1;
    for (let i = 0; i < 200 && !refused; i++) {
      try {
        await submit(`disk-full-${String(i).padStart(4, "0")}`);
        acknowledged++;
      } catch (error) {
        refused = error;
      }
    }
    expect(refused).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: DISK_FULL_MESSAGE });
    const failedKey = `disk-full-${String(acknowledged - 1).padStart(4, "0")}`;
    expect(await t.db.application.count({ where: { idempotencyKey: { startsWith: "disk-full-" } } })).toBe(acknowledged - 1);
    expect(await t.db.application.count({ where: { idempotencyKey: failedKey } })).toBe(0);

    // Several at once (one group commit): each answered as stored is stored, each refused is not.
    const keys = Array.from({ length: 12 }, (_, i) => `disk-burst-${String(i).padStart(4, "0")}`);
    const outcomes = await Promise.allSettled(keys.map(submit));
    for (const [i, outcome] of outcomes.entries()) {
      const stored = await t.db.application.count({ where: { idempotencyKey: keys[i] } });
      expect(`${keys[i]} ${outcome.status} ${stored}`).toBe(`${keys[i]} ${outcome.status} ${outcome.status === "fulfilled" ? 1 : 0}`);
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: DISK_FULL_MESSAGE });
    }
    expect(outcomes.some((o) => o.status === "rejected")).toBe(true);

    await t.db.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
    const again = await submit(failedKey);
    expect(again.caseNumber).toMatch(/^NM/);
    const raw = new Database(sqliteFilePath(t.url), { readonly: true });
    try {
      expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      raw.close();
    }
  });
});

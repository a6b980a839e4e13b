/**
 * Two instances starting together on one empty database: both come up, and the database is
 * seeded once (before: one crashed on a unique key while seeding, 3 trials of 3 on PostgreSQL).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb } from "@/runtime/db";
import { prepareDatabase } from "@/seed/prepare";
import { describeOnDatabases, createTestDb, type TestDb } from "../support/testDb";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";

describeOnDatabases("two instances starting together", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind, { migrate: false });
  }, 120_000);
  afterAll(async () => t?.cleanup());

  it("both start, and seed the organisations, demo accounts and templates once", async () => {
    const instances = [createDb(t.url), createDb(t.url)];
    try {
      const started = await Promise.allSettled(
        instances.map((db) => prepareDatabase({ url: t.url, db, demoAccounts: true, demoPassword: TEST_DEMO_PASSWORD })),
      );
      expect(started.map((s) => (s.status === "rejected" ? String(s.reason) : "ok"))).toEqual(["ok", "ok"]);
      const db = instances[0];
      expect(await db.service.count({ where: { ownerOrgId: "150000" } })).toBe(154);
      expect(await db.serviceVersion.count({ where: { number: 1, service: { ownerOrgId: "150000" } } })).toBe(154);
      expect(await db.user.count({ where: { username: "region.admin" } })).toBe(1);
    } finally {
      await Promise.all(instances.map((db) => db.$disconnect()));
    }
  }, 120_000);
});

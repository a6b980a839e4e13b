/**
 * The audit trail cannot be edited: the database refuses UPDATE and DELETE of an event, and the
 * hash chain shows an edit, a removal or an insertion made behind the database's back (an
 * attacker with the database owner's rights who drops the triggers first).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Prisma, sqlOf } from "@/runtime/db";
import { verifyAuditTrail } from "@/runtime/write/auditVerify";
import { databaseKinds, type TestDb } from "../support/testDb";
import { signedIn } from "../support/caller";
import { createSeededTestDb, exampleDefinition, publishService, VALID_ID } from "../support/fixtures";

const definition = exampleDefinition();
const form = { registration: { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: "单位解除", attestation: true } };

describe.each(databaseKinds())("the audit trail on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    await publishService(t.db, definition);
    const applicant = await signedIn(t.db, "zhangsan");
    for (let i = 0; i < 3; i++) {
      await applicant.caller.applications.submitDirect({ code: definition.code, officeId: "150102", formData: form, idempotencyKey: `audit-trail-${i}-000` });
    }
    const admin = await signedIn(t.db, "region.admin");
    await admin.caller.calendar.setDay({ date: "2031-03-02", kind: "holiday", note: "链测试" });
  }, 120_000);
  afterAll(async () => t?.cleanup());

  it("chains every event written through the write path, and verifies", async () => {
    const result = await verifyAuditTrail(t.db);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    // sign-ins, three submissions (with their notices), a calendar change
    expect(result.checked).toBeGreaterThanOrEqual(6);
    expect(result.checked).toBe(await t.db.auditEvent.count({ where: { hash: { not: null } } }));
  });

  it("records who read a case", async () => {
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    const [item] = await caseworker.caller.workbench.inbox();
    const before = await t.db.auditEvent.count({ where: { action: "read", applicationId: item.applicationId } });
    await caseworker.caller.workbench.case({ id: item.applicationId });
    const reads = await t.db.auditEvent.findMany({ where: { action: "read", applicationId: item.applicationId } });
    expect(reads).toHaveLength(before + 1);
    const reader = await t.db.user.findUniqueOrThrow({ where: { username: "xincheng.caseworker" } });
    expect(reads.at(-1)).toMatchObject({ actorId: reader.id, organisationId: "150102", entityType: "application" });
    expect((await verifyAuditTrail(t.db)).ok).toBe(true);
  });

  it("refuses to change or remove an event in the database itself", async () => {
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "submit" } });
    // Straight to the driver: the trigger's own message.
    const raw = (statement: string, params: (string | number)[] = []) => sqlOf(t.db).transaction((sql) => sql.run(statement, params));
    await expect(raw('UPDATE "AuditEvent" SET "action" = ? WHERE "id" = ?', ["nothing", event.id])).rejects.toThrow(/append-only/);
    await expect(raw('DELETE FROM "AuditEvent" WHERE "id" = ?', [event.id])).rejects.toThrow(/append-only/);
    await expect(raw('DELETE FROM "AuditEvent"')).rejects.toThrow(/append-only/);
    // Through Prisma too (its SQLite adapter reports the trigger's abort as a constraint violation).
    await expect(t.db.auditEvent.update({ where: { id: event.id }, data: { action: "nothing" } })).rejects.toThrow(kind === "sqlite" ? /constraint/ : /append-only/);
    await expect(t.db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(kind === "sqlite" ? /constraint/ : /append-only/);
    expect(await t.db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });

  it("names an event edited, removed or inserted behind the triggers' back", async () => {
    const dropTriggers =
      kind === "sqlite"
        ? [`DROP TRIGGER "AuditEvent_no_update"`, `DROP TRIGGER "AuditEvent_no_delete"`]
        : [`DROP TRIGGER "AuditEvent_no_update" ON "AuditEvent"`];
    for (const statement of dropTriggers) await t.db.$executeRawUnsafe(statement);

    const [first, second, third] = await t.db.auditEvent.findMany({ where: { action: "submit" }, orderBy: { id: "asc" } });
    // An edit: the payload says another case number.
    await t.db.auditEvent.update({ where: { id: second.id }, data: { payload: { caseNumber: "NM20260000000000", version: 1 } as Prisma.InputJsonValue } });
    let result = await verifyAuditTrail(t.db);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringContaining(`事件 #${second.id}（submit）的内容与其哈希不符`)]);

    // A removal: the event after it no longer links to its predecessor.
    await t.db.auditEvent.delete({ where: { id: first.id } });
    result = await verifyAuditTrail(t.db);
    expect(result.problems.some((p) => p.includes("前一事件的哈希不符"))).toBe(true);

    // An insertion with a made-up hash is no better.
    await t.db.auditEvent.create({
      data: { actorId: null, actorRole: "system", entityType: "application", entityId: third.entityId, action: "withdraw", prevHash: third.hash, hash: "f".repeat(64) },
    });
    result = await verifyAuditTrail(t.db);
    expect(result.problems.some((p) => p.includes("（withdraw）的内容与其哈希不符"))).toBe(true);
  });
});

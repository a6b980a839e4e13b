/**
 * Writes that arrive together share one SQLite commit (group commit), yet each keeps its own
 * transaction: a failing write is rolled back alone, a successful one is answered only once
 * committed, and concurrent retries of one submission still make one case.
 */
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { sqlOf, sqliteFilePath, type BatchSlot } from "@/runtime/db";
import { writeWithSql } from "@/runtime/write";
import { nextCounter } from "@/runtime/features/cases/caseStore";
import { verifyAuditTrail } from "@/runtime/write/auditVerify";
import { databaseKinds } from "../support/testDb";
import { signedIn } from "../support/caller";
import { exampleDefinition, VALID_ID, seededTestDbFor } from "../support/fixtures";

const definition = exampleDefinition();
const form = { registration: { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: "单位解除", attestation: true } };

describe.each(databaseKinds())("concurrent writes on %s", (kind) => {
  const t = seededTestDbFor(kind, definition);

  const counter = async (name: string) =>
    (await t.db.counter.findUnique({ where: { name } }))?.value ?? 0;
  /** What another connection sees: on SQLite a connection of its own (the app's would see its open transaction). */
  const committedCounter = async (name: string) => {
    if (kind !== "sqlite") return counter(name);
    const outside = new Database(sqliteFilePath(t.url), { readonly: true });
    try {
      return (outside.prepare('SELECT "value" FROM "Counter" WHERE "name" = ?').get(name) as { value: number } | undefined)?.value ?? 0;
    } finally {
      outside.close();
    }
  };

  it("rolls back only the write that failed, and answers the others once committed", async () => {
    const writes = Array.from({ length: 30 }, (_, i) =>
      writeWithSql(t.db, null, async ({ sql, audit }) => {
        await sql.run('INSERT INTO "Counter" ("name", "value") VALUES (?, 1) ON CONFLICT ("name") DO UPDATE SET "value" = "Counter"."value" + 1', ["group-commit"]);
        if (i % 7 === 3) throw new Error(`write ${i} fails after writing`);
        audit.record({ action: "setDay", entityType: "calendar", entityId: `group-${i}` });
        return i;
      }).then(
        async (value) => ({ ok: true as const, value, seen: await committedCounter("group-commit") }),
        (error: Error) => ({ ok: false as const, message: error.message }),
      ),
    );
    const results = await Promise.all(writes);
    const failed = results.filter((r) => !r.ok);
    expect(failed.map((r) => r.message)).toEqual([3, 10, 17, 24].map((i) => `write ${i} fails after writing`));
    // Each answered write was already visible (committed) to another connection's read when answered.
    for (const r of results) if (r.ok) expect(r.seen).toBeGreaterThanOrEqual(1);
    expect(await counter("group-commit")).toBe(26);
    expect(await t.db.auditEvent.count({ where: { entityId: { startsWith: "group-" } } })).toBe(26);
    expect((await verifyAuditTrail(t.db)).ok).toBe(true);
  });

  it("files one case for concurrent retries of one submission, and one for each different one", async () => {
    const applicant = await signedIn(t.db, "zhangsan");
    const submit = (key: string) => applicant.caller.applications.submitDirect({ code: definition.code, officeId: "150102", formData: form, idempotencyKey: key });
    const same = await Promise.all(Array.from({ length: 10 }, () => submit("group-same-key-0001")));
    expect(new Set(same.map((r) => r.caseNumber)).size).toBe(1);
    const different = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(`group-key-${String(i).padStart(4, "0")}`)));
    const numbers = different.map((r) => r.caseNumber);
    expect(new Set(numbers).size).toBe(20);
    expect(await t.db.application.count({ where: { caseNumber: { in: [...numbers, same[0].caseNumber] } } })).toBe(21);
    expect((await verifyAuditTrail(t.db)).ok).toBe(true);
  });

  it("counts 办件编号 of one commit in order, gives a failed write's number back, and stores the last", async () => {
    const name = "case:NM-group-test";
    const take = (fail = false) =>
      writeWithSql(t.db, null, async ({ sql, audit }) => {
        const value = await nextCounter(sql, name);
        if (fail) throw new Error("fails after counting");
        audit.record({ action: "setDay", entityType: "calendar", entityId: `counter-${value}` });
        return value;
      });
    const results = await Promise.allSettled([take(), take(), take(true), take(), take()]);
    const values = results.map((r) => (r.status === "fulfilled" ? r.value : "failed"));
    // One commit on SQLite: in the writes' order. PostgreSQL: each its own transaction, in the order they take the row lock.
    if (kind === "sqlite") expect(values).toEqual([1, 2, "failed", 3, 4]);
    else expect([...values].sort()).toEqual([1, 2, 3, 4, "failed"]);
    expect(await committedCounter(name)).toBe(4);
    // The next commit goes on from the stored value.
    expect(await take()).toBe(5);
    expect(await committedCounter(name)).toBe(5);
  });

  it("a value the writes of one commit share (the audit head) keeps what a failed write found, and is saved once", async () => {
    const saved: number[] = [];
    const slot: BatchSlot<number> = {
      name: "test-total",
      load: async (sql) => (await sql.get<{ value: number }>('SELECT "value" FROM "Counter" WHERE "name" = ?', ["slot-total"]))?.value ?? 0,
      save: async (sql, value) => {
        saved.push(value);
        await sql.run('INSERT INTO "Counter" ("name", "value") VALUES (?, ?) ON CONFLICT ("name") DO UPDATE SET "value" = ?', ["slot-total", value, value]);
      },
    };
    const add = (n: number, fail = false) =>
      sqlOf(t.db).transaction(async (sql) => {
        const ref = sql.batchSlot(slot);
        if (!ref) {
          // PostgreSQL: each write is its own transaction, so there is nothing to share.
          expect(kind).not.toBe("sqlite");
          if (fail) throw new Error("fails");
          return null;
        }
        const shared = await ref;
        const found = shared.value;
        shared.set(found + n);
        if (fail) throw new Error("fails after adding");
        return found;
      });
    const results = await Promise.allSettled([add(1), add(10, true), add(100), add(1000)]);
    if (kind !== "sqlite") {
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
      return expect(saved).toEqual([]);
    }
    // The failed write's +10 is gone for the writes after it; the batch saved its last value once.
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : "failed"))).toEqual([0, "failed", 1, 101]);
    expect(saved).toEqual([1101]);
    expect(await committedCounter("slot-total")).toBe(1101);
    const head = await t.db.auditHead.findUniqueOrThrow({ where: { id: 1 } });
    expect(head.count).toBe(await t.db.auditEvent.count());
  });

  it("a plain transaction sees its own writes and none of a failed neighbour's", async () => {
    const [a, b] = await Promise.allSettled([
      sqlOf(t.db).transaction(async (sql) => {
        await sql.run('INSERT INTO "Counter" ("name", "value") VALUES (?, 41)', ["group-a"]);
        return sql.get<{ value: number }>('SELECT "value" FROM "Counter" WHERE "name" = ?', ["group-a"]);
      }),
      sqlOf(t.db).transaction(async (sql) => {
        await sql.run('INSERT INTO "Counter" ("name", "value") VALUES (?, 1)', ["group-b"]);
        throw new Error("b fails");
      }),
    ]);
    expect(a).toMatchObject({ status: "fulfilled", value: { value: 41 } });
    expect(b).toMatchObject({ status: "rejected", reason: new Error("b fails") });
    expect(await counter("group-b")).toBe(0);
  });
});

import "../support/cachesOn";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { createSeededTestDb } from "../support/fixtures";
import { signedIn } from "../support/caller";
import { loadCalendar, loadCalendarSql } from "@/runtime/features/cases/calendar";
import { createDb, type Db } from "@/runtime/db";
import { writeWithSql } from "@/runtime/write";
import { addWorkdays } from "@/runtime/calendar";

describeOnDatabases("working-calendar administration", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
  }, 120_000);
  afterAll(async () => t?.cleanup());

  it("lets a region administrator declare days of a year the library lacks, which deadlines then follow", async () => {
    const admin = (await signedIn(t.db, "region.admin")).caller;
    const before = await admin.calendar.year({ year: 2031 });
    expect(before).toMatchObject({ known: false, overrides: [] });
    // 2031-10-01 is a Wednesday: without the override it would be a workday.
    expect(addWorkdays("2031-09-30", 1, await loadCalendar(t.db))).toBe("2031-10-01");
    await admin.calendar.setDay({ date: "2031-10-01", kind: "holiday", note: "国庆节" });
    await admin.calendar.setDay({ date: "2031-09-28", kind: "workday", note: "国庆调休" });
    const after = await admin.calendar.year({ year: 2031 });
    expect(after.overrides.map((o) => [o.date, o.kind, o.officialKind])).toEqual([
      ["2031-09-28", "workday", "holiday"],
      ["2031-10-01", "holiday", "workday"],
    ]);
    expect(addWorkdays("2031-09-30", 1, await loadCalendar(t.db))).toBe("2031-10-02");
    await admin.calendar.clearDay({ date: "2031-10-01" });
    expect(addWorkdays("2031-09-30", 1, await loadCalendar(t.db))).toBe("2031-10-01");
    expect(await t.db.auditEvent.count({ where: { entityType: "calendar" } })).toBe(3);
  });

  it("a change made through one instance is in force on another at once (no cache to wait out)", async () => {
    const other: Db = createDb(t.url, { poolSize: 2 });
    try {
      const admin = (await signedIn(t.db, "region.admin")).caller;
      const viaOther = async () => {
        const inTransaction = await writeWithSql(other, null, async ({ sql, audit }) => {
          audit.unchanged();
          return addWorkdays("2032-09-30", 1, await loadCalendarSql(other, sql));
        });
        return [addWorkdays("2032-09-30", 1, await loadCalendar(other)), inTransaction];
      };
      // 2032-10-01 is a Friday; the other instance has the calendar cached before the change.
      expect(await viaOther()).toEqual(["2032-10-01", "2032-10-01"]);
      await admin.calendar.setDay({ date: "2032-10-01", kind: "holiday", note: "国庆节" });
      expect(await viaOther()).toEqual(["2032-10-04", "2032-10-04"]);
      await admin.calendar.clearDay({ date: "2032-10-01" });
      expect(await viaOther()).toEqual(["2032-10-01", "2032-10-01"]);
    } finally {
      await other.$disconnect();
    }
  });

  it("refuses other roles and bad dates", async () => {
    const caseworker = (await signedIn(t.db, "hohhot.caseworker")).caller;
    await expect(caseworker.calendar.setDay({ date: "2031-10-02", kind: "holiday" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "您没有执行此操作的权限" });
    const admin = (await signedIn(t.db, "region.admin")).caller;
    await expect(admin.calendar.setDay({ date: "2031-02-30", kind: "holiday" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "日期无效，请使用 YYYY-MM-DD 格式的真实日期" });
    await expect(admin.calendar.clearDay({ date: "2031-10-05" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "该日期没有调整记录" });
  });
});

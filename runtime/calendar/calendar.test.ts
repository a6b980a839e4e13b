import { describe, expect, it } from "vitest";
import {
  CalendarError,
  addDays,
  addWorkdays,
  chinaDateOf,
  createWorkCalendar,
  dueDate,
  isWorkday,
  isYearKnown,
  workdaysBetween,
} from "./index";

const official = createWorkCalendar();

describe("isWorkday with the official schedule", () => {
  it("follows National Day 2025: 1–8 October off, 28 September and 11 October make-up workdays", () => {
    for (let day = 1; day <= 8; day++) {
      expect(isWorkday(`2025-10-0${day}`, official), `2025-10-0${day}`).toBe(false);
    }
    expect(isWorkday("2025-09-28", official)).toBe(true); // Sunday, 调休上班
    expect(isWorkday("2025-10-11", official)).toBe(true); // Saturday, 调休上班
    expect(isWorkday("2025-10-09", official)).toBe(true);
    expect(isWorkday("2025-10-12", official)).toBe(false); // an ordinary Sunday
  });

  it("follows Spring Festival 2026: 15–23 February off, 14 and 28 February make-up workdays", () => {
    for (let day = 15; day <= 23; day++) expect(isWorkday(`2026-02-${day}`, official), `2026-02-${day}`).toBe(false);
    expect(isWorkday("2026-02-14", official)).toBe(true);
    expect(isWorkday("2026-02-28", official)).toBe(true);
    expect(isWorkday("2026-02-24", official)).toBe(true);
  });

  it("refuses a date that does not exist", () => {
    expect(() => isWorkday("2025-02-30", official)).toThrow(CalendarError);
    expect(() => isWorkday("2025/10/01", official)).toThrow(/YYYY-MM-DD/);
  });
});

describe("addWorkdays and workdaysBetween", () => {
  it("does not count the day of submission", () => {
    expect(addWorkdays("2025-09-15", 1, official)).toBe("2025-09-16");
    expect(addWorkdays("2025-09-19", 1, official)).toBe("2025-09-22"); // Friday → Monday
  });

  it("jumps over National Day 2025 for a case submitted just before it", () => {
    expect(addWorkdays("2025-09-26", 1, official)).toBe("2025-09-28"); // the make-up Sunday counts
    expect(addWorkdays("2025-09-30", 1, official)).toBe("2025-10-09");
    expect(addWorkdays("2025-09-30", 3, official)).toBe("2025-10-11"); // 9, 10, and the make-up Saturday
    expect(workdaysBetween("2025-09-30", "2025-10-11", official)).toBe(3);
  });

  it("jumps over Spring Festival 2026", () => {
    expect(addWorkdays("2026-02-13", 1, official)).toBe("2026-02-14");
    expect(addWorkdays("2026-02-13", 2, official)).toBe("2026-02-24");
    expect(addWorkdays("2026-02-13", 6, official)).toBe("2026-02-28");
    expect(workdaysBetween("2026-02-13", "2026-02-28", official)).toBe(6);
  });

  it("handles same-day items and a submission on a rest day", () => {
    expect(addWorkdays("2025-09-15", 0, official)).toBe("2025-09-15");
    expect(addWorkdays("2025-10-03", 0, official)).toBe("2025-10-09");
    expect(addWorkdays("2025-10-03", 1, official)).toBe("2025-10-09"); // online on a holiday: first workday counts
  });

  it("is the inverse of workdaysBetween and signs a backward range", () => {
    for (const days of [1, 5, 15, 20]) {
      expect(workdaysBetween("2025-09-20", addWorkdays("2025-09-20", days, official), official)).toBe(days);
    }
    expect(workdaysBetween("2025-10-11", "2025-09-30", official)).toBe(-3);
    expect(workdaysBetween("2025-10-01", "2025-10-01", official)).toBe(0);
  });

  it("refuses a negative or fractional count", () => {
    expect(() => addWorkdays("2025-09-15", -1, official)).toThrow(/非负整数/);
    expect(() => addWorkdays("2025-09-15", 1.5, official)).toThrow(CalendarError);
  });
});

describe("addDays", () => {
  it("counts calendar days across months and years", () => {
    expect(addDays("2025-09-30", 1)).toBe("2025-10-01");
    expect(addDays("2024-12-31", 60)).toBe("2025-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
  });
});

describe("dueDate", () => {
  it("counts working days for a workday limit", () => {
    expect(dueDate("2025-09-30", { days: 3, unit: "workday" }, [], official)).toBe("2025-10-11");
    expect(dueDate("2025-09-26", { days: 20, unit: "workday" }, [], official)).toBe(addWorkdays("2025-09-26", 20, official));
  });

  it("counts calendar days for a day limit, ending on the next workday when the last day is a rest day", () => {
    expect(dueDate("2025-08-01", { days: 60, unit: "day" }, [], official)).toBe("2025-09-30"); // 工伤认定 60 日
    expect(dueDate("2025-09-20", { days: 15, unit: "day" }, [], official)).toBe("2025-10-09"); // 10-05 is in the holiday
    expect(dueDate("2025-06-01", { days: 7, unit: "day" }, [], official)).toBe("2025-06-09"); // Sunday → Monday
  });

  it("shifts the deadline by the paused working days", () => {
    const limit = { days: 10, unit: "workday" } as const;
    expect(dueDate("2025-09-01", limit, [], official)).toBe("2025-09-15");
    expect(dueDate("2025-09-01", limit, [{ from: "2025-09-03", to: "2025-09-05" }], official)).toBe("2025-09-17");
    expect(dueDate("2025-09-01", limit, [{ from: "2025-09-03", to: "2025-09-03" }], official)).toBe("2025-09-15");
    // Two pauses, one over a weekend (no working days in it).
    expect(
      dueDate("2025-09-01", limit, [{ from: "2025-09-03", to: "2025-09-05" }, { from: "2025-09-05", to: "2025-09-07" }], official),
    ).toBe("2025-09-17");
    // Paused over National Day: the three working days it covered (28–30 September) move the
    // deadline from 30 September to the make-up Saturday, 11 October.
    expect(dueDate("2025-09-26", { days: 3, unit: "workday" }, [], official)).toBe("2025-09-30");
    expect(dueDate("2025-09-26", { days: 3, unit: "workday" }, [{ from: "2025-09-27", to: "2025-10-08" }], official)).toBe(
      "2025-10-11",
    );
  });

  it("shifts a day limit by the paused calendar days", () => {
    const limit = { days: 10, unit: "day" } as const;
    expect(dueDate("2025-09-01", limit, [], official)).toBe("2025-09-11");
    expect(dueDate("2025-09-01", limit, [{ from: "2025-09-03", to: "2025-09-05" }], official)).toBe("2025-09-15"); // 13th is a Saturday
  });

  it("refuses an interval that resumes before it paused", () => {
    expect(() => dueDate("2025-09-01", { days: 1, unit: "workday" }, [{ from: "2025-09-05", to: "2025-09-03" }], official)).toThrow(
      /恢复日期早于中止日期/,
    );
  });
});

describe("a year the library does not know", () => {
  it("tells which years are known", () => {
    expect(isYearKnown(2025)).toBe(true);
    expect(isYearKnown(2026)).toBe(true);
    expect(isYearKnown(2031)).toBe(false);
  });

  it("treats weekdays as working days and weekends as rest days", () => {
    expect(isWorkday("2031-10-01", official)).toBe(true); // a Wednesday
    expect(isWorkday("2031-09-28", official)).toBe(false); // a Sunday
    expect(addWorkdays("2031-09-30", 3, official)).toBe("2031-10-03");
  });

  it("lets administrators enter the year's holidays and make-up days", () => {
    const calendar = createWorkCalendar({
      "2031-10-01": "holiday",
      "2031-10-02": "holiday",
      "2031-10-03": "holiday",
      "2031-10-06": "holiday",
      "2031-10-07": "holiday",
      "2031-09-28": "workday",
    });
    expect(isWorkday("2031-10-01", calendar)).toBe(false);
    expect(isWorkday("2031-09-28", calendar)).toBe(true);
    expect(addWorkdays("2031-09-26", 1, calendar)).toBe("2031-09-28");
    expect(addWorkdays("2031-09-30", 1, calendar)).toBe("2031-10-08");
    expect(workdaysBetween("2031-09-26", "2031-10-08", calendar)).toBe(4); // 28, 29, 30 September and 8 October
  });

  it("lets overrides correct a known year too", () => {
    const calendar = createWorkCalendar({ "2025-10-09": "holiday", "2025-10-04": "workday" });
    expect(isWorkday("2025-10-09", calendar)).toBe(false);
    expect(isWorkday("2025-10-04", calendar)).toBe(true);
    expect(isWorkday("2025-10-09", official)).toBe(true);
  });

  it("refuses malformed overrides", () => {
    expect(() => createWorkCalendar({ "2031-13-01": "holiday" })).toThrow(CalendarError);
    expect(() => createWorkCalendar({ "2031-10-01": "weekend" as "holiday" })).toThrow(/holiday（休息日）或 workday/);
  });
});

describe("chinaDateOf", () => {
  it("gives the day in China whatever the offset of the instant", () => {
    expect(chinaDateOf("2025-09-30T16:30:00Z")).toBe("2025-10-01");
    expect(chinaDateOf("2025-09-30T23:59:00+08:00")).toBe("2025-09-30");
    expect(chinaDateOf(new Date("2025-09-30T15:59:59Z"))).toBe("2025-09-30");
    expect(() => chinaDateOf("not a time")).toThrow(CalendarError);
  });
});

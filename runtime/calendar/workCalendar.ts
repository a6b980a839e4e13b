/**
 * A working-day calendar: China's official schedule plus administrators' overrides.
 * An override wins over the published schedule and over the weekday rule; it is how an
 * administrator enters a year `chinese-days` does not know yet, or corrects a day
 * (e.g. a local holiday).
 */
import { CalendarError } from "./calendarError";
import { isIsoDate, toDayNumber, type IsoDate } from "./isoDate";

/** What an administrator declares a day to be. */
export type DayOverride = "holiday" | "workday";

/** Overrides keyed by date: `{ "2027-10-01": "holiday", "2027-09-26": "workday" }`. */
export type CalendarOverrides = Readonly<Record<IsoDate, DayOverride>>;

export interface WorkCalendar {
  /** Day number → whether that day is a working day, for every overridden day. */
  readonly overrides: ReadonlyMap<number, boolean>;
}

/** Builds a calendar from administrators' overrides; throws `INVALID_OVERRIDE` on a bad entry. */
export function createWorkCalendar(overrides: CalendarOverrides = {}): WorkCalendar {
  const byDay = new Map<number, boolean>();
  for (const [date, kind] of Object.entries(overrides)) {
    if (!isIsoDate(date)) throw new CalendarError("INVALID_OVERRIDE", `调整日期“${date}”无效，应为 YYYY-MM-DD 格式的真实日期`);
    if (kind !== "holiday" && kind !== "workday") {
      throw new CalendarError("INVALID_OVERRIDE", `日期 ${date} 的调整类型“${String(kind)}”无效，只能是 holiday（休息日）或 workday（工作日）`);
    }
    byDay.set(toDayNumber(date), kind === "workday");
  }
  return { overrides: byDay };
}

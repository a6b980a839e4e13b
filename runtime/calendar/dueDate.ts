/**
 * The due date of a time limit that may have been paused (中止, or a step whose clock
 * stops such as 补正 by the applicant).
 *
 * - Counting starts the day after `start` (see `workdays.ts`).
 * - `workday` limits count working days; `day` limits count calendar days, and when the
 *   last day is a rest day the limit ends on the next working day (《民法典》第二百零三条:
 *   期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
 * - A paused interval `{ from, to }` means the clock stopped on `from` and ran again on
 *   `to`; the days after `from` up to and including `to` do not count (the pause day was
 *   already running, the resumption day is a fresh start, as a start day is). A pause so
 *   shifts the deadline by the working days (or days) it covered; pause and resumption on
 *   the same day shift nothing. Paused days after the due date change nothing.
 */
import { CalendarError } from "./calendarError";
import { fromDayNumber, toDayNumber, type IsoDate } from "./isoDate";
import type { WorkCalendar } from "./workCalendar";
import { isWorkdayNumber, workdayOnOrAfter } from "./workdays";

/** A time limit: `{ days: 15, unit: "workday" }` = 15个工作日, `{ days: 60, unit: "day" }` = 60日. */
export interface TimeLimit {
  days: number;
  unit: "workday" | "day";
}

/** A stretch during which a clock stood still: stopped on `from`, running again on `to`. */
export interface PausedInterval {
  from: IsoDate;
  to: IsoDate;
}

type DayRange = [first: number, last: number];

function pausedDayRanges(intervals: readonly PausedInterval[]): DayRange[] {
  return intervals.map(({ from, to }) => {
    const first = toDayNumber(from) + 1;
    const last = toDayNumber(to);
    if (last < first - 1) throw new CalendarError("INVALID_INTERVAL", `中止区间 ${from} 至 ${to} 无效：恢复日期早于中止日期`);
    return [first, last];
  });
}

function isInRanges(day: number, ranges: readonly DayRange[]): boolean {
  for (const [first, last] of ranges) if (day >= first && day <= last) return true;
  return false;
}

/** The last day (inclusive) on which a limit of `limit` starting on `start` is met. */
export function dueDate(
  start: IsoDate,
  limit: TimeLimit,
  pausedIntervals: readonly PausedInterval[],
  calendar: WorkCalendar,
): IsoDate {
  if (!Number.isInteger(limit.days) || limit.days < 0) {
    throw new CalendarError("INVALID_DAY_COUNT", `时限天数“${limit.days}”必须是非负整数`);
  }
  const paused = pausedDayRanges(pausedIntervals);
  let day = toDayNumber(start);
  let counted = 0;
  while (counted < limit.days) {
    day++;
    if (isInRanges(day, paused)) continue;
    if (limit.unit === "day" || isWorkdayNumber(day, calendar)) counted++;
  }
  return fromDayNumber(workdayOnOrAfter(day, calendar));
}

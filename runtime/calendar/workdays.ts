/**
 * Working-day arithmetic.
 *
 * Counting convention: the day something happens (a case is submitted, a step opens, a
 * clock resumes) is not counted; counting starts with the next working day. This is the
 * rule of Chinese administrative practice (《民法典》第二百零一条: 开始的当日不计入，自下一日
 * 开始计算; 行政许可 limits run 自受理之日起 in the same way): a case submitted on Friday
 * with a 1-working-day limit is due on Monday, whatever hour it came in.
 */
import { CalendarError } from "./calendarError";
import { fromDayNumber, toDayNumber, type IsoDate } from "./isoDate";
import { isOfficialWorkday } from "./officialSchedule";
import type { WorkCalendar } from "./workCalendar";

/** Whether a day number is a working day: override first, then the official schedule. */
export function isWorkdayNumber(dayNumber: number, calendar: WorkCalendar): boolean {
  return calendar.overrides.get(dayNumber) ?? isOfficialWorkday(dayNumber);
}

/** Whether `date` is a working day in `calendar`. */
export function isWorkday(date: IsoDate, calendar: WorkCalendar): boolean {
  return isWorkdayNumber(toDayNumber(date), calendar);
}

/** The first working day on or after a day number. */
export function workdayOnOrAfter(dayNumber: number, calendar: WorkCalendar): number {
  let day = dayNumber;
  while (!isWorkdayNumber(day, calendar)) day++;
  return day;
}

/**
 * The `days`-th working day after `start` (start not counted). With `days` = 0, `start`
 * itself when it is a working day, else the next working day (same-day handling, 即办).
 */
export function addWorkdays(start: IsoDate, days: number, calendar: WorkCalendar): IsoDate {
  if (!Number.isInteger(days) || days < 0) {
    throw new CalendarError("INVALID_DAY_COUNT", `工作日数“${days}”必须是非负整数`);
  }
  let day = toDayNumber(start);
  if (days === 0) return fromDayNumber(workdayOnOrAfter(day, calendar));
  let counted = 0;
  while (counted < days) {
    day++;
    if (isWorkdayNumber(day, calendar)) counted++;
  }
  return fromDayNumber(day);
}

/**
 * Working days from `start` to `end` under the same convention: those after `start` up to
 * and including `end`, so `workdaysBetween(a, addWorkdays(a, n)) === n` for n ≥ 1.
 * Negative when `end` is before `start`.
 */
export function workdaysBetween(start: IsoDate, end: IsoDate, calendar: WorkCalendar): number {
  const from = toDayNumber(start);
  const to = toDayNumber(end);
  if (to < from) return -workdaysBetween(end, start, calendar);
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (isWorkdayNumber(day, calendar)) count++;
  return count;
}

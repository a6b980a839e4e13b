/**
 * China's official working-day schedule (public holidays and make-up working days, 调休)
 * as published in the `chinese-days` package, read once per year and cached.
 *
 * A year the package has not published yet (the State Council publishes each year's
 * schedule in the winter before) is "unknown": there, Monday–Friday are working days and
 * Saturday–Sunday rest days, and administrators' overrides fill in the rest (see
 * `workCalendar.ts`). `isYearKnown` lets the UI warn about such a year.
 *
 * Only `isWorkday` with `YYYY-MM-DD` strings is used from the package: it gives the same
 * answer whatever the process time zone is (its range and detail helpers do not).
 */
import chineseDays from "chinese-days";
import { fromDayNumber, MS_PER_DAY, weekdayOf } from "./isoDate";

interface YearSchedule {
  /** Day number of 1 January. */
  readonly firstDay: number;
  /** 1 where the day is a working day, 0 where it is a rest day. */
  readonly workdays: Uint8Array;
  /** Whether the package publishes this year (any day differs from the plain weekday rule). */
  readonly known: boolean;
}

const schedules = new Map<number, YearSchedule>();

/** Monday–Friday work, Saturday–Sunday rest: the rule where no schedule says otherwise. */
function isPlainWeekday(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday !== 0 && weekday !== 6;
}

function scheduleOf(year: number): YearSchedule {
  const cached = schedules.get(year);
  if (cached) return cached;
  const firstDay = Date.UTC(year, 0, 1) / MS_PER_DAY;
  const length = Date.UTC(year + 1, 0, 1) / MS_PER_DAY - firstDay;
  const workdays = new Uint8Array(length);
  let known = false;
  for (let offset = 0; offset < length; offset++) {
    const dayNumber = firstDay + offset;
    const official = chineseDays.isWorkday(fromDayNumber(dayNumber));
    workdays[offset] = official ? 1 : 0;
    if (official !== isPlainWeekday(dayNumber)) known = true;
  }
  const schedule: YearSchedule = { firstDay, workdays, known };
  schedules.set(year, schedule);
  return schedule;
}

/** Whether `chinese-days` publishes the holiday schedule of `year`. */
export function isYearKnown(year: number): boolean {
  return Number.isInteger(year) && scheduleOf(year).known;
}

let lastSchedule: YearSchedule | undefined;

/**
 * The official answer for a day. In an unknown year no day differs from the weekday rule
 * (that is what makes it unknown), so the same table answers both cases.
 */
export function isOfficialWorkday(dayNumber: number): boolean {
  let schedule = lastSchedule;
  if (!schedule || dayNumber < schedule.firstDay || dayNumber >= schedule.firstDay + schedule.workdays.length) {
    schedule = scheduleOf(new Date(dayNumber * MS_PER_DAY).getUTCFullYear());
    lastSchedule = schedule;
  }
  return schedule.workdays[dayNumber - schedule.firstDay] === 1;
}

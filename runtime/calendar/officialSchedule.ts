/**
 * China's official working-day schedule (public holidays and make-up working days, 调休)
 * as published by the `chinese-days` package in its data file `dist/chinese-days.json`
 * (a documented part of the package, 2004 onwards).
 *
 * The data file is read rather than the package's `isWorkday`: that function builds its
 * tables with local-time date formatting, which shifts every day by one when the process
 * runs west of UTC; the data file is plain `YYYY-MM-DD` keys and has no such dependency.
 *
 * A year the package has not published yet (the State Council publishes each year's
 * schedule in the winter before) is "unknown": there Monday–Friday are working days and
 * Saturday–Sunday rest days, and administrators' overrides fill in the rest (see
 * `workCalendar.ts`). `isYearKnown` lets the UI warn about such a year.
 */
import published from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { toDayNumber, weekdayOf } from "./isoDate";

interface PublishedSchedule {
  /** Days off, weekends within a holiday included: date → "English name,中文名,n". */
  holidays: Record<string, string>;
  /** Make-up working days on a weekend: date → holiday name. */
  workdays: Record<string, string>;
}

function readSchedule({ holidays, workdays }: PublishedSchedule) {
  const days = new Map<number, boolean>();
  const years = new Set<number>();
  for (const date of Object.keys(holidays)) {
    days.set(toDayNumber(date), false);
    years.add(Number(date.slice(0, 4)));
  }
  for (const date of Object.keys(workdays)) days.set(toDayNumber(date), true);
  return { days, years };
}

const official = readSchedule(published as PublishedSchedule);

/** Whether `chinese-days` publishes the holiday schedule of `year`. */
export function isYearKnown(year: number): boolean {
  return official.years.has(year);
}

/** The official answer for a day: the published schedule, else Monday–Friday work. */
export function isOfficialWorkday(dayNumber: number): boolean {
  const declared = official.days.get(dayNumber);
  if (declared !== undefined) return declared;
  const weekday = weekdayOf(dayNumber);
  return weekday !== 0 && weekday !== 6;
}

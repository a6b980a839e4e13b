/**
 * Calendar dates as `YYYY-MM-DD` strings. They name a day in China (Asia/Shanghai), never
 * an instant; internally a date is a day number (days since 1970-01-01), so arithmetic
 * does not depend on the time zone of the process.
 */
import { CalendarError } from "./calendarError";

/** A day as `YYYY-MM-DD`, in China time. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws `INVALID_DATE` for anything else. */
export function toDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new CalendarError("INVALID_DATE", `日期“${date}”无效，应为 YYYY-MM-DD 格式的真实日期`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** The `YYYY-MM-DD` date of a day number. */
export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new CalendarError("INVALID_DAY_COUNT", `天数“${days}”必须是整数`);
  return fromDayNumber(toDayNumber(date) + days);
}

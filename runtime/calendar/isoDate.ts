/**
 * Calendar dates as `YYYY-MM-DD` strings. They name a day in China (Asia/Shanghai), never
 * an instant; internally a date is a day number (days since 1970-01-01), so arithmetic
 * does not depend on the time zone of the process.
 */
import { CalendarError } from "./calendarError";

/** A day as `YYYY-MM-DD`, in China time. */
export type IsoDate = string;

/** Milliseconds in a calendar day (UTC days have no leap seconds in JavaScript). */
export const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day number of a real `YYYY-MM-DD` date, or null. */
function parseIsoDate(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : MONTH_LENGTHS[month - 1])) return null;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws `INVALID_DATE` for anything else. */
export function toDayNumber(date: IsoDate): number {
  const dayNumber = parseIsoDate(date);
  if (dayNumber === null) throw new CalendarError("INVALID_DATE", `日期“${date}”无效，应为 YYYY-MM-DD 格式的真实日期`);
  return dayNumber;
}

/** Formatted dates, kept: a case system uses a few thousand distinct days at most. */
const formatted = new Map<number, IsoDate>();

/** The `YYYY-MM-DD` date of a day number. */
export function fromDayNumber(dayNumber: number): IsoDate {
  let date = formatted.get(dayNumber);
  if (date === undefined) {
    date = new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
    formatted.set(dayNumber, date);
  }
  return date;
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

/**
 * The day an instant falls on in China. Asia/Shanghai has been UTC+8 without daylight
 * saving since 1991, so a fixed offset gives the same answer as a time-zone database and
 * keeps the result independent of the server's own time zone.
 */
import { CalendarError } from "./calendarError";
import { fromDayNumber, MS_PER_DAY, type IsoDate } from "./isoDate";

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China (Asia/Shanghai) date of an instant given as an ISO 8601 string or a Date. */
export function chinaDateOf(instant: string | Date): IsoDate {
  const time = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(time)) throw new CalendarError("INVALID_DATE", `时间“${String(instant)}”无效，应为 ISO 8601 格式`);
  return fromDayNumber(Math.floor((time + CHINA_OFFSET_MS) / MS_PER_DAY));
}

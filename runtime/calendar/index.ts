/** Working-day calendar: pure functions over `YYYY-MM-DD` dates in China time. */
export { CalendarError, type CalendarErrorCode } from "./calendarError";
export { chinaDateOf } from "./chinaTime";
export { dueDate, type PausedInterval, type TimeLimit } from "./dueDate";
export { addDays, isIsoDate, type IsoDate } from "./isoDate";
export { isYearKnown } from "./officialSchedule";
export { createWorkCalendar, type CalendarOverrides, type DayOverride, type WorkCalendar } from "./workCalendar";
export { addWorkdays, isWorkday, workdaysBetween } from "./workdays";

/** The working calendar in force: the official schedule plus administrators' overrides. */
import type { Db, Tx } from "../../db";
import { createWorkCalendar, type CalendarOverrides, type WorkCalendar } from "../../calendar";

export async function loadCalendar(db: Db | Tx): Promise<WorkCalendar> {
  const rows = await db.calendarOverride.findMany({ select: { date: true, kind: true } });
  const overrides: Record<string, "holiday" | "workday"> = {};
  for (const row of rows) overrides[row.date] = row.kind === "workday" ? "workday" : "holiday";
  return createWorkCalendar(overrides as CalendarOverrides);
}

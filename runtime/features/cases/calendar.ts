/** The working calendar in force: the official schedule plus administrators' overrides. */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import { cached, dbCache } from "@/runtime/cache";
import { createWorkCalendar, type CalendarOverrides, type WorkCalendar } from "@/runtime/calendar";

/** Cached briefly per client; an administrator's correction is in force within seconds. */
export async function loadCalendar(db: Db | Tx): Promise<WorkCalendar> {
  return cached(dbCache<WorkCalendar>(db, "calendar", 10_000), "calendar", () => readCalendar(db));
}

async function readCalendar(db: Db | Tx): Promise<WorkCalendar> {
  const rows = await db.calendarOverride.findMany({ select: { date: true, kind: true } });
  const overrides: Record<string, "holiday" | "workday"> = {};
  for (const row of rows) overrides[row.date] = row.kind === "workday" ? "workday" : "holiday";
  return createWorkCalendar(overrides as CalendarOverrides);
}

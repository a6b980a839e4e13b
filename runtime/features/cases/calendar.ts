/** The working calendar in force: the official schedule plus administrators' overrides. */
import "server-only";
import type { Db, SqlTx, Tx } from "@/runtime/db";
import { cached, dbCache } from "@/runtime/cache";
import { createWorkCalendar, type CalendarOverrides, type WorkCalendar } from "@/runtime/calendar";

const calendarCache = (db: Db) => dbCache<WorkCalendar>(db, "calendar", 10_000);

/** Cached briefly per client; an administrator's correction is in force within seconds. */
export async function loadCalendar(db: Db | Tx): Promise<WorkCalendar> {
  return cached(calendarCache(db as Db), "calendar", async () =>
    fromRows(await db.calendarOverride.findMany({ select: { date: true, kind: true } })),
  );
}

/** The same, read (on a cache miss) inside a plain-SQL write transaction. */
export async function loadCalendarSql(db: Db, sql: SqlTx): Promise<WorkCalendar> {
  return cached(calendarCache(db), "calendar", async () =>
    fromRows(await sql.all<{ date: string; kind: string }>('SELECT "date", "kind" FROM "CalendarOverride"')),
  );
}

function fromRows(rows: { date: string; kind: string }[]): WorkCalendar {
  const overrides: Record<string, "holiday" | "workday"> = {};
  for (const row of rows) overrides[row.date] = row.kind === "workday" ? "workday" : "holiday";
  return createWorkCalendar(overrides as CalendarOverrides);
}

/** Forget the cached calendar after an administrator's change. */
export function forgetCalendar(db: Db) {
  calendarCache(db)?.clear();
}

/**
 * The working calendar in force: the official schedule plus administrators' overrides.
 *
 * Each instance keeps the calendar it built, with the generation (`CacheGeneration` row
 * "calendar") it was built at; every read checks the generation (one primary-key lookup, in the
 * caller's transaction when there is one), so an administrator's change through any instance is
 * in force on every instance at once — never a promised date computed on a calendar already changed.
 */
import "server-only";
import type { Db, SqlTx, Tx } from "@/runtime/db";
import { dbCache } from "@/runtime/cache";
import { createWorkCalendar, type CalendarOverrides, type WorkCalendar } from "@/runtime/calendar";

interface CachedCalendar {
  generation: number;
  calendar: WorkCalendar;
}

const GENERATION = "calendar";
/** Only to bound memory: correctness comes from the generation check. */
const calendarCache = (db: Db) => dbCache<CachedCalendar>(db, "calendar", 10 * 60_000, 1);

async function readThrough(db: Db, generation: number, load: () => Promise<{ date: string; kind: string }[]>): Promise<WorkCalendar> {
  const cache = calendarCache(db);
  const hit = cache?.get(GENERATION);
  if (hit && hit.generation === generation) return hit.calendar;
  const calendar = fromRows(await load());
  cache?.set(GENERATION, { generation, calendar });
  return calendar;
}

export async function loadCalendar(db: Db | Tx): Promise<WorkCalendar> {
  const row = await db.cacheGeneration.findUnique({ where: { name: GENERATION }, select: { generation: true } });
  return readThrough(db as Db, row?.generation ?? 0, () => db.calendarOverride.findMany({ select: { date: true, kind: true } }));
}

/** The same, read inside a plain-SQL write transaction. */
export async function loadCalendarSql(db: Db, sql: SqlTx): Promise<WorkCalendar> {
  const row = await sql.get<{ generation: number }>('SELECT "generation" FROM "CacheGeneration" WHERE "name" = ?', [GENERATION]);
  return readThrough(db, Number(row?.generation ?? 0), () => sql.all<{ date: string; kind: string }>('SELECT "date", "kind" FROM "CalendarOverride"'));
}

function fromRows(rows: { date: string; kind: string }[]): WorkCalendar {
  const overrides: Record<string, "holiday" | "workday"> = {};
  for (const row of rows) overrides[row.date] = row.kind === "workday" ? "workday" : "holiday";
  return createWorkCalendar(overrides as CalendarOverrides);
}

/** In the transaction that changes the overrides: every instance's cached calendar is out of date from its commit. */
export async function calendarChanged(tx: Tx): Promise<void> {
  await tx.cacheGeneration.upsert({ where: { name: GENERATION }, create: { name: GENERATION, generation: 1 }, update: { generation: { increment: 1 } } });
}

/** 工作日历: administrators add or correct days the official schedule lacks or gets wrong. */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { isYearKnown, isWorkday, createWorkCalendar, isIsoDate } from "@/runtime/calendar";
import { AppError } from "@/runtime/errors";
import { writeWithPrisma } from "@/runtime/write";
import { calendarChanged } from "@/runtime/features/cases/calendar";

export async function yearOverview(db: Db, year: number) {
  const rows = await db.calendarOverride.findMany({
    where: { date: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
    orderBy: { date: "asc" },
  });
  const official = createWorkCalendar();
  return {
    year,
    known: isYearKnown(year),
    overrides: rows.map((r) => ({
      date: r.date,
      kind: r.kind as "holiday" | "workday",
      note: r.note,
      officialKind: isWorkday(r.date, official) ? ("workday" as const) : ("holiday" as const),
    })),
  };
}


export async function setDay(db: Db, user: SessionUser, input: { date: string; kind: "holiday" | "workday"; note?: string }) {
  if (!isIsoDate(input.date)) throw new AppError("BAD_REQUEST", "日期无效，请使用 YYYY-MM-DD 格式的真实日期");
  const result = await writeWithPrisma(db, user, async ({ tx, audit }) => {
    const row = await tx.calendarOverride.upsert({
      where: { date: input.date },
      create: { date: input.date, kind: input.kind, note: input.note ?? null, createdById: user.id },
      update: { kind: input.kind, note: input.note ?? null, createdById: user.id },
    });
    await calendarChanged(tx);
    audit.record({ entityType: "calendar", entityId: input.date, action: "setDay", organisationId: "150000", payload: input });
    return row;
  });
  return result;
}

export async function clearDay(db: Db, user: SessionUser, date: string) {
  const result = await writeWithPrisma(db, user, async ({ tx, audit }) => {
    const removed = await tx.calendarOverride.deleteMany({ where: { date } });
    if (removed.count === 0) throw new AppError("NOT_FOUND", "该日期没有调整记录");
    await calendarChanged(tx);
    audit.record({ entityType: "calendar", entityId: date, action: "clearDay", organisationId: "150000" });
    return { ok: true };
  });
  return result;
}

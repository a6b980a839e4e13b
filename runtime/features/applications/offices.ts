/** Offices an applicant may choose to handle a service, from the levels that run it (行使层级). */
import "server-only";
import type { Db } from "@/runtime/db";
import type { Level } from "@/runtime/definition/schema";
import { cached, dbCache } from "@/runtime/cache";

export interface OfficeOption {
  id: string;
  name: string;
  level: Level;
  parentId: string | null;
  /** The parent's name (a banner's league), for grouping when the parent itself is not offered. */
  parentName: string | null;
}

export async function officesFor(db: Db, levels: Level[]): Promise<OfficeOption[]> {
  const wanted: Level[] = levels.length ? levels : ["league", "banner"];
  const cache = dbCache<{ offices: OfficeOption[] }>(db, "offices", 60_000);
  return (await cached(cache, wanted.join(","), async () => ({ offices: await loadOffices(db, wanted) }))).offices;
}

async function loadOffices(db: Db, wanted: Level[]): Promise<OfficeOption[]> {
  const rows = await db.organisation.findMany({
    where: { level: { in: wanted } },
    orderBy: { id: "asc" },
    select: { id: true, name: true, level: true, parentId: true, parent: { select: { name: true } } },
  });
  return rows.map(({ parent, ...r }) => ({ ...r, level: r.level as Level, parentName: parent?.name ?? null }));
}

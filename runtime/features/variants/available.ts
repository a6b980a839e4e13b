/**
 * What a league or banner administrator may customise: the published services of the offices
 * above theirs, by code, nearest first (their league's variant before the region's template),
 * with their own variant when they have one.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { organisationTree } from "../organisations/tree";
import { localAdminOffices } from "./create";

export interface VariantBaseOption {
  serviceId: string;
  ownerOrgId: string;
  ownerOrgName: string;
  level: "region" | "league" | "banner";
  publishedVersion: number;
}

export interface CustomisableService {
  code: string;
  title: string;
  part: string;
  category: string;
  /** The office the variant would be for. */
  officeId: string;
  officeName: string;
  /** Services it can build on, nearest first: the default is the first. */
  bases: VariantBaseOption[];
  /** The office's own variant (or own service of that code), when there is one. */
  mine: { serviceId: string; isVariant: boolean } | null;
}

export async function customisableServices(db: Db, user: SessionUser, filter: { search?: string } = {}): Promise<CustomisableService[]> {
  const offices = localAdminOffices(user);
  if (offices.length === 0) return [];
  const tree = await organisationTree(db);
  const out: CustomisableService[] = [];
  for (const officeId of offices) {
    const chain = tree.chain(officeId);
    const above = chain.slice(1);
    const search = filter.search;
    const services = await db.service.findMany({
      where: {
        ownerOrgId: { in: above.map((n) => n.id) },
        versions: { some: { status: "published" } },
        ...(search ? { OR: [{ title: { contains: search } }, { code: { contains: search } }, { category: { contains: search } }] } : {}),
      },
      orderBy: { code: "asc" },
      include: { versions: { where: { status: "published" }, orderBy: { number: "desc" }, take: 1, select: { number: true } } },
    });
    const own = await db.service.findMany({ where: { ownerOrgId: officeId, code: { in: [...new Set(services.map((s) => s.code))] } }, select: { id: true, code: true, parentServiceId: true } });
    const mine = new Map(own.map((s) => [s.code, { serviceId: s.id, isVariant: s.parentServiceId !== null }]));
    const distance = new Map(above.map((n, i) => [n.id, i]));
    const byCode = new Map<string, CustomisableService>();
    for (const s of services) {
      const owner = tree.get(s.ownerOrgId)!;
      const row = byCode.get(s.code) ?? { code: s.code, title: s.title, part: s.part, category: s.category, officeId, officeName: chain[0]?.name ?? officeId, bases: [], mine: mine.get(s.code) ?? null };
      row.bases.push({ serviceId: s.id, ownerOrgId: s.ownerOrgId, ownerOrgName: owner.name, level: owner.level, publishedVersion: s.versions[0]?.number ?? 0 });
      byCode.set(s.code, row);
    }
    for (const row of byCode.values()) {
      row.bases.sort((a, b) => (distance.get(a.ownerOrgId) ?? 99) - (distance.get(b.ownerOrgId) ?? 99));
      out.push(row);
    }
  }
  return out;
}

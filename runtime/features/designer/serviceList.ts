/** The designer's list of services an administrator may edit or read (offices below), with their latest version. */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { administers, readableOffices } from "../variants/access";
import { displayNames } from "../users/displayNames";

export interface DesignerServiceRow {
  id: string;
  code: string;
  title: string;
  part: string;
  category: string;
  ownerOrgId: string;
  ownerOrgName: string;
  isVariant: boolean;
  /** `edit`: one of the user's offices owns it; `read`: an office below (read-only). */
  access: "edit" | "read";
  publishedVersion: number | null;
  hasDraft: boolean;
  /** ISO time of the latest change. */
  updatedAt: string;
  lastEditor: string | null;
}

export interface DesignerListFilter {
  search?: string;
  /** `draft`: services with a draft; `published`: with a published version; `unpublished`: never published. */
  status?: "draft" | "published" | "unpublished";
  part?: string;
  category?: string;
}

export async function listDesignerServices(db: Db, user: SessionUser, filter: DesignerListFilter = {}): Promise<DesignerServiceRow[]> {
  const owners = await readableOffices(db, user);
  if (owners.length === 0) return [];
  const { search, status, part, category } = filter;
  const services = await db.service.findMany({
    where: {
      ownerOrgId: { in: owners },
      ...(part ? { part } : {}),
      ...(category ? { category } : {}),
      ...(status === "draft" ? { versions: { some: { status: "draft" } } } : {}),
      ...(status === "published" ? { versions: { some: { status: "published" } } } : {}),
      ...(status === "unpublished" ? { versions: { none: { status: "published" } } } : {}),
      ...(search ? { OR: [{ title: { contains: search } }, { code: { contains: search } }, { category: { contains: search } }] } : {}),
    },
    orderBy: { code: "asc" },
    include: {
      owner: { select: { name: true } },
      versions: {
        orderBy: { updatedAt: "desc" },
        select: { number: true, status: true, updatedAt: true, updatedById: true, createdById: true },
      },
    },
  });
  const editors = await displayNames(db, services.map((s) => s.versions[0]?.updatedById ?? s.versions[0]?.createdById));
  return services.map((s) => {
    const published = s.versions.filter((v) => v.status === "published").map((v) => v.number ?? 0);
    const latest = s.versions[0];
    return {
      id: s.id,
      code: s.code,
      title: s.title,
      part: s.part,
      category: s.category,
      ownerOrgId: s.ownerOrgId,
      ownerOrgName: s.owner.name,
      isVariant: s.parentServiceId !== null,
      access: administers(user, s.ownerOrgId) ? "edit" : "read",
      publishedVersion: published.length ? Math.max(...published) : null,
      hasDraft: s.versions.some((v) => v.status === "draft"),
      updatedAt: (latest?.updatedAt ?? s.updatedAt).toISOString(),
      lastEditor: editors.get(latest?.updatedById ?? latest?.createdById ?? "") ?? null,
    };
  });
}

export interface ServiceGroup {
  part: string;
  categories: string[];
}

const NUMERALS = "一二三四五六七八九十";
/** A part's place by its leading numeral (一、… 二、…), parts without one last. */
const partRank = (part: string) => (NUMERALS.includes(part[0]) ? NUMERALS.indexOf(part[0]) : NUMERALS.length);

/** The parts and categories of the user's services, for the list's filter: parts by their numeral (一、二、三, not by character code), categories in the order of their services' codes (the document's). */
export async function designerGroups(db: Db, user: SessionUser): Promise<ServiceGroup[]> {
  const owners = await readableOffices(db, user);
  if (owners.length === 0) return [];
  const rows = await db.service.findMany({ where: { ownerOrgId: { in: owners } }, select: { part: true, category: true, code: true }, orderBy: { code: "asc" } });
  const groups = new Map<string, Set<string>>();
  for (const row of rows) groups.set(row.part, (groups.get(row.part) ?? new Set()).add(row.category));
  return [...groups].map(([part, categories]) => ({ part, categories: [...categories] })).sort((a, b) => partRank(a.part) - partRank(b.part));
}

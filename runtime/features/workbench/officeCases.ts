/**
 * 办件查询 in the workbench: the cases of the offices a staff user may read — their own office's
 * (caseworkers and reviewers, who work them) and, for region and league staff, those of every
 * office below (监督, read-only: marked so, and refused if acted on). Filtered by office (that
 * office and those below it), open or closed, and a search.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import { supervisedOffices, type SessionUser } from "@/runtime/auth/roles";
import { notFound } from "@/runtime/errors";
import type { Level } from "@/runtime/definition/schema";
import { organisationTree, type OrganisationNode as Place } from "@/runtime/features/organisations/tree";
import { versionLabel } from "@/runtime/features/catalogue/places";
import { staffOffices } from "../cases/access";

export interface OfficeCasesFilter {
  officeId?: string;
  status?: "open" | "closed";
  search?: string;
}

export interface ReachableOffice {
  id: string;
  name: string;
  level: Level;
  /** 0 for the top offices of the list, 1 below them, 2 below those. */
  depth: number;
}

export interface OfficeCaseItem {
  id: string;
  caseNumber: string | null;
  status: string;
  serviceTitle: string;
  /** Which office's version of the service the case was filed under (「新城区版本」). */
  versionLabel: string;
  officeId: string;
  officeName: string;
  applicantName: string;
  submittedAt: Date | null;
  dueDate: string | null;
  /** Seen under supervision: readable, never worked from here. */
  readOnly: boolean;
}

const OPEN = ["submitted", "in_progress", "waiting_applicant", "paused"];
const CLOSED = ["completed", "refused", "terminated", "withdrawn"];
const LIMIT = 200;

/** The offices whose cases the user reads, tree order (each office before those below it). */
export async function reachableOffices(db: Db, user: SessionUser): Promise<ReachableOffice[]> {
  const tree = await organisationTree(db);
  const reach = new Map<string, Place>();
  for (const id of staffOffices(user)) {
    const office = tree.get(id);
    if (office) reach.set(id, office);
  }
  for (const root of supervisedOffices(user)) for (const office of tree.subtree(root)) reach.set(office.id, office);
  const depthOf = (id: string) => tree.chain(id).slice(1).filter((p) => reach.has(p.id)).length;
  const sortKey = (id: string) => tree.chain(id).reverse().map((p) => p.id).join("/");
  return [...reach.values()]
    .sort((a, b) => sortKey(a.id).localeCompare(sortKey(b.id)))
    .map((o) => ({ id: o.id, name: o.name, level: o.level, depth: Math.min(2, depthOf(o.id)) }));
}

export async function listOfficeCases(db: Db, user: SessionUser, filter: OfficeCasesFilter = {}) {
  const tree = await organisationTree(db);
  const offices = await reachableOffices(db, user);
  const reach = new Set(offices.map((o) => o.id));
  if (filter.officeId && !reach.has(filter.officeId)) throw notFound("经办机构");
  const officeIds = filter.officeId ? tree.subtree(filter.officeId).map((o) => o.id).filter((id) => reach.has(id)) : [...reach];
  const search = filter.search?.trim();
  const rows = officeIds.length === 0 ? [] : await db.application.findMany({
    where: {
      officeId: { in: officeIds },
      status: { in: filter.status === "open" ? OPEN : filter.status === "closed" ? CLOSED : [...OPEN, ...CLOSED] },
      ...(search
        ? {
            OR: [
              { caseNumber: { contains: search } },
              { service: { title: { contains: search } } },
              { applicant: { displayName: { contains: search } } },
            ],
          }
        : {}),
    },
    orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
    take: LIMIT,
    select: {
      id: true,
      caseNumber: true,
      status: true,
      officeId: true,
      submittedAt: true,
      dueDate: true,
      service: { select: { title: true, ownerOrgId: true } },
      applicant: { select: { displayName: true } },
    },
  });
  const own = new Set(staffOffices(user));
  const cases: OfficeCaseItem[] = rows.map((r) => {
    const owner = tree.get(r.service.ownerOrgId);
    return {
      id: r.id,
      caseNumber: r.caseNumber,
      status: r.status,
      serviceTitle: r.service.title,
      versionLabel: owner ? versionLabel(owner) : "",
      officeId: r.officeId,
      officeName: tree.get(r.officeId)?.name ?? r.officeId,
      applicantName: r.applicant.displayName,
      submittedAt: r.submittedAt,
      dueDate: r.dueDate,
      readOnly: !own.has(r.officeId),
    };
  });
  return { offices, cases, truncated: rows.length === LIMIT };
}

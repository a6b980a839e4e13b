/**
 * Who may see a case: an applicant only their own; caseworkers and reviewers their office's;
 * region and league staff also, read-only, the cases of the offices below them (监督). Acting on
 * a case is for its office's caseworkers and reviewers only (caseStore.officeCaseRow and the
 * task checks of the workbench): a supervisor who tries is told the case is read-only to them
 * (`workRefusal`). A case outside one's reach is "not found", so its existence is not revealed.
 */
import "server-only";
import type { Db, SqlTx, Tx } from "@/runtime/db";
import { supervisedOffices, type SessionUser } from "@/runtime/auth/roles";
import { organisationTree, organisationTreeSql } from "@/runtime/features/organisations/tree";
import { AppError, notFound } from "@/runtime/errors";

const caseInclude = {
  service: { select: { code: true, title: true, owner: { select: { name: true, level: true } } } },
  serviceVersion: { select: { number: true } },
  office: { select: { name: true } },
  applicant: { select: { displayName: true, kind: true, idNumber: true, creditCode: true, phone: true } },
} as const;

/**
 * A case with what its pages show of its service, version, office and applicant, read in turn:
 * with `include`, Prisma sends the four relation queries at once, and inside a transaction they
 * overlap on its one connection (deprecated by pg, an error from its next major version).
 */
async function findCase(db: Db | Tx, id: string) {
  const application = await db.application.findUnique({ where: { id } });
  if (!application) return null;
  const service = await db.service.findUniqueOrThrow({ where: { id: application.serviceId }, select: caseInclude.service.select });
  const serviceVersion = await db.serviceVersion.findUniqueOrThrow({ where: { id: application.serviceVersionId }, select: caseInclude.serviceVersion.select });
  const office = await db.organisation.findUniqueOrThrow({ where: { id: application.officeId }, select: caseInclude.office.select });
  const applicant = await db.user.findUniqueOrThrow({ where: { id: application.applicantId }, select: caseInclude.applicant.select });
  return { ...application, service, serviceVersion, office, applicant };
}

export async function applicantCase(db: Db | Tx, user: SessionUser, id: string) {
  const application = await findCase(db, id);
  if (!application || application.applicantId !== user.id) throw notFound("办件");
  return application;
}

/** The (office, task role) pairs a user works cases in: caseworkers take caseworker steps, reviewers reviewer steps. */
export function workScopes(user: SessionUser): { officeId: string; role: "caseworker" | "reviewer" }[] {
  return user.memberships.flatMap((m) =>
    m.role === "caseworker" || m.role === "reviewer" ? [{ officeId: m.organisationId, role: m.role }] : [],
  );
}

/** The offices where a staff user works cases (as caseworker or reviewer). */
export function staffOffices(user: SessionUser): string[] {
  return workScopes(user).map((s) => s.officeId);
}

/** Whether a staff user may read the cases of an office: their own, or one below an office they supervise. */
export async function readsCasesOf(db: Db | Tx, user: SessionUser, officeId: string): Promise<boolean> {
  if (staffOffices(user).includes(officeId)) return true;
  const roots = supervisedOffices(user);
  if (roots.length === 0) return false;
  const tree = await organisationTree(db);
  return roots.some((root) => tree.isWithin(officeId, root));
}

/**
 * Why a staff user may not work a case of `officeId` that they do not work in (inside the write's
 * transaction): when they supervise the office (监督) they can see the case, so they are told it is
 * read-only to them and who handles it; anyone else gets "not found" (`entity`), as for a case
 * that does not exist.
 */
export async function workRefusal(db: Db, sql: SqlTx, user: SessionUser, officeId: string, entity = "办件"): Promise<AppError> {
  const roots = supervisedOffices(user);
  if (roots.length > 0) {
    const tree = await organisationTreeSql(db, sql);
    const office = tree.get(officeId);
    if (office && roots.some((root) => tree.isWithin(officeId, root))) return readOnlyRefusal(office.name);
  }
  return notFound(entity);
}

/** What a supervisor (监督) is told who tries to work a case they may only read, handled by `officeName`. */
export function readOnlyRefusal(officeName: string): AppError {
  return new AppError("FORBIDDEN", `您只能查看该办件，不能办理（办件由${officeName}办理）`);
}

/** Whether a user reads a case of this office without working it (a supervisor's view: 只读). */
export function readOnlyAt(user: SessionUser, officeId: string): boolean {
  return !staffOffices(user).includes(officeId);
}

/** A submitted case for staff to read: their office's, or (read-only) one of the offices they supervise. */
export async function officeCase(db: Db | Tx, user: SessionUser, id: string) {
  const application = await findCase(db, id);
  if (!application || application.status === "draft" || !(await readsCasesOf(db, user, application.officeId))) throw notFound("办件");
  return application;
}

export type CaseWithRelations = Awaited<ReturnType<typeof applicantCase>>;

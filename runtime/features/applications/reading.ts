/** What the applicant reads: their cases, and one case in full. */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { chinaDateOf } from "@/runtime/calendar";
import { applicantCase } from "@/runtime/features/cases/access";
import { describeCase, isOpen } from "@/runtime/features/cases/caseView";
import { caseNow } from "@/runtime/clock";
import type { AccountIdentity } from "@/runtime/forms/identity";
import { withdrawalAllowed, type CaseState } from "@/runtime/engine";
import { correctionOpenedAt, fileRemovable } from "./removableFiles";

export async function myApplications(db: Db, user: SessionUser) {
  const rows = await db.application.findMany({
    where: { applicantId: user.id },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true,
      caseNumber: true,
      status: true,
      submittedAt: true,
      dueDate: true,
      promisedDate: true,
      updatedAt: true,
      service: { select: { title: true, code: true } },
      office: { select: { name: true } },
    },
  });
  const today = chinaDateOf(caseNow());
  return rows.map(({ service, office, ...r }) => ({
    ...r,
    serviceTitle: service.title,
    serviceCode: service.code,
    officeName: office.name,
    overdue: isOpen(r.status) && r.dueDate !== null && r.dueDate < today,
  }));
}

/** Everything the applicant's case page shows. */
export async function applicationDetail(db: Db, user: SessionUser, id: string) {
  const application = await applicantCase(db, user, id);
  const [detail, account] = await Promise.all([describeCase(db, application, { includeInternal: false }), accountIdentity(db, user)]);
  const state = (application.engineState ?? null) as CaseState | null;
  // 撤回 of a filed case: only before 受理 (the engine's rule, which the withdrawal itself runs).
  const canWithdraw = application.status !== "draft" && withdrawalAllowed(state);
  // Each file says whether the applicant may still delete it (never a submitted one).
  const opened = application.status === "waiting_applicant" ? await correctionOpenedAt(db, application.id, state) : null;
  const attachments = detail.attachments.map((file) => ({ ...file, removable: fileRemovable(application.status, opened, file.createdAt) }));
  return { ...detail, attachments, account, canWithdraw };
}

/** What the applicant's account says of them: the identity their forms are prefilled with and checked against. */
export async function accountIdentity(db: Db, user: SessionUser): Promise<AccountIdentity> {
  const row = await db.user.findUnique({
    where: { id: user.id },
    select: { kind: true, displayName: true, idNumber: true, creditCode: true, phone: true, contactName: true },
  });
  const organisation = row?.kind === "organisation";
  return {
    kind: organisation ? "organisation" : "person",
    name: (organisation ? row?.contactName : row?.displayName) ?? null,
    idNumber: row?.idNumber ?? null,
    organisationName: organisation ? (row?.displayName ?? null) : null,
    creditCode: row?.creditCode ?? null,
    phone: row?.phone ?? null,
  };
}

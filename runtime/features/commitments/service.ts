/**
 * 证明事项告知承诺制: an applicant commits (承诺) instead of providing a material the service
 * allows it for; the case records it and counts it as provided at submission; the office's
 * staff verify it afterwards (事后核查) and mark it 核查属实 or 承诺不实, audited.
 */
import "server-only";
import type { Db, SqlTx } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { AppError, conflict, notFound } from "@/runtime/errors";
import { writeWithPrisma } from "@/runtime/write";
import { allowsCommitment } from "@/runtime/definition/commitments";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { applicantCase, staffOffices } from "../cases/access";
import { pinnedDefinition } from "../cases/definitions";
import { displayNames } from "../users/displayNames";

export const SETTLED_OUTCOMES = ["verified", "breached"] as const;
export type SettledOutcome = (typeof SETTLED_OUTCOMES)[number];

/** The applicant's choice for one material of their draft: commit (true) or provide it (false). */
export async function setCommitment(db: Db, user: SessionUser, input: { applicationId: string; materialId: string; commit: boolean }) {
  return writeWithPrisma(db, user, async ({ tx, audit }) => {
    const application = await applicantCase(tx, user, input.applicationId);
    if (application.status !== "draft") throw new AppError("PRECONDITION_FAILED", "办件已提交，不能再更改告知承诺");
    const definition = await pinnedDefinition(tx, application.serviceVersionId);
    const material = definition.materials.find((m) => m.id === input.materialId);
    if (!material) throw notFound("材料");
    if (!allowsCommitment(material)) throw new AppError("BAD_REQUEST", `“${material.name}”不适用告知承诺制，请上传材料`);
    const where = { applicationId_materialId: { applicationId: application.id, materialId: material.id } };
    const existing = await tx.materialCommitment.findUnique({ where });
    const base = { entityType: "commitment" as const, applicationId: application.id, organisationId: application.officeId, payload: { materialId: material.id, materialName: material.name } };
    if (input.commit) {
      if (existing) {
        audit.unchanged();
        return { committed: true };
      }
      const row = await tx.materialCommitment.create({ data: { applicationId: application.id, materialId: material.id, materialName: material.name } });
      audit.record({ ...base, action: "commitment.set", entityId: row.id });
      return { committed: true };
    }
    if (!existing) {
      audit.unchanged();
      return { committed: false };
    }
    await tx.materialCommitment.delete({ where });
    audit.record({ ...base, action: "commitment.withdraw", entityId: existing.id });
    return { committed: false };
  });
}

/** The materials of a case committed to, for its applicant. */
export async function commitmentsOfMyCase(db: Db, user: SessionUser, applicationId: string) {
  const application = await applicantCase(db, user, applicationId);
  const rows = await db.materialCommitment.findMany({ where: { applicationId: application.id }, orderBy: { committedAt: "asc" } });
  return rows.map((r) => ({ materialId: r.materialId, materialName: r.materialName, committedAt: r.committedAt, status: r.status }));
}

/** At submission: the materials committed to (of those the version allows) count as provided. */
export async function committedMaterialIds(sql: SqlTx, applicationId: string, definition: ServiceDefinition): Promise<Set<string>> {
  const rows = await sql.all<{ materialId: string }>('SELECT "materialId" FROM "MaterialCommitment" WHERE "applicationId" = ?', [applicationId]);
  const allowed = new Set(definition.materials.filter(allowsCommitment).map((m) => m.id));
  return new Set(rows.map((r) => r.materialId).filter((id) => allowed.has(id)));
}

/** 事后核查: the commitments on submitted cases of the offices where the user works cases. */
export async function followUpList(db: Db, user: SessionUser, input: { status?: "committed" | SettledOutcome }) {
  const offices = staffOffices(user);
  const rows = await db.materialCommitment.findMany({
    where: { status: input.status ?? "committed" },
    orderBy: { committedAt: "asc" },
    take: 1000,
  });
  const cases = await db.application.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.applicationId))] }, officeId: { in: offices }, status: { not: "draft" } },
    select: { id: true, caseNumber: true, status: true, submittedAt: true, service: { select: { title: true } }, applicant: { select: { displayName: true } }, office: { select: { name: true } } },
  });
  const byId = new Map(cases.map((c) => [c.id, c]));
  const settlers = await displayNames(db, rows.map((r) => r.settledById));
  return rows
    .filter((r) => byId.has(r.applicationId))
    .slice(0, 200)
    .map((r) => {
      const c = byId.get(r.applicationId)!;
      return {
        id: r.id,
        applicationId: r.applicationId,
        caseNumber: c.caseNumber ?? "",
        serviceTitle: c.service.title,
        applicantName: c.applicant.displayName,
        officeName: c.office.name,
        caseStatus: c.status,
        materialName: r.materialName,
        committedAt: r.committedAt,
        status: r.status as "committed" | SettledOutcome,
        settledBy: settlers.get(r.settledById ?? "") ?? null,
        settledAt: r.settledAt,
        settledNote: r.settledNote,
      };
    });
}

/** The commitments of a case, for staff who may read it. */
export async function commitmentsForStaff(db: Db, applicationId: string) {
  const rows = await db.materialCommitment.findMany({ where: { applicationId }, orderBy: { committedAt: "asc" } });
  const settlers = await displayNames(db, rows.map((r) => r.settledById));
  return rows.map((r) => ({ id: r.id, materialId: r.materialId, materialName: r.materialName, committedAt: r.committedAt, status: r.status, settledBy: settlers.get(r.settledById ?? "") ?? null, settledAt: r.settledAt, settledNote: r.settledNote }));
}

/** 核查属实 / 承诺不实: by the case's office's caseworkers and reviewers, once. */
export async function settleCommitment(db: Db, user: SessionUser, input: { commitmentId: string; outcome: SettledOutcome; note?: string }) {
  return writeWithPrisma(db, user, async ({ tx, audit }) => {
    const row = await tx.materialCommitment.findUnique({ where: { id: input.commitmentId } });
    const application = row ? await tx.application.findUnique({ where: { id: row.applicationId }, select: { id: true, officeId: true, status: true } }) : null;
    // Only the case's office's caseworkers and reviewers; to anyone else it does not exist.
    if (!row || !application || application.status === "draft" || !staffOffices(user).includes(application.officeId)) throw notFound("告知承诺");
    const note = input.note?.trim() || null;
    if (input.outcome === "breached" && !note) throw new AppError("BAD_REQUEST", "请填写承诺不实的核查情况");
    const changed = await tx.materialCommitment.updateMany({
      where: { id: row.id, status: "committed" },
      data: { status: input.outcome, settledById: user.id, settledAt: new Date(), settledNote: note },
    });
    if (changed.count !== 1) throw conflict("该告知承诺已核查，请刷新后查看", "stale");
    audit.record({
      action: "commitment.settle",
      entityType: "commitment",
      entityId: row.id,
      applicationId: application.id,
      organisationId: application.officeId,
      payload: { materialId: row.materialId, materialName: row.materialName, outcome: input.outcome, note },
    });
    return { status: input.outcome };
  });
}

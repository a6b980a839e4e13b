/**
 * 内控稽核: auditors (稽核人员) of the region or a league draw a random sample of the completed
 * cases of an office at or below their organisation for a period, and record a finding per
 * sampled case. They read the cases (as supervisors do) and never act on them.
 */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import { auditedOrganisations, type SessionUser } from "@/runtime/auth/roles";
import { AppError, notFound } from "@/runtime/errors";
import { writeWithPrisma } from "@/runtime/write";
import { organisationTree } from "../organisations/tree";
import { displayNames } from "../users/displayNames";
import { drawSample, newSeed } from "./draw";

/** Closed cases that went through the office's hands (withdrawn ones did not). */
export const AUDITED_STATUSES = ["completed", "refused", "terminated"] as const;
export const FINDING_VERDICTS = ["compliant", "issue"] as const;
export type FindingVerdict = (typeof FINDING_VERDICTS)[number];

/** Whether the user audits this office: it is, or is below, an organisation where they are 稽核人员. */
export async function auditsOffice(db: Db | Tx, user: SessionUser, officeId: string): Promise<boolean> {
  const roots = auditedOrganisations(user);
  if (roots.length === 0) return false;
  const tree = await organisationTree(db);
  return roots.some((root) => tree.isWithin(officeId, root));
}

async function requireAudits(db: Db | Tx, user: SessionUser, officeId: string): Promise<void> {
  if (!(await auditsOffice(db, user, officeId))) throw notFound("经办机构");
}

/** The offices a user may audit: their organisations and every one below, in tree order. */
export async function auditableOffices(db: Db, user: SessionUser) {
  const tree = await organisationTree(db);
  const seen = new Set<string>();
  const offices: { id: string; name: string; level: string }[] = [];
  for (const root of auditedOrganisations(user)) {
    for (const node of tree.subtree(root)) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      offices.push({ id: node.id, name: node.name, level: node.level });
    }
  }
  return offices;
}

/** The first instant of a China date (UTC+8), and the first instant after another. */
function periodBounds(from: string, to: string): { gte: Date; lt: Date } {
  const gte = new Date(`${from}T00:00:00+08:00`);
  const lt = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 24 * 3600 * 1000);
  if (Number.isNaN(gte.getTime()) || Number.isNaN(lt.getTime())) throw new AppError("BAD_REQUEST", "请填写有效的抽查期间");
  if (gte >= lt) throw new AppError("BAD_REQUEST", "抽查期间的开始日期不能晚于结束日期");
  return { gte, lt };
}

export interface DrawInput {
  officeId: string;
  periodFrom: string;
  periodTo: string;
  size: number;
}

export async function drawAuditSample(db: Db, user: SessionUser, input: DrawInput) {
  const closedAt = periodBounds(input.periodFrom, input.periodTo);
  return writeWithPrisma(db, user, async ({ tx, audit }) => {
    await requireAudits(tx, user, input.officeId);
    const population = await tx.application.findMany({
      where: { officeId: input.officeId, status: { in: [...AUDITED_STATUSES] }, closedAt },
      select: { id: true },
    });
    if (population.length === 0) throw new AppError("PRECONDITION_FAILED", "该机构在所选期间没有已办结的办件，无法抽查");
    const seed = newSeed();
    const drawn = drawSample(seed, population.map((p) => p.id), input.size);
    // The auditor's organisation above (or at) the office: the one the sample is filed under.
    const tree = await organisationTree(tx);
    const auditorOrgId = auditedOrganisations(user).find((root) => tree.isWithin(input.officeId, root))!;
    const sample = await tx.auditSample.create({
      data: {
        auditorOrgId,
        officeId: input.officeId,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        seed,
        population: population.length,
        size: drawn.length,
        drawnById: user.id,
        cases: { create: drawn.map((applicationId, i) => ({ applicationId, position: i + 1 })) },
      },
    });
    audit.record({
      action: "auditSample.draw",
      entityType: "auditSample",
      entityId: sample.id,
      organisationId: input.officeId,
      actorRole: "auditor",
      payload: { periodFrom: input.periodFrom, periodTo: input.periodTo, seed, population: population.length, cases: drawn },
    });
    return { id: sample.id, size: drawn.length, population: population.length, seed };
  });
}

/** The samples drawn for the offices a user audits, newest first. */
export async function listSamples(db: Db, user: SessionUser) {
  const offices = await auditableOffices(db, user);
  const names = new Map(offices.map((o) => [o.id, o.name]));
  const samples = await db.auditSample.findMany({ where: { officeId: { in: [...names.keys()] } }, orderBy: { drawnAt: "desc" }, take: 200 });
  const drawers = await displayNames(db, samples.map((s) => s.drawnById));
  const counts = await db.auditFinding.groupBy({ by: ["sampleId"], where: { sampleId: { in: samples.map((s) => s.id) } }, _count: { _all: true } });
  const found = new Map(counts.map((c) => [c.sampleId, c._count._all]));
  return samples.map((s) => ({
    id: s.id,
    officeId: s.officeId,
    officeName: names.get(s.officeId) ?? s.officeId,
    periodFrom: s.periodFrom,
    periodTo: s.periodTo,
    population: s.population,
    size: s.size,
    seed: s.seed,
    drawnAt: s.drawnAt,
    drawnBy: drawers.get(s.drawnById) ?? null,
    findings: found.get(s.id) ?? 0,
  }));
}

async function sampleInScope(db: Db | Tx, user: SessionUser, sampleId: string) {
  const sample = await db.auditSample.findUnique({ where: { id: sampleId } });
  if (!sample || !(await auditsOffice(db, user, sample.officeId))) throw notFound("抽查批次");
  return sample;
}

/** One sample: its cases in the order drawn, each with its findings. */
export async function sampleDetail(db: Db, user: SessionUser, sampleId: string) {
  const sample = await sampleInScope(db, user, sampleId);
  const rows = await db.auditSampleCase.findMany({ where: { sampleId }, orderBy: { position: "asc" } });
  const cases = await db.application.findMany({
    where: { id: { in: rows.map((r) => r.applicationId) } },
    select: { id: true, caseNumber: true, status: true, outcome: true, closedAt: true, service: { select: { title: true } } },
  });
  const byId = new Map(cases.map((c) => [c.id, c]));
  const findings = await db.auditFinding.findMany({ where: { sampleId }, orderBy: { createdAt: "asc" } });
  const auditors = await displayNames(db, findings.map((f) => f.auditorId));
  const office = await db.organisation.findUnique({ where: { id: sample.officeId }, select: { name: true } });
  return {
    id: sample.id,
    officeId: sample.officeId,
    officeName: office?.name ?? sample.officeId,
    periodFrom: sample.periodFrom,
    periodTo: sample.periodTo,
    population: sample.population,
    seed: sample.seed,
    drawnAt: sample.drawnAt,
    cases: rows.map((r) => {
      const c = byId.get(r.applicationId);
      return {
        position: r.position,
        applicationId: r.applicationId,
        caseNumber: c?.caseNumber ?? "",
        serviceTitle: c?.service.title ?? "",
        status: c?.status ?? "",
        closedAt: c?.closedAt ?? null,
        findings: findings
          .filter((f) => f.applicationId === r.applicationId)
          .map((f) => ({ id: f.id, verdict: f.verdict as FindingVerdict, text: f.text, auditor: auditors.get(f.auditorId) ?? null, createdAt: f.createdAt })),
      };
    }),
  };
}

export async function recordFinding(db: Db, user: SessionUser, input: { sampleId: string; applicationId: string; verdict: FindingVerdict; text: string }) {
  return writeWithPrisma(db, user, async ({ tx, audit }) => {
    const sample = await sampleInScope(tx, user, input.sampleId);
    const inSample = await tx.auditSampleCase.findUnique({ where: { sampleId_applicationId: { sampleId: sample.id, applicationId: input.applicationId } } });
    if (!inSample) throw new AppError("BAD_REQUEST", "该办件不在本批抽查样本中");
    const finding = await tx.auditFinding.create({
      data: { sampleId: sample.id, applicationId: input.applicationId, officeId: sample.officeId, auditorId: user.id, verdict: input.verdict, text: input.text },
    });
    audit.record({
      action: "auditFinding.record",
      entityType: "auditFinding",
      entityId: finding.id,
      applicationId: input.applicationId,
      organisationId: sample.officeId,
      actorRole: "auditor",
      payload: { sampleId: sample.id, verdict: input.verdict, text: input.text },
    });
    return { id: finding.id };
  });
}

/** 稽核意见 of an office, newest first: what the auditors found in its sampled cases. */
export async function officeFindings(db: Db, user: SessionUser, officeId: string) {
  await requireAudits(db, user, officeId);
  const findings = await db.auditFinding.findMany({ where: { officeId }, orderBy: { createdAt: "desc" }, take: 500 });
  const auditors = await displayNames(db, findings.map((f) => f.auditorId));
  const cases = await db.application.findMany({ where: { id: { in: findings.map((f) => f.applicationId) } }, select: { id: true, caseNumber: true, service: { select: { title: true } } } });
  const byId = new Map(cases.map((c) => [c.id, c]));
  const samples = await db.auditSample.findMany({ where: { id: { in: [...new Set(findings.map((f) => f.sampleId))] } }, select: { id: true, periodFrom: true, periodTo: true } });
  const periods = new Map(samples.map((s) => [s.id, `${s.periodFrom} 至 ${s.periodTo}`]));
  return findings.map((f) => ({
    id: f.id,
    applicationId: f.applicationId,
    caseNumber: byId.get(f.applicationId)?.caseNumber ?? "",
    serviceTitle: byId.get(f.applicationId)?.service.title ?? "",
    sampleId: f.sampleId,
    period: periods.get(f.sampleId) ?? "",
    verdict: f.verdict as FindingVerdict,
    text: f.text,
    auditor: auditors.get(f.auditorId) ?? null,
    createdAt: f.createdAt,
  }));
}

/**
 * Connectors over the platform's own data:
 * - `platformCases` (重复申领/重复发放): another open or completed case of the same service
 *   (same code, at any office) for the same applicant — an ID number or credit code is one account;
 * - `platformMaterials`: the same material (by name) the applicant handed in with an earlier case.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import { pinnedDefinition } from "@/runtime/features/cases/definitions";
import type { CheckRequest, CheckResponse, LookupResponse } from "./protocol";

export interface CaseContext {
  applicationId: string;
  applicantId: string;
  serviceId: string;
}

/** Statuses of a case that neither runs nor ended in the benefit: they do not make a duplicate. */
const NOT_DUPLICATING = ["draft", "withdrawn", "refused", "terminated"];

export async function duplicateCases(db: Db, context: CaseContext) {
  const service = await db.service.findUnique({ where: { id: context.serviceId }, select: { code: true } });
  if (!service) return [];
  return db.application.findMany({
    where: {
      id: { not: context.applicationId },
      applicantId: context.applicantId,
      status: { notIn: NOT_DUPLICATING },
      service: { code: service.code },
    },
    select: { id: true, caseNumber: true, status: true },
    orderBy: { submittedAt: "asc" },
    take: 20,
  });
}

export async function platformCheck(db: Db, context: CaseContext, request: CheckRequest): Promise<CheckResponse> {
  const facts: CheckResponse["facts"] = {};
  for (const fact of request.facts) {
    if (fact.key !== "noDuplicateCase") continue;
    const others = await duplicateCases(db, context);
    facts[fact.key] = others.length
      ? { passed: false, detail: `同一申请人已有本事项的其他申请：${others.map((o) => o.caseNumber ?? o.id).join("、")}` }
      : { passed: true, detail: "本平台无同一申请人本事项的其他在办或已办结申请" };
  }
  return { facts };
}

export interface EarlierMaterial {
  fromCaseId: string;
  fromCaseNumber: string | null;
  attachmentIds: string[];
  fileNames: string[];
}

/** The newest earlier case of the applicant in which they handed in a material of this name. */
export async function earlierMaterial(db: Db, context: CaseContext, materialName: string): Promise<EarlierMaterial | null> {
  const cases = await db.application.findMany({
    where: { applicantId: context.applicantId, id: { not: context.applicationId }, status: { not: "draft" }, attachments: { some: {} } },
    select: { id: true, caseNumber: true, serviceVersionId: true, attachments: { select: { id: true, materialId: true, fileName: true } } },
    orderBy: { submittedAt: "desc" },
    take: 20,
  });
  for (const c of cases) {
    const definition = await pinnedDefinition(db, c.serviceVersionId);
    const ids = new Set(definition.materials.filter((m) => m.name === materialName).map((m) => m.id));
    const files = c.attachments.filter((a) => ids.has(a.materialId));
    if (files.length) return { fromCaseId: c.id, fromCaseNumber: c.caseNumber, attachmentIds: files.map((f) => f.id), fileNames: files.map((f) => f.fileName) };
  }
  return null;
}

export async function platformLookup(db: Db, context: CaseContext, connector: string, need: string): Promise<LookupResponse> {
  if (connector === "platformCases") {
    const others = await duplicateCases(db, context);
    return { found: others.length > 0, record: { cases: others.map((o) => o.caseNumber ?? o.id).join("、") || null } };
  }
  const earlier = await earlierMaterial(db, context, need);
  return earlier ? { found: true, record: { fromCase: earlier.fromCaseNumber ?? earlier.fromCaseId } } : { found: false, record: {} };
}

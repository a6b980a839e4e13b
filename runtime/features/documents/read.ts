/**
 * Reading issued documents: the list on a case page, one document rendered for printing (its
 * applicant and the handling office's staff, as the case itself), and the public check a QR
 * code opens — which says only what a paper verification would: the document's number, title,
 * date and issuer, never who it concerns or why.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { notFound } from "@/runtime/errors";
import { chinaDateOf } from "@/runtime/calendar";
import {
  authorityName,
  chineseDate,
  documentTemplateOf,
  documentHotline,
  renderDocument,
  type DocumentFacts,
} from "@/runtime/definition/documents";
import { applicantCase, officeCase } from "../cases/access";
import { pinnedDefinition } from "../cases/definitions";
import { groupedCode, normaliseVerificationCode, type IssuedFacts } from "./issue";

/** The documents issued on a case, oldest first. */
export async function caseDocuments(db: Db, applicationId: string) {
  const rows = await db.issuedDocument.findMany({
    where: { applicationId },
    orderBy: [{ issuedAt: "asc" }, { number: "asc" }],
    select: { id: true, kind: true, title: true, number: true, issuedAt: true },
  });
  return rows;
}

async function officeOf(db: Db, officeId: string) {
  const office = await db.organisation.findUnique({ where: { id: officeId }, select: { name: true, address: true } });
  return { name: office?.name ?? officeId, address: office?.address ?? null };
}

/** One issued document with its text filled in, for the case's applicant or the office's staff. */
export async function issuedDocument(db: Db, user: SessionUser, documentId: string) {
  const row = await db.issuedDocument.findUnique({ where: { id: documentId } });
  if (!row) throw notFound("文书");
  // Whoever may not read the case may not read its documents (the same not-found either way).
  try {
    if (user.kind === "staff") await officeCase(db, user, row.applicationId);
    else await applicantCase(db, user, row.applicationId);
  } catch {
    throw notFound("文书");
  }
  const application = await db.application.findUniqueOrThrow({
    where: { id: row.applicationId },
    include: { service: { select: { title: true } }, applicant: { select: { displayName: true } } },
  });
  const definition = await pinnedDefinition(db, application.serviceVersionId);
  const office = await officeOf(db, row.officeId);
  const facts = (row.facts ?? {}) as IssuedFacts;
  const issuedOn = chinaDateOf(row.issuedAt.toISOString());
  const fill: DocumentFacts = {
    申请人: application.applicant.displayName,
    服务事项: application.service.title,
    办件编号: application.caseNumber ?? "",
    提交日期: application.submittedAt ? chineseDate(chinaDateOf(application.submittedAt.toISOString())) : "",
    受理日期: facts.acceptedAt ? chineseDate(chinaDateOf(facts.acceptedAt)) : "",
    决定日期: chineseDate(issuedOn),
    办理机构: authorityName(office.name),
    决定: facts.outcomeLabel ?? "",
    理由: facts.reason ?? "",
    金额: facts.amount ? `${facts.amount}元` : "",
    补正清单: facts.correctionItems ?? [],
  };
  const template = documentTemplateOf(definition, row.kind) ?? {
    kind: row.kind,
    title: row.title,
    body: "{申请人}：您的“{服务事项}”办件（办件编号：{办件编号}）已出具本文书。",
    rightsNotice: "",
  };
  const rendered = renderDocument({ ...template, title: row.title }, fill);
  return {
    id: row.id,
    applicationId: row.applicationId,
    kind: row.kind,
    title: row.title,
    number: row.number,
    issuedOn,
    recipient: application.applicant.displayName,
    paragraphs: rendered.paragraphs,
    rightsNotice: rendered.rightsNotice,
    office: { name: office.name, authority: authorityName(office.name), address: office.address ?? definition.guide.officeAddress, hotline: documentHotline(definition.guide) },
    verificationCode: groupedCode(row.verificationCode),
    verificationPath: `/verify/${row.verificationCode}`,
  };
}

export type IssuedDocumentView = Awaited<ReturnType<typeof issuedDocument>>;

/**
 * The public check of a verification code: number, title, date and issuer of the document it
 * belongs to, or null (未找到) for a code that is malformed or belongs to no document.
 */
export async function verifyDocument(db: Db, code: string): Promise<{ number: string; title: string; issuedOn: string; issuer: string } | null> {
  const normalised = normaliseVerificationCode(code);
  if (!normalised) return null;
  const row = await db.issuedDocument.findUnique({
    where: { verificationCode: normalised },
    select: { number: true, title: true, issuedAt: true, officeId: true },
  });
  if (!row) return null;
  const office = await officeOf(db, row.officeId);
  return { number: row.number, title: row.title, issuedOn: chinaDateOf(row.issuedAt.toISOString()), issuer: authorityName(office.name) };
}

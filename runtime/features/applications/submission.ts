/**
 * Filing a case (提交申报): a draft the applicant filled, or a whole submission in one call
 * (counters and API clients). Once per idempotency key: a double click or a retry answers
 * with the first filing. The hot path of the product: plain SQL in the one write path.
 */
import "server-only";
import type { Db, SqlTx } from "@/runtime/db";
import { isUniqueViolation } from "@/runtime/db";
import { newId } from "@/runtime/db/ids";
import type { SessionUser } from "@/runtime/auth/roles";
import { AppError, isStaleConflict } from "@/runtime/errors";
import { chinaDateOf, dueDate, type TimeLimit, type WorkCalendar } from "@/runtime/calendar";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { writeWithSql, type AuditSink } from "@/runtime/write";
import { loadCalendarSql } from "@/runtime/features/cases/calendar";
import { applicantCaseRow, uploadedMaterialIds, type FormsData } from "@/runtime/features/cases/caseStore";
import { pinnedDefinitionSql } from "@/runtime/features/cases/definitions";
import { caseLimitFor, legalLimitFor, promisedLimitFor } from "@/runtime/definition/caseLimit";
import { runCaseEvent, type NewCase } from "@/runtime/features/cases/runEvent";
import { caseNow } from "@/runtime/clock";
import { nextCaseNumber } from "./caseNumbers";
import { serviceAtOffice } from "./serviceAtOffice";
import { requireKnownForms } from "./knownForms";
import { submissionProblems } from "@/runtime/forms/submissionCheck";
import { stripOfficeUseForms } from "@/runtime/forms/officeUse";
import { committedMaterialIds } from "../commitments/service";
import { identityFlags } from "@/runtime/forms/identity";
import { applicantForms } from "@/runtime/definition/requirements";

/** The identity flags of a filing's forms against the filer's account (`identityFlags`), worded for staff, as `《form》message`. */
export function submissionIdentityFlags(definition: ServiceDefinition, formData: FormsData, user: SessionUser): string[] {
  const facts = user.facts;
  if (!facts) return [];
  const account = { kind: user.kind === "organisation" ? ("organisation" as const) : ("person" as const), name: null, organisationName: null, ...facts };
  return applicantForms(definition).flatMap((form) => identityFlags(form.schema, formData[form.id], account).map((flag) => `《${form.title}》${flag.staffMessage}`));
}

export interface SubmitResult {
  caseNumber: string;
  dueDate: string | null;
  promisedDate: string | null;
}

export interface DirectSubmission {
  code: string;
  officeId: string;
  /** The version the applicant was shown, when known: it must be the one that applies at the office. */
  versionId?: string;
  formData: FormsData;
  idempotencyKey: string;
}

/** What filing a draft needs to know of it. */
interface DraftCase {
  id: string;
  officeId: string;
  rowVersion: number;
  engineState: unknown;
  serviceVersionId: string;
  formData: FormsData;
  uploaded: ReadonlySet<string>;
  versionNumber: number | null;
}

type Filing = (sql: SqlTx, audit: AuditSink) => Promise<SubmitResult>;

const PREVIOUS =
  'SELECT "id", "caseNumber", "dueDate", "promisedDate" FROM "Application" WHERE "applicantId" = ? AND "idempotencyKey" = ?';

/** Submits a draft once. */
export async function submitApplication(db: Db, user: SessionUser, id: string, idempotencyKey: string): Promise<SubmitResult> {
  return idempotent(db, user, idempotencyKey, id, async (sql, audit) => {
    const application = await applicantCaseRow(sql, user, id);
    if (application.status !== "draft") throw new AppError("PRECONDITION_FAILED", "该办件已提交，请勿重复提交");
    const definition = await pinnedDefinitionSql(sql, application.serviceVersionId);
    const version = await sql.get<{ number: number | null }>('SELECT "number" FROM "ServiceVersion" WHERE "id" = ?', [application.serviceVersionId]);
    // 告知承诺: a material committed to counts as provided.
    const uploaded = new Set([...(await uploadedMaterialIds(sql, id)), ...(await committedMaterialIds(sql, id, definition))]);
    const draft: DraftCase = { ...application, uploaded, versionNumber: version?.number ?? null };
    return fileDraft(sql, audit, user, draft, definition, idempotencyKey, await loadCalendarSql(db, sql));
  });
}

/** Creates and submits a case in one call. Same validation, same idempotency. */
export async function submitDirect(db: Db, user: SessionUser, input: DirectSubmission): Promise<SubmitResult> {
  const published = await serviceAtOffice(db, input.code, input.officeId, input.versionId);
  requireKnownForms(published.definition.forms, input.formData);
  const formData = stripOfficeUseForms(published.definition.forms, input.formData);
  return idempotent(db, user, input.idempotencyKey, null, async (sql, audit) => {
    // Filed in one INSERT with its first state: no draft row is written first.
    const draft: DraftCase = { id: newId(), officeId: input.officeId, rowVersion: 0, engineState: null, serviceVersionId: published.versionId, formData, uploaded: new Set(), versionNumber: published.version };
    const insert = { serviceId: published.serviceId, serviceVersionId: published.versionId, applicantId: user.id, createdAt: new Date() };
    return fileDraft(sql, audit, user, draft, published.definition, input.idempotencyKey, await loadCalendarSql(db, sql), insert);
  });
}

/**
 * One filing per (applicant, key). A retry finds the first filing and answers with it; a
 * concurrent retry that loses the race (unique key, or the draft changed under it) does too.
 */
async function idempotent(db: Db, user: SessionUser, idempotencyKey: string, id: string | null, file: Filing): Promise<SubmitResult> {
  const attempt = () =>
    writeWithSql(db, user, async ({ sql, audit }) => {
      const previous = await sql.get<SubmitResult & { id: string }>(PREVIOUS, [user.id, idempotencyKey]);
      if (previous) {
        if (id !== null && previous.id !== id) throw new AppError("BAD_REQUEST", "提交标识已被其他办件使用，请刷新页面后重试");
        audit.unchanged();
        return { caseNumber: previous.caseNumber ?? "", dueDate: previous.dueDate, promisedDate: previous.promisedDate };
      }
      return file(sql, audit);
    });
  try {
    return await attempt();
  } catch (error) {
    if (isUniqueViolation(error) || isStaleConflict(error)) return attempt();
    throw error;
  }
}

/** Validates a draft against its pinned version and files it: case number, engine, tasks, audit. */
async function fileDraft(
  sql: SqlTx,
  audit: AuditSink,
  user: SessionUser,
  draft: DraftCase,
  definition: ServiceDefinition,
  idempotencyKey: string,
  calendar: WorkCalendar,
  insert?: NewCase,
): Promise<SubmitResult> {
  const applicantKind = user.kind === "organisation" ? "organisation" : "person";
  // the filing's instant on the case clock; its China date is the today no marked date may lie after
  const at = caseNow().toISOString();
  const problems = submissionProblems(definition, { formData: draft.formData, uploadedMaterialIds: draft.uploaded, versionId: draft.serviceVersionId, applicantKind, today: chinaDateOf(at) });
  if (problems.length) throw new AppError("BAD_REQUEST", `提交未通过校验：${problems.map((p) => p.message).join("；")}`, problems);
  // a typed ID that differs from the account's is not refused but kept with the filing, for staff
  const flags = submissionIdentityFlags(definition, draft.formData, user);
  const caseLimit = caseLimitFor(definition.guide, "online");
  const caseNumber = await nextCaseNumber(sql, at);
  const dueFromFiling = (limit: TimeLimit | null) => (limit ? dueDate(chinaDateOf(at), limit, [], calendar) : null);
  const due = dueFromFiling(caseLimit);
  // 承诺办结日期 only where the guide promises a limit; else the case runs under its legal limit (办理期限) and promises nothing
  const promisedDate = promisedLimitFor(definition.guide, "online") ? due : null;
  // the legal day beside it (统计分析's 法定时限 rate); the case clock moves both once the case is accepted
  const legalDueDate = dueFromFiling(legalLimitFor(definition.guide, "online"));
  await runCaseEvent(sql, audit, {
    application: draft,
    insert,
    definition,
    calendar,
    actorRole: "applicant",
    event: {
      type: "submit",
      at,
      actor: { role: "applicant", id: user.id },
      applicant: { kind: user.kind, name: user.displayName, ...user.facts },
      forms: draft.formData,
      caseLimit,
    },
    extra: { caseNumber, submittedAt: new Date(at), idempotencyKey, promisedDate, dueDate: due, legalDueDate, ...(insert ? { formData: draft.formData } : {}) },
    auditPayload: { caseNumber, version: draft.versionNumber, ...(flags.length ? { identityFlags: flags } : {}) },
  });
  return { caseNumber, dueDate: due, promisedDate };
}

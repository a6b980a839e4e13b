/**
 * Data of the printable documents of a case: 受理回执 (receipt) and the decision notice
 * (不予受理决定书 / 办结通知书 / 终止办理告知书 / 撤回确认). The applicant and the
 * handling office's staff may print them.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { AppError } from "@/runtime/errors";
import { decisionDocumentTitles, labelOf } from "@/runtime/definition/labels";
import { applicantCase, officeCase } from "../cases/access";
import { pinnedDefinition } from "../cases/definitions";

export type DocumentKind = "receipt" | "decision";

export async function caseDocument(db: Db, user: SessionUser, id: string, kind: DocumentKind) {
  const application = user.kind === "staff" ? await officeCase(db, user, id) : await applicantCase(db, user, id);
  if (!application.caseNumber || !application.submittedAt) throw new AppError("PRECONDITION_FAILED", "办件尚未提交，没有可打印的文书");
  const definition = await pinnedDefinition(db, application.serviceVersionId);
  const common = {
    caseNumber: application.caseNumber,
    serviceTitle: application.service.title,
    applicantName: application.applicant.displayName,
    officeName: application.office.name,
    submittedAt: application.submittedAt,
    promisedDate: application.promisedDate,
    dueDate: application.dueDate,
    officeAddress: definition.guide.officeAddress,
    materials: definition.materials.map((m) => m.name),
  };
  if (kind === "receipt") return { kind, title: "受理回执", ...common, outcome: null, outcomeReason: null, closedAt: null };
  if (!application.outcome) throw new AppError("PRECONDITION_FAILED", "办件尚未办结，暂无决定文书");
  return {
    kind,
    title: labelOf(decisionDocumentTitles, application.outcome, "办理结果通知书"),
    ...common,
    outcome: application.outcome,
    outcomeReason: application.outcomeReason,
    closedAt: application.closedAt,
  };
}

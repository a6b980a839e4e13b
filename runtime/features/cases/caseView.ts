/** What a case page shows of a case, for its applicant and for the handling office's staff. */
import "server-only";
import type { Db } from "@/runtime/db";
import { chinaDateOf } from "@/runtime/calendar";
import { caseNow } from "@/runtime/clock";
import { correctionEditableForms, type CaseState } from "@/runtime/engine";
import type { CaseWithRelations } from "./access";
import { pinnedDefinition } from "./definitions";
import { caseTimeline } from "./timeline";
import { caseDocuments } from "../documents/read";
import { versionLabel } from "@/runtime/features/catalogue/places";

type FormsData = Record<string, Record<string, unknown>>;

const OPEN_STATUSES = new Set(["submitted", "in_progress", "waiting_applicant"]);
export const isOpen = (status: string) => OPEN_STATUSES.has(status);

export async function describeCase(
  db: Db,
  application: CaseWithRelations,
  options: { includeInternal: boolean },
) {
  const definition = await pinnedDefinition(db, application.serviceVersionId);
  const state = (application.engineState ?? null) as CaseState | null;
  const [attachments, timeline, tasks, documents] = await Promise.all([
    db.attachment.findMany({
      where: { applicationId: application.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, materialId: true, fileName: true, size: true, mimeType: true, createdAt: true },
    }),
    caseTimeline(db, application.id, options),
    db.task.findMany({
      where: { applicationId: application.id, status: { in: ["open", "claimed"] } },
      select: { id: true, nodeId: true, label: true, role: true, dueDate: true, status: true, claimedById: true },
    }),
    caseDocuments(db, application.id),
  ]);
  const correctionTask = state?.tasks.find((t) => t.correction);
  const correctionNode = definition.flow.nodes.find((n) => n.id === correctionTask?.nodeId);
  return {
    application: {
      id: application.id,
      caseNumber: application.caseNumber,
      status: application.status,
      officeId: application.officeId,
      officeName: application.office.name,
      serviceCode: application.service.code,
      serviceTitle: application.service.title,
      version: application.serviceVersion.number,
      /** Whose version of the service the case runs on: 「自治区版本」, 「土默特左旗版本」. */
      versionOwner: versionLabel(application.service.owner),
      /** The pinned definition version (its forms' precompiled validators are keyed by it). */
      versionId: application.serviceVersionId,
      applicantName: application.applicant.displayName,
      formData: (application.formData ?? {}) as FormsData,
      submittedAt: application.submittedAt,
      dueDate: application.dueDate,
      promisedDate: application.promisedDate,
      closedAt: application.closedAt,
      outcome: application.outcome,
      outcomeReason: application.outcomeReason,
      rowVersion: application.rowVersion,
      overdue: isOpen(application.status) && application.dueDate !== null && application.dueDate < chinaDateOf(caseNow()),
    },
    definition,
    attachments,
    correction: correctionTask?.correction
      ? {
          items: correctionTask.correction.items,
          requestedAt: correctionTask.correction.requestedAt,
          /** The forms the applicant may change in this 补正 (named in the request or opened by the step); the others stay as submitted. */
          editableForms: correctionNode?.type === "task" ? correctionEditableForms(correctionNode, correctionTask) : [],
        }
      : null,
    timeline,
    activeTasks: tasks.map((t) => ({ taskId: t.id, nodeId: t.nodeId, label: t.label, role: t.role, dueDate: t.dueDate, status: t.status })),
    pause: state?.pause ?? null,
    /** The decision a decision step recorded (认定工伤 …), and the documents issued (受理通知书, 决定书 …). */
    decision: state?.decision ?? null,
    documents,
  };
}

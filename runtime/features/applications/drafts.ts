/** 草稿: starting a case, saving what the applicant typed, removing an uploaded material. */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { AppError, conflict, notFound } from "@/runtime/errors";
import { getStorage } from "@/runtime/storage";
import { writeWithPrisma } from "@/runtime/write";
import { applicantCase } from "@/runtime/features/cases/access";
import { pinnedDefinition } from "@/runtime/features/cases/definitions";
import type { FormsData } from "@/runtime/features/cases/caseStore";
import { serviceAtOffice } from "./serviceAtOffice";
import { requireKnownForms } from "./knownForms";
import { correctionOpenedAt, fileRemovable } from "./removableFiles";
import { stripOfficeUseForms } from "@/runtime/forms/officeUse";
import type { CaseState } from "@/runtime/engine";

const EDITABLE = new Set(["draft", "waiting_applicant"]);

/** Starts a case of `code` at `officeId`, pinned to the version that applies there (see serviceAtOffice). */
export async function startDraft(db: Db, user: SessionUser, code: string, officeId: string, versionId?: string) {
  const published = await serviceAtOffice(db, code, officeId, versionId);
  return writeWithPrisma(db, user, async ({ tx, audit }) => {
    const application = await tx.application.create({
      data: { serviceId: published.serviceId, serviceVersionId: published.versionId, officeId, applicantId: user.id, status: "draft", formData: {} },
    });
    audit.record({
      action: "create",
      actorRole: "applicant",
      entityType: "application",
      entityId: application.id,
      applicationId: application.id,
      organisationId: officeId,
      payload: { code, version: published.version, versionOf: published.owner.id },
    });
    return { id: application.id };
  });
}

export async function saveDraft(db: Db, user: SessionUser, id: string, formData: FormsData, rowVersion: number) {
  return writeWithPrisma(db, user, async ({ tx, audit }) => {
    const application = await applicantCase(tx, user, id);
    // Once submitted, a case changes only through the correction answer (validated, audited with what changed).
    if (application.status === "waiting_applicant") throw new AppError("PRECONDITION_FAILED", "办件已提交，补正内容请在补正页面提交");
    if (application.status !== "draft") throw new AppError("PRECONDITION_FAILED", "办件已提交，不能再修改");
    const definition = await pinnedDefinition(tx, application.serviceVersionId);
    requireKnownForms(definition.forms, formData);
    const updated = await tx.application.updateMany({
      where: { id, rowVersion },
      data: { formData: stripOfficeUseForms(definition.forms, formData) as never, rowVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict("草稿已在其他窗口更新，请刷新后继续填写", "stale");
    audit.record({
      action: "saveDraft",
      actorRole: "applicant",
      entityType: "application",
      entityId: id,
      applicationId: id,
      organisationId: application.officeId,
      payload: { forms: Object.keys(formData), rowVersion: rowVersion + 1 },
    });
    return { rowVersion: rowVersion + 1, savedAt: new Date() };
  });
}

export async function removeAttachment(db: Db, user: SessionUser, id: string, attachmentId: string) {
  const storageKey = await writeWithPrisma(db, user, async ({ tx, audit }) => {
    const application = await applicantCase(tx, user, id);
    if (!EDITABLE.has(application.status)) throw new AppError("PRECONDITION_FAILED", "办件已提交，不能删除材料");
    const attachment = await tx.attachment.findFirst({ where: { id: attachmentId, applicationId: id } });
    if (!attachment) throw notFound("材料");
    // Submitted materials are never deleted: during a correction only what was added for it may go.
    const opened = application.status === "waiting_applicant" ? await correctionOpenedAt(tx, id, application.engineState as unknown as CaseState | null) : null;
    if (!fileRemovable(application.status, opened, attachment.createdAt)) {
      throw new AppError("PRECONDITION_FAILED", "已提交的材料不能删除；如需更正，请上传新的文件");
    }
    await tx.attachment.delete({ where: { id: attachmentId } });
    audit.record({
      action: "detach",
      actorRole: "applicant",
      entityType: "attachment",
      entityId: attachmentId,
      applicationId: id,
      organisationId: application.officeId,
      payload: { materialId: attachment.materialId, fileName: attachment.fileName },
    });
    return attachment.storageKey;
  });
  await getStorage().delete(storageKey);
  return { ok: true };
}

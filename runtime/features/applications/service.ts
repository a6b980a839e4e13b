/** The applicant's side of a case: drafts, submission, correction, withdrawal, reading. */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import { isUniqueViolation, nextCounterValue } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { AppError, conflict, notFound } from "@/runtime/errors";
import { getStorage } from "@/runtime/storage";
import { chinaDateOf, dueDate, type WorkCalendar } from "@/runtime/calendar";
import type { CaseState } from "@/runtime/engine";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { getPublishedService } from "../catalogue/service";
import { applicantCase } from "../cases/access";
import { describeCase, isOpen } from "../cases/caseView";
import { loadCalendar } from "../cases/calendar";
import { pinnedDefinition } from "../cases/definitions";
import { caseLimitFor } from "@/runtime/definition/caseLimit";
import { runCaseEvent, STALE_CASE_MESSAGE } from "../cases/runEvent";
import { officesFor } from "./offices";
import { submissionProblems } from "./submissionCheck";
import { caseNow } from "@/runtime/clock";

type FormsData = Record<string, Record<string, unknown>>;

const EDITABLE = new Set(["draft", "waiting_applicant"]);

export async function startDraft(db: Db, user: SessionUser, code: string, officeId: string) {
  const published = await getPublishedService(db, code);
  const offices = await officesFor(db, published.definition.guide.levels);
  if (!offices.some((o) => o.id === officeId)) throw new AppError("BAD_REQUEST", "请选择本事项的办理机构");
  return db.$transaction(async (tx) => {
    const application = await tx.application.create({
      data: {
        serviceId: published.serviceId,
        serviceVersionId: published.versionId,
        officeId,
        applicantId: user.id,
        status: "draft",
        formData: {},
      },
    });
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        actorRole: "applicant",
        organisationId: officeId,
        applicationId: application.id,
        entityType: "application",
        entityId: application.id,
        action: "create",
        payload: { code, version: published.version },
      },
    });
    return { id: application.id };
  });
}

export async function saveDraft(db: Db, user: SessionUser, id: string, formData: FormsData, rowVersion: number) {
  return db.$transaction(async (tx) => {
    const application = await applicantCase(tx, user, id);
    if (!EDITABLE.has(application.status)) throw new AppError("PRECONDITION_FAILED", "办件已提交，不能再修改");
    const definition = await pinnedDefinition(tx, application.serviceVersionId);
    const known = new Set(definition.forms.map((f) => f.id));
    const unknown = Object.keys(formData).filter((k) => !known.has(k));
    if (unknown.length) throw new AppError("BAD_REQUEST", `表单不存在：${unknown.join("、")}`);
    const updated = await tx.application.updateMany({
      where: { id, rowVersion },
      data: { formData: formData as never, rowVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict("草稿已在其他窗口更新，请刷新后继续填写");
    const savedAt = new Date();
    return { rowVersion: rowVersion + 1, savedAt };
  });
}

function caseNumberPrefix(at: string): string {
  return `NM${chinaDateOf(at).replaceAll("-", "")}`;
}

export interface SubmitResult {
  caseNumber: string;
  dueDate: string | null;
  promisedDate: string | null;
}

function resultOf(a: { caseNumber: string | null; dueDate: string | null; promisedDate: string | null }): SubmitResult {
  return { caseNumber: a.caseNumber ?? "", dueDate: a.dueDate, promisedDate: a.promisedDate };
}

/**
 * Submits a draft once: the idempotency key makes a double click or a retry return the
 * first submission's result instead of making a second case.
 */
export async function submitApplication(db: Db, user: SessionUser, id: string, idempotencyKey: string): Promise<SubmitResult> {
  const calendar = await loadCalendar(db);
  return idempotent(db, user, idempotencyKey, id, (tx) => submitDraftInTx(tx, user, id, idempotencyKey, calendar));
}

export interface DirectSubmission {
  code: string;
  officeId: string;
  formData: FormsData;
  idempotencyKey: string;
}

/**
 * Creates and submits a case in one call (for services that need no uploaded material:
 * counter systems and API clients). Same validation, same idempotency.
 */
export async function submitDirect(db: Db, user: SessionUser, input: DirectSubmission): Promise<SubmitResult> {
  const published = await getPublishedService(db, input.code);
  const offices = await officesFor(db, published.definition.guide.levels);
  if (!offices.some((o) => o.id === input.officeId)) throw new AppError("BAD_REQUEST", "请选择本事项的办理机构");
  const calendar = await loadCalendar(db);
  return idempotent(db, user, input.idempotencyKey, null, async (tx) => {
    const created = await tx.application.create({
      data: {
        serviceId: published.serviceId,
        serviceVersionId: published.versionId,
        officeId: input.officeId,
        applicantId: user.id,
        status: "draft",
        formData: input.formData as never,
      },
      select: { id: true, officeId: true, rowVersion: true, serviceVersionId: true },
    });
    const draft: DraftCase = { ...created, engineState: null, formData: input.formData, versionNumber: published.version, uploaded: new Set() };
    return fileDraft(tx, user, draft, published.definition, input.idempotencyKey, calendar);
  });
}

async function idempotent(
  db: Db,
  user: SessionUser,
  idempotencyKey: string,
  id: string | null,
  submit: (tx: Tx) => Promise<SubmitResult>,
): Promise<SubmitResult> {
  const replay = async () => {
    const previous = await db.application.findFirst({ where: { applicantId: user.id, idempotencyKey } });
    if (previous && id !== null && previous.id !== id) throw new AppError("BAD_REQUEST", "提交标识已被其他办件使用，请刷新页面后重试");
    return previous ? resultOf(previous) : null;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await db.$transaction(submit, { timeout: 20_000, maxWait: 20_000 });
  } catch (error) {
    // A concurrent retry with the same key won the race: answer with its result.
    if (isUniqueViolation(error) || (error instanceof AppError && error.message === STALE_CASE_MESSAGE)) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}

/** What filing a draft needs to know of it. */
interface DraftCase {
  id: string;
  officeId: string;
  rowVersion: number;
  engineState: unknown;
  serviceVersionId: string;
  formData: FormsData;
  versionNumber: number | null;
  uploaded: ReadonlySet<string>;
}

async function submitDraftInTx(tx: Tx, user: SessionUser, id: string, idempotencyKey: string, calendar: WorkCalendar): Promise<SubmitResult> {
  const application = await tx.application.findUnique({
    where: { id },
    select: { id: true, applicantId: true, status: true, officeId: true, rowVersion: true, engineState: true, serviceVersionId: true, formData: true, serviceVersion: { select: { number: true } } },
  });
  if (!application || application.applicantId !== user.id) throw notFound("办件");
  if (application.status !== "draft") throw new AppError("PRECONDITION_FAILED", "该办件已提交，请勿重复提交");
  const attachments = await tx.attachment.findMany({ where: { applicationId: id }, select: { materialId: true } });
  const draft: DraftCase = {
    ...application,
    formData: (application.formData ?? {}) as FormsData,
    versionNumber: application.serviceVersion.number,
    uploaded: new Set(attachments.map((a) => a.materialId)),
  };
  return fileDraft(tx, user, draft, await pinnedDefinition(tx, application.serviceVersionId), idempotencyKey, calendar);
}

/** Validates a draft against its pinned version and files it: case number, engine, tasks, audit. */
async function fileDraft(
  tx: Tx,
  user: SessionUser,
  draft: DraftCase,
  definition: ServiceDefinition,
  idempotencyKey: string,
  calendar: WorkCalendar,
): Promise<SubmitResult> {
  const problems = submissionProblems(definition, { formData: draft.formData, uploadedMaterialIds: draft.uploaded, versionId: draft.serviceVersionId });
  if (problems.length) throw new AppError("BAD_REQUEST", `提交未通过校验：${problems.map((p) => p.message).join("；")}`, problems);
  const at = caseNow().toISOString();
  const caseLimit = caseLimitFor(definition.guide, "online");
  const prefix = caseNumberPrefix(at);
  const caseNumber = `${prefix}${String(await nextCounterValue(tx, `case:${prefix}`)).padStart(6, "0")}`;
  const promisedDate = caseLimit ? dueDate(chinaDateOf(at), caseLimit, [], calendar) : null;
  await runCaseEvent(tx, {
    application: draft,
    flow: definition.flow,
    calendar,
    actor: user,
    actorRole: "applicant",
    event: {
      type: "submit",
      at,
      actor: { role: "applicant", id: user.id },
      applicant: { kind: user.kind, name: user.displayName, ...user.facts },
      forms: draft.formData,
      caseLimit,
    },
    extra: { caseNumber, submittedAt: new Date(at), idempotencyKey, promisedDate, dueDate: promisedDate },
    auditPayload: { caseNumber, version: draft.versionNumber },
  });
  return { caseNumber, dueDate: promisedDate, promisedDate };
}

/** 一次性告知 answered: the applicant's corrected forms go back to the step that asked. */
export async function answerCorrection(db: Db, user: SessionUser, id: string, formData: FormsData, rowVersion: number) {
  return db.$transaction(
    async (tx) => {
      const application = await applicantCase(tx, user, id);
      if (application.status !== "waiting_applicant") throw new AppError("PRECONDITION_FAILED", "该办件当前不需要补正");
      if (application.rowVersion !== rowVersion) throw conflict(STALE_CASE_MESSAGE);
      const state = application.engineState as unknown as CaseState;
      const task = state.tasks.find((t) => t.role === "applicant");
      if (!task) throw new AppError("PRECONDITION_FAILED", "该办件当前不需要补正");
      const definition = await pinnedDefinition(tx, application.serviceVersionId);
      const node = definition.flow.nodes.find((n) => n.id === task.nodeId);
      const submitAction = node?.type === "task" ? node.actions.find((a) => a.kind === "submit") : undefined;
      if (!submitAction) throw new AppError("PRECONDITION_FAILED", "补正环节没有可用的提交操作");
      const merged: FormsData = { ...(application.formData as FormsData), ...formData };
      const attachments = await tx.attachment.findMany({ where: { applicationId: id }, select: { materialId: true } });
      const problems = submissionProblems(definition, {
        formData: merged,
        uploadedMaterialIds: new Set(attachments.map((a) => a.materialId)),
        versionId: application.serviceVersionId,
      });
      if (problems.length) throw new AppError("BAD_REQUEST", `补正内容未通过校验：${problems.map((p) => p.message).join("；")}`, problems);
      const editable = new Set(node?.type === "task" ? node.forms.filter((f) => f.mode === "edit").map((f) => f.formId) : []);
      const patch = Object.fromEntries(Object.entries(formData).filter(([formId]) => editable.has(formId)));
      const result = await runCaseEvent(tx, {
        application,
        flow: definition.flow,
        calendar: await loadCalendar(db),
        actor: user,
        actorRole: "applicant",
        event: { type: "act", at: caseNow().toISOString(), taskId: task.taskId, actionId: submitAction.id, actor: { role: "applicant", id: user.id }, forms: patch },
        extra: { formData: merged as never },
        auditPayload: { actionLabel: submitAction.label },
      });
      return { rowVersion: result.rowVersion };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}

export async function withdrawApplication(db: Db, user: SessionUser, id: string, reason: string | undefined) {
  return db.$transaction(async (tx) => {
    const application = await applicantCase(tx, user, id);
    if (application.status === "draft") {
      await tx.application.delete({ where: { id } });
      await tx.auditEvent.create({
        data: { actorId: user.id, actorRole: "applicant", entityType: "application", entityId: id, action: "deleteDraft" },
      });
      return { deleted: true };
    }
    const definition = await pinnedDefinition(tx, application.serviceVersionId);
    await runCaseEvent(tx, {
      application,
      flow: definition.flow,
      calendar: await loadCalendar(db),
      actor: user,
      actorRole: "applicant",
      event: { type: "withdraw", at: caseNow().toISOString(), actor: { role: "applicant", id: user.id }, reason },
      auditPayload: { reason },
    });
    return { deleted: false };
  });
}


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
  return describeCase(db, application, { includeInternal: false });
}



export async function removeAttachment(db: Db, user: SessionUser, id: string, attachmentId: string) {
  const storageKey = await db.$transaction(async (tx) => {
    const application = await applicantCase(tx, user, id);
    if (!EDITABLE.has(application.status)) throw new AppError("PRECONDITION_FAILED", "办件已提交，不能删除材料");
    const attachment = await tx.attachment.findFirst({ where: { id: attachmentId, applicationId: id } });
    if (!attachment) throw notFound("材料");
    await tx.attachment.delete({ where: { id: attachmentId } });
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        actorRole: "applicant",
        organisationId: application.officeId,
        applicationId: id,
        entityType: "attachment",
        entityId: attachmentId,
        action: "detach",
        payload: { materialId: attachment.materialId, fileName: attachment.fileName },
      },
    });
    return attachment.storageKey;
  });
  await getStorage().delete(storageKey);
  return { ok: true };
}

/**
 * The caseworker's side of a case: reading it with the step's checkpoints, claiming its
 * task, and acting on it through the engine. Acting is for the handling office's staff only,
 * and only for the steps of their role; region and league staff read the cases below them
 * (监督) without acting.
 */
import "server-only";
import type { Db, SqlTx } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { AppError, conflict, notFound, staleCase } from "@/runtime/errors";
import { barredActorOfTask, type CaseState } from "@/runtime/engine";
import type { TaskRole } from "@/runtime/definition/schema";
type StaffRole = Exclude<TaskRole, "applicant">;
import type { ServiceDefinition, TaskNode } from "@/runtime/definition/schema";
import { officeCase, readOnlyAt, workRefusal, workScopes } from "../cases/access";
import { loadCalendarSql } from "../cases/calendar";
import { officeCaseRow } from "../cases/caseStore";
import { pinnedDefinitionSql } from "../cases/definitions";
import { runCaseEvent, taskRowId } from "../cases/runEvent";
import { recordAccess, writeWithSql } from "@/runtime/write";
import { describeCase } from "../cases/caseView";
import { caseNow } from "@/runtime/clock";
import { requireChecksCleared } from "../checks/gate";
import { caseChecksView } from "../checks/service";
import { confirmedRisksOf, requireRisksConfirmed } from "../internalAudit/riskConfirmations";
import { commitmentsForStaff } from "../commitments/service";
import { checkpointsFor } from "./checkpoints";
import { nobodyElseMessage, someoneElseHolds } from "./nobodyElse";
import { stepRisks } from "@/runtime/definition/riskChecklist";
import { applicantForms } from "@/runtime/definition/requirements";
import { taskRoleLabels } from "@/runtime/definition/labels";

/** The task roles a user holds at an office. */
function rolesAt(user: SessionUser, officeId: string): StaffRole[] {
  return workScopes(user)
    .filter((s) => s.officeId === officeId)
    .map((s) => s.role);
}

function taskNode(definition: ServiceDefinition, nodeId: string): TaskNode | undefined {
  const node = definition.flow.nodes.find((n) => n.id === nodeId);
  return node?.type === "task" ? node : undefined;
}

export async function caseForStaff(db: Db, user: SessionUser, id: string) {
  const application = await officeCase(db, user, id);
  // Staff reads of applicants' cases are part of the audit trail (who saw what).
  await recordAccess(db, user, { action: "read", entityType: "application", entityId: id, applicationId: id, organisationId: application.officeId, actorRole: "staff" });
  const detail = await describeCase(db, application, { includeInternal: true });
  const roles = rolesAt(user, application.officeId);
  const staffTask = await db.task.findFirst({
    where: { applicationId: id, status: { in: ["open", "claimed"] }, role: { in: ["caseworker", "reviewer"] } },
    orderBy: { createdAt: "asc" },
  });
  const node = staffTask ? taskNode(detail.definition, staffTask.nodeId) : undefined;
  const claimer = staffTask?.claimedById
    ? await db.user.findUnique({ where: { id: staffTask.claimedById }, select: { displayName: true } })
    : null;
  const state = application.engineState as unknown as CaseState | null;
  // 不相容岗位分离: the one who did the previous step sees the step, but may not work it.
  const barred = !!staffTask && barredActorOfTask(detail.definition.flow, state, staffTask.id.slice(id.length + 1)) === user.id;
  const canWork = !!staffTask && roles.includes(staffTask.role as StaffRole) && !barred;
  // …and in an office where no one else holds the step's role, the case cannot go on: say so.
  const stuck = barred && !(await someoneElseHolds(db, application.officeId, staffTask.role, user.id));
  return {
    ...detail,
    /** Read under supervision (监督): shown, never worked. */
    readOnly: readOnlyAt(user, application.officeId),
    currentTask:
      staffTask && node
        ? {
            taskId: staffTask.id,
            nodeId: staffTask.nodeId,
            label: staffTask.label,
            role: staffTask.role,
            dueDate: staffTask.dueDate,
            status: staffTask.status,
            claimedByMe: staffTask.claimedById === user.id,
            claimedBy: claimer?.displayName ?? null,
            canWork,
            /** Why the user may not work it although their role could. */
            barredReason: barred ? `本环节须由与上一环节不同的工作人员办理，您已办理本件的上一环节${stuck ? `。${nobodyElseMessage(staffTask.role)}` : ""}` : null,
            actions: node.actions.map((a) => ({ id: a.id, label: a.label, kind: a.kind, requiresComment: a.requiresComment })),
            /** A decision step's outcomes: the passing action (approve / complete) records one. */
            outcomes: (node.outcomes ?? []).map((o) => ({
              id: o.id,
              label: o.label,
              favourable: o.favourable,
              reasonRequired: o.requiresReason || !o.favourable,
              amountLabel: o.amountLabel ?? null,
              documentTitle: o.documentTitle,
            })),
            checkpoints: checkpointsFor(detail.definition, node),
            /** 风险点 to confirm before passing the step (runtime/definition/riskChecklist.ts). */
            riskChecklist: stepRisks(detail.definition, node.label),
          }
        : null,
    /** 校验与共享: the current step's checks and shared data, and every result of the case. */
    checks: await caseChecksView(db, id, detail.definition, staffTask?.nodeId ?? null),
    /** 风险点 confirmed at the steps done so far (who, when). */
    riskConfirmations: await confirmedRisksOf(db, id),
    /** 告知承诺 made instead of materials, and their 事后核查. */
    commitments: await commitmentsForStaff(db, id),
    canPause: canWork && !!node?.pausable && state?.status === "running",
    canResume: state?.status === "paused" && !!state.tasks.some((task) => roles.includes(task.role as StaffRole)),
  };
}

interface TaskRow {
  id: string;
  applicationId: string;
  nodeId: string;
  role: string;
  officeId: string;
  status: string;
  claimedById: string | null;
}

async function workableTask(db: Db, sql: SqlTx, user: SessionUser, taskId: string): Promise<TaskRow> {
  const task = await sql.get<TaskRow>('SELECT "id", "applicationId", "nodeId", "role", "officeId", "status", "claimedById" FROM "Task" WHERE "id" = ?', [taskId]);
  if (!task) throw notFound("任务");
  if (!rolesAt(user, task.officeId).includes(task.role as StaffRole)) {
    // Staff who see the case are told why they may not work the step; others learn nothing of it.
    if (workScopes(user).some((s) => s.officeId === task.officeId)) throw new AppError("FORBIDDEN", `该环节须由${taskRoleLabels[task.role as StaffRole] ?? task.role}办理`);
    throw await workRefusal(db, sql, user, task.officeId, "任务");
  }
  if (task.status === "done" || task.status === "cancelled") throw conflict("该任务已办理完毕，请刷新后查看", "stale");
  return task;
}

const taskAudit = (task: TaskRow) => ({ actorRole: task.role, organisationId: task.officeId, applicationId: task.applicationId, entityType: "task" as const, entityId: task.id });

/** Refuses a task to the one who did the case's previous step when the step is to be done by someone else. */
async function requireNotBarred(sql: SqlTx, user: SessionUser, task: TaskRow): Promise<void> {
  const application = await sql.get<{ serviceVersionId: string; engineState: unknown }>(
    'SELECT "serviceVersionId", "engineState" FROM "Application" WHERE "id" = ?',
    [task.applicationId],
  );
  if (!application) throw notFound("任务");
  const definition = await pinnedDefinitionSql(sql, application.serviceVersionId);
  const engineTaskId = task.id.slice(task.applicationId.length + 1);
  const node = taskNode(definition, task.nodeId);
  if (node && barredActorOfTask(definition.flow, sql.json(application.engineState) as CaseState | null, engineTaskId) === user.id) {
    throw new AppError("FORBIDDEN", `环节“${node.label}”须由与上一环节不同的工作人员办理：您已办理本件的上一环节，请由其他工作人员认领`);
  }
}

export async function claimTask(db: Db, user: SessionUser, taskId: string) {
  return writeWithSql(db, user, async ({ sql, audit }) => {
    const task = await workableTask(db, sql, user, taskId);
    await requireNotBarred(sql, user, task);
    if (task.claimedById === user.id) {
      audit.unchanged();
      return { ok: true };
    }
    const claimed = await sql.run(
      'UPDATE "Task" SET "status" = \'claimed\', "claimedById" = ?, "claimedAt" = ? WHERE "id" = ? AND "status" = \'open\' AND "claimedById" IS NULL',
      [user.id, sql.time(new Date()), taskId],
    );
    if (claimed !== 1) throw conflict("该任务已被其他人认领", "claimed");
    audit.record({ ...taskAudit(task), action: "claim" });
    return { ok: true };
  });
}

export async function releaseTask(db: Db, user: SessionUser, taskId: string) {
  return writeWithSql(db, user, async ({ sql, audit }) => {
    const task = await workableTask(db, sql, user, taskId);
    const released = await sql.run(
      'UPDATE "Task" SET "status" = \'open\', "claimedById" = NULL, "claimedAt" = NULL WHERE "id" = ? AND "status" = \'claimed\' AND "claimedById" = ?',
      [taskId, user.id],
    );
    if (released !== 1) throw conflict("只能释放自己认领的任务", "claimed");
    audit.record({ ...taskAudit(task), action: "release" });
    return { ok: true };
  });
}

export interface ActInput {
  applicationId: string;
  taskId: string;
  actionId: string;
  comment?: string;
  correctionItems?: string[];
  /** 一次性告知: ids of the applicant's forms to correct (the 补正 may change them). */
  correctionForms?: string[];
  /** At a decision step: the outcome chosen and the amount it fixes (核定). */
  outcomeId?: string;
  amount?: string;
  /** Keys of the step's 风险点 the caseworker confirmed (riskChecklist.ts). */
  confirmedRisks?: string[];
  rowVersion: number;
}

/**
 * 一次性告知: the items, and the forms it names (applicant forms only, each once). A named form the
 * items do not mention is added to them, so the notice still lists everything to correct.
 */
function correctionRequest(definition: ServiceDefinition, kind: string, input: ActInput): { correctionItems?: string[]; correctionForms?: string[] } {
  const correctionItems = input.correctionItems?.map((i) => i.trim()).filter(Boolean);
  if (input.correctionForms === undefined) return { correctionItems };
  if (kind !== "correction") throw new AppError("BAD_REQUEST", "只有一次性告知补正可以指定需补正的表单");
  const forms = applicantForms(definition);
  const named = [...new Set(input.correctionForms)].map((id) => {
    const form = forms.find((f) => f.id === id);
    if (!form) throw new AppError("BAD_REQUEST", `“${definition.forms.find((f) => f.id === id)?.title ?? id}”不是申请人填写的表单，不能要求补正`);
    return form;
  });
  if (named.length === 0) return { correctionItems };
  const items = [...(correctionItems ?? [])];
  for (const form of named) if (!items.some((item) => item.includes(form.title))) items.push(`请修改完善：${form.title}`);
  return { correctionItems: items, correctionForms: named.map((f) => f.id) };
}

export async function actOnTask(db: Db, user: SessionUser, input: ActInput) {
  return writeWithSql(db, user, async ({ sql, audit }) => {
    const application = await officeCaseRow(db, sql, user, input.applicationId);
    const task = await workableTask(db, sql, user, input.taskId);
    if (task.applicationId !== application.id) throw notFound("任务");
    if (task.claimedById && task.claimedById !== user.id) throw conflict("该任务已被其他人认领", "claimed");
    if (application.rowVersion !== input.rowVersion) throw staleCase();
    const definition = await pinnedDefinitionSql(sql, application.serviceVersionId);
    const node = taskNode(definition, task.nodeId);
    const action = node?.actions.find((a) => a.id === input.actionId);
    if (!node || !action) throw new AppError("BAD_REQUEST", "当前环节没有该操作");
    // 前置校验: a mandatory check that has not cleared holds back the step's completing actions.
    await requireChecksCleared(sql, application.id, definition, task.nodeId, action.kind);
    const riskConfirmations = requireRisksConfirmed(definition, node, action.kind, input.confirmedRisks ?? []);
    const engineTaskId = task.id.slice(application.id.length + 1);
    if (taskRowId(application.id, engineTaskId) !== task.id) throw notFound("任务");
    const comment = input.comment?.trim() || undefined;
    const outcome = input.outcomeId ? node.outcomes?.find((o) => o.id === input.outcomeId) : undefined;
    const { correctionItems, correctionForms } = correctionRequest(definition, action.kind, input);
    const result = await runCaseEvent(sql, audit, {
      application,
      definition,
      calendar: await loadCalendarSql(db, sql),
      actorRole: task.role,
      event: {
        type: "act",
        at: caseNow().toISOString(),
        taskId: engineTaskId,
        actionId: input.actionId,
        actor: { role: task.role as StaffRole, id: user.id },
        comment,
        correctionItems,
        ...(correctionForms ? { correctionForms } : {}),
        ...(input.outcomeId !== undefined ? { outcomeId: input.outcomeId } : {}),
        ...(input.amount !== undefined ? { amount: input.amount } : {}),
      },
      auditPayload: {
        actionLabel: action.label,
        actionKind: action.kind,
        comment,
        // The notice as sent (with the forms it names added), which the timeline shows.
        correctionItems: correctionForms ? correctionItems : input.correctionItems,
        ...(correctionForms ? { correctionForms } : {}),
        taskId: task.id,
        riskConfirmations,
        ...(outcome ? { outcomeId: outcome.id, outcomeLabel: outcome.label, favourable: outcome.favourable, ...(input.amount ? { amount: input.amount.trim() } : {}) } : {}),
      },
    });
    await sql.run('UPDATE "Task" SET "comment" = ? WHERE "id" = ?', [comment ?? null, task.id]);
    return { rowVersion: result.rowVersion, status: result.state.status };
  });
}

export async function pauseOrResume(
  db: Db,
  user: SessionUser,
  input: { applicationId: string; rowVersion: number; kind: "pause" | "resume"; reason?: string },
) {
  return writeWithSql(db, user, async ({ sql, audit }) => {
    const application = await officeCaseRow(db, sql, user, input.applicationId);
    const roles = rolesAt(user, application.officeId);
    if (roles.length === 0) throw notFound("办件");
    if (application.rowVersion !== input.rowVersion) throw staleCase();
    const definition = await pinnedDefinitionSql(sql, application.serviceVersionId);
    const at = caseNow().toISOString();
    // The role of a current step the user holds (one may be both caseworker and reviewer at an office).
    const current = (application.engineState as unknown as CaseState | null)?.tasks ?? [];
    const role = roles.find((r) => current.some((task) => task.role === r)) ?? roles[0];
    const actor = { role, id: user.id };
    const reason = input.reason?.trim() ?? "";
    const result = await runCaseEvent(sql, audit, {
      application,
      definition,
      calendar: await loadCalendarSql(db, sql),
      actorRole: role,
      event: input.kind === "pause" ? { type: "pause", at, actor, reason } : { type: "resume", at, actor, comment: reason || undefined },
      auditPayload: { reason },
    });
    return { rowVersion: result.rowVersion };
  });
}

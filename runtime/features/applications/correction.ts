/** 一次性告知 answered: the applicant's corrected forms go back to the step that asked. */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { AppError, staleCase } from "@/runtime/errors";
import { correctionEditableForms, type CaseState } from "@/runtime/engine";
import { writeWithSql } from "@/runtime/write";
import { loadCalendarSql } from "@/runtime/features/cases/calendar";
import { applicantCaseRow, uploadedMaterialIds, type FormsData } from "@/runtime/features/cases/caseStore";
import { pinnedDefinitionSql } from "@/runtime/features/cases/definitions";
import { runCaseEvent, taskRowId } from "@/runtime/features/cases/runEvent";
import { materialsNamedIn } from "@/runtime/definition/requirements";
import { caseNow } from "@/runtime/clock";
import { chinaDateOf } from "@/runtime/calendar";
import { submissionProblems } from "@/runtime/forms/submissionCheck";
import { stripOfficeUseForms } from "@/runtime/forms/officeUse";
import { canonicalJson } from "@/runtime/write/auditChain";

export async function answerCorrection(db: Db, user: SessionUser, id: string, formData: FormsData, rowVersion: number) {
  return writeWithSql(db, user, async ({ sql, audit }) => {
    const application = await applicantCaseRow(sql, user, id);
    if (application.status !== "waiting_applicant") throw new AppError("PRECONDITION_FAILED", "该办件当前不需要补正");
    if (application.rowVersion !== rowVersion) throw staleCase();
    const state = application.engineState as CaseState;
    const task = state.tasks.find((t) => t.role === "applicant");
    if (!task) throw new AppError("PRECONDITION_FAILED", "该办件当前不需要补正");
    const definition = await pinnedDefinitionSql(sql, application.serviceVersionId);
    const node = definition.flow.nodes.find((n) => n.id === task.nodeId);
    const submitAction = node?.type === "task" ? node.actions.find((a) => a.kind === "submit") : undefined;
    if (node?.type !== "task" || !submitAction) throw new AppError("PRECONDITION_FAILED", "补正环节没有可用的提交操作");
    // Only the forms the correction opened (named in the request, or opened by the step) may change; another form sent unchanged is ignored.
    const editable = new Set(correctionEditableForms(node, task));
    const sent = stripOfficeUseForms(definition.forms, formData);
    const refused = Object.keys(sent).filter((formId) => !editable.has(formId) && canonicalJson(sent[formId]) !== canonicalJson(application.formData[formId] ?? {}));
    if (refused.length) {
      const titles = refused.map((formId) => definition.forms.find((f) => f.id === formId)?.title ?? formId);
      throw new AppError("BAD_REQUEST", `补正只能修改要求补正的表单，不能修改：${titles.join("、")}`);
    }
    const patch = Object.fromEntries(Object.entries(sent).filter(([formId]) => editable.has(formId)));
    const merged: FormsData = { ...application.formData, ...patch };
    const at = caseNow().toISOString();
    const problems = submissionProblems(definition, {
      formData: merged,
      uploadedMaterialIds: await uploadedMaterialIds(sql, id),
      versionId: application.serviceVersionId,
      applicantKind: user.kind === "organisation" ? "organisation" : "person",
      // a date that may not lie after today: today on the case clock, the day the correction is filed
      today: chinaDateOf(at),
    });
    if (problems.length) throw new AppError("BAD_REQUEST", `补正内容未通过校验：${problems.map((p) => p.message).join("；")}`, problems);
    // The materials the 一次性告知 named are answered with a new file each: the one already there is what was asked about.
    const asked = materialsNamedIn(task.correction?.items ?? [], definition.materials);
    if (asked.length) {
      const answered = await sql.all<{ materialId: string }>(
        'SELECT DISTINCT a."materialId" FROM "Attachment" a JOIN "Task" t ON t."id" = ? WHERE a."applicationId" = ? AND a."createdAt" >= t."createdAt"',
        [taskRowId(id, task.taskId), id],
      );
      const fresh = new Set(answered.map((row) => row.materialId));
      const missing = asked.filter((m) => !fresh.has(m.id));
      if (missing.length) {
        throw new AppError("BAD_REQUEST", `一次性告知要求补正的材料还没有上传新的文件：${missing.map((m) => `《${m.name}》`).join("、")}`, missing.map((m) => ({ path: `materials/${m.id}`, message: `请上传补正后的《${m.name}》` })));
      }
    }
    const changed = Object.entries(patch).flatMap(([formId, data]) => {
      const before = application.formData[formId] ?? {};
      const fields = [...new Set([...Object.keys(before), ...Object.keys(data)])].filter((k) => canonicalJson(before[k]) !== canonicalJson(data[k]));
      return fields.length ? [{ formId, fields }] : [];
    });
    const result = await runCaseEvent(sql, audit, {
      application,
      definition,
      calendar: await loadCalendarSql(db, sql),
      actorRole: "applicant",
      event: { type: "act", at, taskId: task.taskId, actionId: submitAction.id, actor: { role: "applicant", id: user.id }, forms: patch },
      extra: { formData: merged },
      auditPayload: { actionLabel: submitAction.label, changed },
    });
    return { rowVersion: result.rowVersion };
  });
}

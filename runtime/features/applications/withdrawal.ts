/** 撤回: a draft is deleted; a filed case is withdrawn through the engine. */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { writeWithSql } from "@/runtime/write";
import { loadCalendarSql } from "@/runtime/features/cases/calendar";
import { applicantCaseRow } from "@/runtime/features/cases/caseStore";
import { pinnedDefinitionSql } from "@/runtime/features/cases/definitions";
import { runCaseEvent } from "@/runtime/features/cases/runEvent";
import { caseNow } from "@/runtime/clock";

export async function withdrawApplication(db: Db, user: SessionUser, id: string, reason: string | undefined) {
  return writeWithSql(db, user, async ({ sql, audit }) => {
    const application = await applicantCaseRow(sql, user, id);
    if (application.status === "draft") {
      await sql.run('DELETE FROM "Application" WHERE "id" = ?', [id]);
      audit.record({ action: "deleteDraft", actorRole: "applicant", entityType: "application", entityId: id, organisationId: application.officeId });
      return { deleted: true };
    }
    const definition = await pinnedDefinitionSql(sql, application.serviceVersionId);
    await runCaseEvent(sql, audit, {
      application,
      flow: definition.flow,
      calendar: await loadCalendarSql(db, sql),
      actorRole: "applicant",
      event: { type: "withdraw", at: caseNow().toISOString(), actor: { role: "applicant", id: user.id }, reason },
      auditPayload: { reason },
    });
    return { deleted: false };
  });
}

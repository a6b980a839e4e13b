/** 撤回: a draft is deleted with its uploaded files; a filed case is withdrawn through the engine. */
import "server-only";
import { errorLog, log } from "@/runtime/ops/log";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { getStorage } from "@/runtime/storage";
import { writeWithSql } from "@/runtime/write";
import { loadCalendarSql } from "@/runtime/features/cases/calendar";
import { applicantCaseRow } from "@/runtime/features/cases/caseStore";
import { pinnedDefinitionSql } from "@/runtime/features/cases/definitions";
import { runCaseEvent } from "@/runtime/features/cases/runEvent";
import { caseNow } from "@/runtime/clock";

export async function withdrawApplication(db: Db, user: SessionUser, id: string, reason: string | undefined) {
  const { removedFiles, ...result } = await writeWithSql(db, user, async ({ sql, audit }) => {
    const application = await applicantCaseRow(sql, user, id);
    if (application.status === "draft") {
      const files = await sql.all<{ storageKey: string }>('SELECT "storageKey" FROM "Attachment" WHERE "applicationId" = ?', [id]);
      await sql.run('DELETE FROM "Attachment" WHERE "applicationId" = ?', [id]);
      await sql.run('DELETE FROM "Application" WHERE "id" = ?', [id]);
      audit.record({
        action: "deleteDraft",
        actorRole: "applicant",
        entityType: "application",
        entityId: id,
        organisationId: application.officeId,
        payload: { attachments: files.length },
      });
      return { deleted: true, removedFiles: files.map((f) => f.storageKey) };
    }
    const definition = await pinnedDefinitionSql(sql, application.serviceVersionId);
    await runCaseEvent(sql, audit, {
      application,
      definition,
      calendar: await loadCalendarSql(db, sql),
      actorRole: "applicant",
      event: { type: "withdraw", at: caseNow().toISOString(), actor: { role: "applicant", id: user.id }, reason },
      auditPayload: { reason },
    });
    return { deleted: false, removedFiles: [] as string[] };
  });
  // After the commit: a rolled-back deletion keeps its files. A file that cannot be removed now is only an orphan on disk.
  const storage = getStorage();
  for (const key of removedFiles) await storage.delete(key).catch((error: unknown) => log.warn({ ...errorLog(error), key }, "草稿的文件没有删除"));
  return result;
}

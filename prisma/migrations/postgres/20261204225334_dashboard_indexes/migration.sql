-- DropIndex
DROP INDEX "Application_officeId_status_idx";

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "correctionNoticeAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Application_officeId_status_serviceId_submittedAt_closedAt__idx" ON "Application"("officeId", "status", "serviceId", "submittedAt", "closedAt", "promisedDate", "dueDate", "correctionNoticeAt");

-- CreateIndex
CREATE INDEX "Task_officeId_status_role_label_createdAt_completedAt_idx" ON "Task"("officeId", "status", "role", "label", "createdAt", "completedAt");

-- Backfill: the cases that already got a correction notice (the issueDocument events of their trail).
UPDATE "Application" a SET "correctionNoticeAt" = c."at"
FROM (
  SELECT e."applicationId", MAX(e."at") AS "at" FROM "AuditEvent" e
  WHERE e."action" = 'issueDocument' AND e."payload"->>'document' = 'correctionNotice'
  GROUP BY e."applicationId"
) c
WHERE a."id" = c."applicationId";

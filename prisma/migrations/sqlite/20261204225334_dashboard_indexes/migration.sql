-- DropIndex
DROP INDEX "Application_officeId_status_idx";

-- AlterTable
ALTER TABLE "Application" ADD COLUMN "correctionNoticeAt" DATETIME;

-- CreateIndex
CREATE INDEX "Application_officeId_status_serviceId_submittedAt_closedAt_promisedDate_dueDate_correctionNoticeAt_idx" ON "Application"("officeId", "status", "serviceId", "submittedAt", "closedAt", "promisedDate", "dueDate", "correctionNoticeAt");

-- CreateIndex
CREATE INDEX "Task_officeId_status_role_label_createdAt_completedAt_idx" ON "Task"("officeId", "status", "role", "label", "createdAt", "completedAt");

-- Backfill: the cases that already got a correction notice (the issueDocument events of their trail).
UPDATE "Application" SET "correctionNoticeAt" = (
  SELECT MAX(e."at") FROM "AuditEvent" e
  WHERE e."applicationId" = "Application"."id" AND e."action" = 'issueDocument' AND json_extract(e."payload", '$.document') = 'correctionNotice'
)
WHERE "id" IN (
  SELECT e."applicationId" FROM "AuditEvent" e
  WHERE e."action" = 'issueDocument' AND json_extract(e."payload", '$.document') = 'correctionNotice'
);

-- DropIndex
DROP INDEX "Application_officeId_status_serviceId_submittedAt_closedAt__idx";

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "legalDueDate" TEXT;

-- Cases filed before: where nothing was promised, the case ran under its legal limit, so its due date is the legal one.
-- (Where a limit was promised the legal day was not kept; such cases stay out of the 法定时限 rate.)
UPDATE "Application" SET "legalDueDate" = "dueDate" WHERE "promisedDate" IS NULL AND "dueDate" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Application_officeId_status_serviceId_submittedAt_closedAt__idx" ON "Application"("officeId", "status", "serviceId", "submittedAt", "closedAt", "promisedDate", "dueDate", "legalDueDate", "correctionNoticeAt");

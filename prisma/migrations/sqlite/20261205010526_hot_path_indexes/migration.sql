-- DropIndex
DROP INDEX "Application_applicantId_idx";

-- DropIndex
DROP INDEX "Task_officeId_role_status_idx";

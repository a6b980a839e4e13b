-- DropIndex
DROP INDEX "Task_officeId_status_role_label_createdAt_completedAt_idx";

-- CreateIndex
CREATE INDEX "Task_officeId_status_role_label_createdAt_completedAt_dueDa_idx" ON "Task"("officeId", "status", "role", "label", "createdAt", "completedAt", "dueDate");

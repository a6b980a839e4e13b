-- AlterTable
ALTER TABLE "Application" ADD COLUMN "timerDueOn" TEXT;

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Application_timerDueOn_id_idx" ON "Application"("timerDueOn", "id");

-- Cases filed before this migration: due from their earliest open deadline (the first tick
-- recomputes the exact date from each case's state).
UPDATE "Application" SET "timerDueOn" = (
  SELECT MIN(d) FROM (
    SELECT "dueDate" AS d FROM "Task" WHERE "Task"."applicationId" = "Application"."id" AND "Task"."status" IN ('open', 'claimed') AND "Task"."dueDate" IS NOT NULL
    UNION ALL
    SELECT "Application"."dueDate" AS d WHERE "Application"."dueDate" IS NOT NULL
  ) AS deadlines
) WHERE "engineState" IS NOT NULL AND "closedAt" IS NULL;

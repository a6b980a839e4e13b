-- CreateTable
CREATE TABLE "CaseCheck" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "connectorId" TEXT NOT NULL,
    "mandatory" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "answer" JSONB,
    "reason" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseCheck_applicationId_kind_item_key" ON "CaseCheck"("applicationId", "kind", "item");

-- CreateTable
CREATE TABLE "AuditSample" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "auditorOrgId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "population" INTEGER NOT NULL,
    "size" INTEGER NOT NULL,
    "drawnById" TEXT NOT NULL,
    "drawnAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditSampleCase" (
    "sampleId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("sampleId", "applicationId"),
    CONSTRAINT "AuditSampleCase_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "AuditSample" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditFinding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sampleId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "auditorId" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MaterialCommitment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "materialId" TEXT NOT NULL,
    "materialName" TEXT NOT NULL,
    "committedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'committed',
    "settledById" TEXT,
    "settledAt" DATETIME,
    "settledNote" TEXT
);

-- CreateIndex
CREATE INDEX "AuditSample_auditorOrgId_drawnAt_idx" ON "AuditSample"("auditorOrgId", "drawnAt");

-- CreateIndex
CREATE INDEX "AuditSample_officeId_drawnAt_idx" ON "AuditSample"("officeId", "drawnAt");

-- CreateIndex
CREATE INDEX "AuditSampleCase_applicationId_idx" ON "AuditSampleCase"("applicationId");

-- CreateIndex
CREATE INDEX "AuditFinding_officeId_createdAt_idx" ON "AuditFinding"("officeId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditFinding_sampleId_applicationId_idx" ON "AuditFinding"("sampleId", "applicationId");

-- CreateIndex
CREATE INDEX "MaterialCommitment_status_committedAt_idx" ON "MaterialCommitment"("status", "committedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MaterialCommitment_applicationId_materialId_key" ON "MaterialCommitment"("applicationId", "materialId");

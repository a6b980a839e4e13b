-- AlterTable
ALTER TABLE "User" ADD COLUMN     "email" TEXT,
ADD COLUMN     "notifyByEmail" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "notifyBySms" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "applicationId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "emailTo" TEXT,
    "emailState" TEXT NOT NULL DEFAULT 'none',
    "emailAttempts" INTEGER NOT NULL DEFAULT 0,
    "emailNextAt" TIMESTAMP(3),
    "emailError" TEXT,
    "emailSentAt" TIMESTAMP(3),
    "smsTo" TEXT,
    "smsState" TEXT NOT NULL DEFAULT 'none',
    "smsAttempts" INTEGER NOT NULL DEFAULT 0,
    "smsNextAt" TIMESTAMP(3),
    "smsError" TEXT,
    "smsSentAt" TIMESTAMP(3),
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_emailState_emailNextAt_idx" ON "Notification"("emailState", "emailNextAt");

-- CreateIndex
CREATE INDEX "Notification_smsState_smsNextAt_idx" ON "Notification"("smsState", "smsNextAt");

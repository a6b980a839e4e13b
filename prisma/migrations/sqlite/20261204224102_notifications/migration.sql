-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "applicationId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    "emailTo" TEXT,
    "emailState" TEXT NOT NULL DEFAULT 'none',
    "emailAttempts" INTEGER NOT NULL DEFAULT 0,
    "emailNextAt" DATETIME,
    "emailError" TEXT,
    "emailSentAt" DATETIME,
    "smsTo" TEXT,
    "smsState" TEXT NOT NULL DEFAULT 'none',
    "smsAttempts" INTEGER NOT NULL DEFAULT 0,
    "smsNextAt" DATETIME,
    "smsError" TEXT,
    "smsSentAt" DATETIME,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "idNumber" TEXT,
    "creditCode" TEXT,
    "phone" TEXT,
    "contactName" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" DATETIME,
    "authVersion" INTEGER NOT NULL DEFAULT 0,
    "email" TEXT,
    "notifyByEmail" BOOLEAN NOT NULL DEFAULT false,
    "notifyBySms" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_User" ("authVersion", "contactName", "createdAt", "creditCode", "disabledAt", "displayName", "id", "idNumber", "kind", "passwordHash", "phone", "username") SELECT "authVersion", "contactName", "createdAt", "creditCode", "disabledAt", "displayName", "id", "idNumber", "kind", "passwordHash", "phone", "username" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
CREATE UNIQUE INDEX "User_idNumber_key" ON "User"("idNumber");
CREATE UNIQUE INDEX "User_creditCode_key" ON "User"("creditCode");
CREATE UNIQUE INDEX "User_phone_key" ON "User"("phone");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_emailState_emailNextAt_idx" ON "Notification"("emailState", "emailNextAt");

-- CreateIndex
CREATE INDEX "Notification_smsState_smsNextAt_idx" ON "Notification"("smsState", "smsNextAt");

-- CreateTable
CREATE TABLE "PresenceSignal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "channelRef" TEXT NOT NULL,
    "messageRef" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "customer" BOOLEAN NOT NULL,
    "tone" TEXT,
    "classifier" TEXT NOT NULL,
    "authorHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TrackedChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "channelRef" TEXT NOT NULL,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "baselineAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DigestTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "channelRef" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT,
    "cadence" TEXT NOT NULL DEFAULT 'weekly',
    "weekday" INTEGER NOT NULL DEFAULT 1,
    "nudgeMinute" INTEGER NOT NULL DEFAULT 540,
    "includeWeekends" BOOLEAN NOT NULL DEFAULT false,
    "language" TEXT NOT NULL DEFAULT 'de',
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Berlin',
    "admins" TEXT NOT NULL DEFAULT '',
    "suggestionsChannel" TEXT,
    "presenceLlm" BOOLEAN NOT NULL DEFAULT false,
    "digestWeekday" INTEGER NOT NULL DEFAULT 1,
    "digestMinute" INTEGER NOT NULL DEFAULT 540,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Workspace" ("admins", "cadence", "createdAt", "externalId", "id", "includeWeekends", "language", "name", "nudgeMinute", "platform", "suggestionsChannel", "timezone", "updatedAt", "weekday") SELECT "admins", "cadence", "createdAt", "externalId", "id", "includeWeekends", "language", "name", "nudgeMinute", "platform", "suggestionsChannel", "timezone", "updatedAt", "weekday" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_platform_externalId_key" ON "Workspace"("platform", "externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PresenceSignal_workspaceId_week_idx" ON "PresenceSignal"("workspaceId", "week");

-- CreateIndex
CREATE INDEX "PresenceSignal_createdAt_idx" ON "PresenceSignal"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PresenceSignal_workspaceId_channelRef_messageRef_key" ON "PresenceSignal"("workspaceId", "channelRef", "messageRef");

-- CreateIndex
CREATE INDEX "ProcessedEvent_createdAt_idx" ON "ProcessedEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TrackedChannel_workspaceId_channelRef_key" ON "TrackedChannel"("workspaceId", "channelRef");

-- CreateIndex
CREATE UNIQUE INDEX "DigestTarget_workspaceId_channelRef_key" ON "DigestTarget"("workspaceId", "channelRef");


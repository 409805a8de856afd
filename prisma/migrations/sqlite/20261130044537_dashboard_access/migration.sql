-- CreateTable
CREATE TABLE "DashboardViewer" (
    "workspaceId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("workspaceId", "externalId")
);

-- CreateTable
CREATE TABLE "DashboardToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "person" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DashboardSession" (
    "idHash" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "person" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "DashboardToken_expiresAt_idx" ON "DashboardToken"("expiresAt");

-- CreateIndex
CREATE INDEX "DashboardSession_workspaceId_person_idx" ON "DashboardSession"("workspaceId", "person");

-- CreateIndex
CREATE INDEX "DashboardSession_expiresAt_idx" ON "DashboardSession"("expiresAt");


-- CreateTable
CREATE TABLE "DashboardViewer" (
    "workspaceId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardViewer_pkey" PRIMARY KEY ("workspaceId","externalId")
);

-- CreateTable
CREATE TABLE "DashboardToken" (
    "tokenHash" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "person" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "DashboardSession" (
    "idHash" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "person" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardSession_pkey" PRIMARY KEY ("idHash")
);

-- CreateIndex
CREATE INDEX "DashboardToken_expiresAt_idx" ON "DashboardToken"("expiresAt");

-- CreateIndex
CREATE INDEX "DashboardSession_workspaceId_person_idx" ON "DashboardSession"("workspaceId", "person");

-- CreateIndex
CREATE INDEX "DashboardSession_expiresAt_idx" ON "DashboardSession"("expiresAt");


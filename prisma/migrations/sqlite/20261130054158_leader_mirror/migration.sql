-- CreateTable
CREATE TABLE "MirrorRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openedAt" DATETIME NOT NULL,
    "remindAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "reminded" BOOLEAN NOT NULL DEFAULT false,
    "closedAt" DATETIME,
    "quarter" TEXT,
    "invited" INTEGER NOT NULL,
    "selfRatings" TEXT,
    "tally" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "results" TEXT
);

-- CreateTable
CREATE TABLE "MirrorInvite" (
    "roundId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "language" TEXT,
    "answered" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("roundId", "raterId")
);

-- CreateTable
CREATE TABLE "MirrorLeader" (
    "leaderId" TEXT NOT NULL PRIMARY KEY,
    "raters" TEXT NOT NULL DEFAULT '',
    "channels" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "MirrorSchedule" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "cadence" TEXT NOT NULL DEFAULT 'off',
    "lastQuarter" TEXT
);

-- CreateTable
CREATE TABLE "MirrorOrgFigures" (
    "workspaceId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "figures" TEXT NOT NULL,

    PRIMARY KEY ("workspaceId", "quarter")
);

-- CreateIndex
CREATE INDEX "MirrorRound_status_closesAt_idx" ON "MirrorRound"("status", "closesAt");

-- CreateIndex
CREATE INDEX "MirrorRound_workspaceId_leaderId_idx" ON "MirrorRound"("workspaceId", "leaderId");


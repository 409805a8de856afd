-- CreateTable
CREATE TABLE "MirrorRound" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openedAt" TIMESTAMP(3) NOT NULL,
    "remindAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "reminded" BOOLEAN NOT NULL DEFAULT false,
    "closedAt" TIMESTAMP(3),
    "quarter" TEXT,
    "invited" INTEGER NOT NULL,
    "selfRatings" TEXT,
    "tally" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "results" TEXT,

    CONSTRAINT "MirrorRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MirrorInvite" (
    "roundId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "language" TEXT,
    "answered" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "MirrorInvite_pkey" PRIMARY KEY ("roundId","raterId")
);

-- CreateTable
CREATE TABLE "MirrorLeader" (
    "leaderId" TEXT NOT NULL,
    "raters" TEXT NOT NULL DEFAULT '',
    "channels" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "MirrorLeader_pkey" PRIMARY KEY ("leaderId")
);

-- CreateTable
CREATE TABLE "MirrorSchedule" (
    "workspaceId" TEXT NOT NULL,
    "cadence" TEXT NOT NULL DEFAULT 'off',
    "lastQuarter" TEXT,

    CONSTRAINT "MirrorSchedule_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "MirrorOrgFigures" (
    "workspaceId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "figures" TEXT NOT NULL,

    CONSTRAINT "MirrorOrgFigures_pkey" PRIMARY KEY ("workspaceId","quarter")
);

-- CreateIndex
CREATE INDEX "MirrorRound_status_closesAt_idx" ON "MirrorRound"("status", "closesAt");

-- CreateIndex
CREATE INDEX "MirrorRound_workspaceId_leaderId_idx" ON "MirrorRound"("workspaceId", "leaderId");


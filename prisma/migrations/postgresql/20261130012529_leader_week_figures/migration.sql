-- CreateTable
CREATE TABLE "LeaderWeekFigures" (
    "workspaceId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "leaders" INTEGER NOT NULL,
    "nudged" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL,
    "questions" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaderWeekFigures_pkey" PRIMARY KEY ("workspaceId","week")
);


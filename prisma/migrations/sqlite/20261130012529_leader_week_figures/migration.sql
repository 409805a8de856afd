-- CreateTable
CREATE TABLE "LeaderWeekFigures" (
    "workspaceId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "leaders" INTEGER NOT NULL,
    "nudged" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL,
    "questions" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("workspaceId", "week")
);


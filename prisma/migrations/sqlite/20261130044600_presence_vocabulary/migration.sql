-- CreateTable
CREATE TABLE "PresenceVocabulary" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "industry" TEXT,
    "terms" TEXT NOT NULL DEFAULT '[]',
    "termCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "changedAt" DATETIME NOT NULL
);


-- CreateTable
CREATE TABLE "PresenceVocabulary" (
    "workspaceId" TEXT NOT NULL,
    "industry" TEXT,
    "terms" TEXT NOT NULL DEFAULT '[]',
    "termCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PresenceVocabulary_pkey" PRIMARY KEY ("workspaceId")
);


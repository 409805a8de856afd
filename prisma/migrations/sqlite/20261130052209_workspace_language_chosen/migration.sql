-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "languageChosen" BOOLEAN NOT NULL DEFAULT false;
-- Workspaces that exist already were set up under the old rules: their language stands as chosen.
UPDATE "Workspace" SET "languageChosen" = true;

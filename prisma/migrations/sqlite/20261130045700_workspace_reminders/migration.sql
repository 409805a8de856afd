-- AlterTable
-- A column with a constant default: SQLite adds it in place, no table rebuild.
ALTER TABLE "Workspace" ADD COLUMN "reminders" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "reminders" BOOLEAN NOT NULL DEFAULT true;


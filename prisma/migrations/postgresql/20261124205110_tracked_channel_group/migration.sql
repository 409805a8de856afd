-- AlterTable
ALTER TABLE "TrackedChannel" ADD COLUMN     "groupRef" TEXT;


-- DropIndex
DROP INDEX "PresenceSignal_workspaceId_week_idx";

-- DropIndex
DROP INDEX "PresenceSignal_createdAt_idx";

-- CreateIndex
CREATE INDEX "PresenceSignal_digest_idx" ON "PresenceSignal"("workspaceId", "week", "channelRef", "authorHash", "customer", "tone");

-- CreateIndex
CREATE INDEX "PresenceSignal_day_idx" ON "PresenceSignal"("day");


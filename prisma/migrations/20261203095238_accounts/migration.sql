-- AlterTable
ALTER TABLE "Workout" ADD COLUMN     "pelotonAccountId" TEXT;

-- CreateTable
CREATE TABLE "PelotonHistoryAccount" (
    "userId" TEXT NOT NULL,
    "pelotonUserId" TEXT NOT NULL,
    "username" TEXT,
    "lastConnectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PelotonHistoryAccount_pkey" PRIMARY KEY ("userId","pelotonUserId")
);

-- CreateIndex
CREATE INDEX "Workout_userId_pelotonAccountId_idx" ON "Workout"("userId", "pelotonAccountId");

-- AddForeignKey
ALTER TABLE "PelotonHistoryAccount" ADD CONSTRAINT "PelotonHistoryAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the accounts connected today label their own history.
INSERT INTO "PelotonHistoryAccount" ("userId", "pelotonUserId", "username", "lastConnectedAt")
SELECT "userId", "pelotonUserId", "username", "connectedAt" FROM "PelotonConnection"
ON CONFLICT DO NOTHING;

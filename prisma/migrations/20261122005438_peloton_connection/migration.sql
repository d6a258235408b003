-- CreateTable
CREATE TABLE "PelotonConnection" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "pelotonUserId" TEXT NOT NULL,
    "username" TEXT,
    "loginEmail" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "accessTokenExpires" TIMESTAMP(3),
    "password" TEXT,
    "tokenVersion" INTEGER NOT NULL DEFAULT 0,
    "refreshLockedUntil" TIMESTAMP(3),
    "refreshLockId" TEXT,
    "status" "ConnectionStatus" NOT NULL DEFAULT 'active',
    "lastError" TEXT,
    "lastCheckedAt" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "connectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PelotonConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PelotonProfile" (
    "connectionId" TEXT NOT NULL,
    "leaderboardName" TEXT,
    "displayName" TEXT,
    "imageUrl" TEXT,
    "memberSince" TIMESTAMP(3),
    "totalWorkouts" INTEGER,
    "totalPedalingWorkouts" INTEGER,
    "totalNonPedalingWorkouts" INTEGER,
    "totalOutputKj" DOUBLE PRECISION,
    "totalDistance" DOUBLE PRECISION,
    "distanceUnit" TEXT,
    "totalCalories" DOUBLE PRECISION,
    "totalPedalingDurationSeconds" INTEGER,
    "currentWeeklyStreak" INTEGER,
    "bestWeeklyStreak" INTEGER,
    "currentDailyStreak" INTEGER,
    "achievementsCount" INTEGER,
    "workoutCounts" JSONB NOT NULL DEFAULT '{}',
    "ftpWatts" INTEGER,
    "ftpSource" TEXT,
    "ftpRawWatts" INTEGER,
    "maxHeartRate" INTEGER,
    "personalRecords" JSONB NOT NULL DEFAULT '[]',
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PelotonProfile_pkey" PRIMARY KEY ("connectionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PelotonConnection_userId_key" ON "PelotonConnection"("userId");

-- CreateIndex
CREATE INDEX "PelotonConnection_pelotonUserId_idx" ON "PelotonConnection"("pelotonUserId");

-- AddForeignKey
ALTER TABLE "PelotonConnection" ADD CONSTRAINT "PelotonConnection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PelotonProfile" ADD CONSTRAINT "PelotonProfile_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "PelotonConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

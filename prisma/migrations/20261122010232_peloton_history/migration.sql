-- CreateEnum
CREATE TYPE "WorkoutSyncState" AS ENUM ('pending', 'complete', 'failed');

-- CreateEnum
CREATE TYPE "SyncKind" AS ENUM ('full', 'incremental');

-- CreateEnum
CREATE TYPE "SyncPhase" AS ENUM ('listing', 'details', 'finalizing', 'done', 'paused', 'cancelled', 'failed');

-- CreateTable
CREATE TABLE "Instructor" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "imageUrl" TEXT,
    "disciplines" TEXT[],
    "bio" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Instructor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RideDetail" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "durationSeconds" INTEGER NOT NULL,
    "pedalingStartOffset" INTEGER NOT NULL DEFAULT 60,
    "difficulty" DOUBLE PRECISION,
    "instructorId" TEXT,
    "discipline" TEXT NOT NULL,
    "classTypes" TEXT[],
    "isPowerZone" BOOLEAN NOT NULL DEFAULT false,
    "isFtpTest" BOOLEAN NOT NULL DEFAULT false,
    "imageUrl" TEXT,
    "originalAirTime" TIMESTAMP(3),
    "segments" JSONB NOT NULL DEFAULT '[]',
    "targets" JSONB,
    "detailsFetchedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RideDetail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workout" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "pelotonWorkoutId" TEXT NOT NULL,
    "rideId" TEXT,
    "status" TEXT NOT NULL,
    "discipline" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "instructorId" TEXT,
    "startTime" TIMESTAMP(3) NOT NULL,
    "endTime" TIMESTAMP(3),
    "timezone" TEXT,
    "durationSeconds" INTEGER,
    "ftp" INTEGER,
    "ftpSource" TEXT,
    "leaderboardRank" INTEGER,
    "leaderboardTotal" INTEGER,
    "isOutdoor" BOOLEAN NOT NULL DEFAULT false,
    "deviceType" TEXT,
    "workoutType" TEXT,
    "syncState" "WorkoutSyncState" NOT NULL DEFAULT 'pending',
    "syncAttempts" INTEGER NOT NULL DEFAULT 0,
    "syncError" TEXT,
    "syncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkoutDetails" (
    "workoutId" TEXT NOT NULL,
    "totalOutputKj" DOUBLE PRECISION,
    "distance" DOUBLE PRECISION,
    "distanceUnit" TEXT,
    "calories" DOUBLE PRECISION,
    "elevation" DOUBLE PRECISION,
    "avgOutput" DOUBLE PRECISION,
    "maxOutput" DOUBLE PRECISION,
    "avgCadence" DOUBLE PRECISION,
    "maxCadence" DOUBLE PRECISION,
    "avgResistance" DOUBLE PRECISION,
    "maxResistance" DOUBLE PRECISION,
    "avgSpeed" DOUBLE PRECISION,
    "maxSpeed" DOUBLE PRECISION,
    "speedUnit" TEXT,
    "avgHeartRate" DOUBLE PRECISION,
    "maxHeartRate" DOUBLE PRECISION,
    "normalizedPower" DOUBLE PRECISION,
    "intensityFactor" DOUBLE PRECISION,
    "tss" DOUBLE PRECISION,
    "ftpUsed" INTEGER,
    "segments" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "WorkoutDetails_pkey" PRIMARY KEY ("workoutId")
);

-- CreateTable
CREATE TABLE "WorkoutSeries" (
    "workoutId" TEXT NOT NULL,
    "intervalSeconds" INTEGER NOT NULL,
    "samples" INTEGER NOT NULL,
    "channels" TEXT[],
    "data" BYTEA NOT NULL,

    CONSTRAINT "WorkoutSeries_pkey" PRIMARY KEY ("workoutId")
);

-- CreateTable
CREATE TABLE "SyncJob" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "SyncKind" NOT NULL,
    "phase" "SyncPhase" NOT NULL DEFAULT 'listing',
    "listPage" INTEGER NOT NULL DEFAULT 0,
    "listComplete" BOOLEAN NOT NULL DEFAULT false,
    "remoteTotal" INTEGER,
    "listed" INTEGER NOT NULL DEFAULT 0,
    "detailsTotal" INTEGER NOT NULL DEFAULT 0,
    "detailsDone" INTEGER NOT NULL DEFAULT 0,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "steps" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "pauseReason" TEXT,
    "resumeAfter" TIMESTAMP(3),
    "leaseHolder" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RideDetail_instructorId_idx" ON "RideDetail"("instructorId");

-- CreateIndex
CREATE INDEX "Workout_userId_startTime_idx" ON "Workout"("userId", "startTime" DESC);

-- CreateIndex
CREATE INDEX "Workout_userId_syncState_startTime_idx" ON "Workout"("userId", "syncState", "startTime" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Workout_userId_pelotonWorkoutId_key" ON "Workout"("userId", "pelotonWorkoutId");

-- CreateIndex
CREATE INDEX "SyncJob_userId_startedAt_idx" ON "SyncJob"("userId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "SyncJob_phase_idx" ON "SyncJob"("phase");

-- AddForeignKey
ALTER TABLE "RideDetail" ADD CONSTRAINT "RideDetail_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "Instructor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workout" ADD CONSTRAINT "Workout_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workout" ADD CONSTRAINT "Workout_rideId_fkey" FOREIGN KEY ("rideId") REFERENCES "RideDetail"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workout" ADD CONSTRAINT "Workout_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "Instructor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkoutDetails" ADD CONSTRAINT "WorkoutDetails_workoutId_fkey" FOREIGN KEY ("workoutId") REFERENCES "Workout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkoutSeries" ADD CONSTRAINT "WorkoutSeries_workoutId_fkey" FOREIGN KEY ("workoutId") REFERENCES "Workout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncJob" ADD CONSTRAINT "SyncJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "ThresholdKind" AS ENUM ('ftp', 'threshold_hr', 'max_hr', 'resting_hr', 'run_pace', 'row_split');

-- CreateEnum
CREATE TYPE "ThresholdSource" AS ENUM ('manual', 'ftp_test', 'peloton', 'trainingpeaks');

-- CreateEnum
CREATE TYPE "ScoreMethod" AS ENUM ('power', 'pace', 'heart_rate', 'estimate');

-- CreateEnum
CREATE TYPE "AnalyticsJobState" AS ENUM ('idle', 'pending', 'running', 'failed');

-- CreateTable
CREATE TABLE "ThresholdEntry" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "ThresholdKind" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "source" "ThresholdSource" NOT NULL,
    "workoutId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ThresholdEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnalyticsSettings" (
    "userId" TEXT NOT NULL,
    "units" TEXT NOT NULL DEFAULT 'metric',
    "timeZone" TEXT,
    "ftpSource" TEXT NOT NULL DEFAULT 'peloton',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnalyticsSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "WorkoutAnalytics" (
    "workoutId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startTime" TIMESTAMP(3) NOT NULL,
    "day" DATE NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "scoreMethod" "ScoreMethod" NOT NULL,
    "intensity" DOUBLE PRECISION,
    "thresholdKind" TEXT,
    "thresholdValue" DOUBLE PRECISION,
    "thresholdSource" TEXT,
    "perHour" DOUBLE PRECISION,
    "scoredSeconds" INTEGER NOT NULL,
    "inputsKey" TEXT NOT NULL,
    "compliance" DOUBLE PRECISION,
    "powerCurve" BYTEA,
    "speedCurve" BYTEA,
    "curveVersion" INTEGER NOT NULL DEFAULT 0,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkoutAnalytics_pkey" PRIMARY KEY ("workoutId")
);

-- CreateTable
CREATE TABLE "AnalyticsJob" (
    "userId" TEXT NOT NULL,
    "state" "AnalyticsJobState" NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "leaseHolder" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnalyticsJob_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "ThresholdEntry_userId_kind_effectiveFrom_idx" ON "ThresholdEntry"("userId", "kind", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "ThresholdEntry_userId_kind_source_effectiveFrom_key" ON "ThresholdEntry"("userId", "kind", "source", "effectiveFrom");

-- CreateIndex
CREATE INDEX "WorkoutAnalytics_userId_day_idx" ON "WorkoutAnalytics"("userId", "day");

-- CreateIndex
CREATE INDEX "WorkoutAnalytics_userId_startTime_idx" ON "WorkoutAnalytics"("userId", "startTime");

-- CreateIndex
CREATE INDEX "AnalyticsJob_state_idx" ON "AnalyticsJob"("state");

-- AddForeignKey
ALTER TABLE "ThresholdEntry" ADD CONSTRAINT "ThresholdEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalyticsSettings" ADD CONSTRAINT "AnalyticsSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkoutAnalytics" ADD CONSTRAINT "WorkoutAnalytics_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkoutAnalytics" ADD CONSTRAINT "WorkoutAnalytics_workoutId_fkey" FOREIGN KEY ("workoutId") REFERENCES "Workout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalyticsJob" ADD CONSTRAINT "AnalyticsJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "TrainingPeaksUploadState" AS ENUM ('queued', 'uploading', 'processing', 'done', 'failed');

-- AlterEnum
ALTER TYPE "SyncPhase" ADD VALUE 'uploading';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "tpAutoSend" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tpAutoSendSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TrainingPeaksUpload" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workoutId" TEXT NOT NULL,
    "state" "TrainingPeaksUploadState" NOT NULL DEFAULT 'queued',
    "trigger" TEXT NOT NULL,
    "fileTrackingId" TEXT,
    "tpWorkoutId" TEXT,
    "tpWorkoutUrl" TEXT,
    "linkedExisting" BOOLEAN NOT NULL DEFAULT false,
    "fileBytes" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "polls" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3),
    "leaseExpiresAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingPeaksUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrainingPeaksUpload_workoutId_key" ON "TrainingPeaksUpload"("workoutId");

-- CreateIndex
CREATE INDEX "TrainingPeaksUpload_userId_state_createdAt_idx" ON "TrainingPeaksUpload"("userId", "state", "createdAt");

-- AddForeignKey
ALTER TABLE "TrainingPeaksUpload" ADD CONSTRAINT "TrainingPeaksUpload_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingPeaksUpload" ADD CONSTRAINT "TrainingPeaksUpload_workoutId_fkey" FOREIGN KEY ("workoutId") REFERENCES "Workout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

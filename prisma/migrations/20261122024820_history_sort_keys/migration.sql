-- DropIndex
DROP INDEX "Workout_userId_startTime_idx";

-- AlterTable
ALTER TABLE "Workout" ADD COLUMN     "rankOutput" DOUBLE PRECISION NOT NULL DEFAULT -1,
ADD COLUMN     "rankTss" DOUBLE PRECISION NOT NULL DEFAULT -1;

-- CreateIndex
CREATE INDEX "Workout_userId_startTime_id_idx" ON "Workout"("userId", "startTime" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Workout_userId_rankOutput_id_idx" ON "Workout"("userId", "rankOutput" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Workout_userId_rankTss_id_idx" ON "Workout"("userId", "rankTss" DESC, "id" DESC);

-- Backfill the sort keys of already-synced workouts.
UPDATE "Workout" w SET "rankOutput" = COALESCE(d."totalOutputKj", -1), "rankTss" = COALESCE(d."tss", -1)
FROM "WorkoutDetails" d WHERE d."workoutId" = w."id";

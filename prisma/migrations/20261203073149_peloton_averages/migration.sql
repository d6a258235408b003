-- AlterTable
ALTER TABLE "WorkoutDetails" ADD COLUMN     "pelotonAverages" JSONB;

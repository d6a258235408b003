-- AlterTable
ALTER TABLE "WorkoutDetails" ADD COLUMN     "targets" JSONB;

-- AlterTable
ALTER TABLE "SyncJob" ADD COLUMN     "listPasses" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "PelotonConnection" ADD COLUMN     "paceLevel" INTEGER;

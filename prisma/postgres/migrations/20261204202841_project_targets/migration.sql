-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "gpuHourPriceUsd" DOUBLE PRECISION NOT NULL DEFAULT 1.575,
ADD COLUMN     "paperIds" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'reference';

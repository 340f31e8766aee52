-- AlterTable
ALTER TABLE "zone" ADD COLUMN     "boundary" JSONB;

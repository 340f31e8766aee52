-- AlterTable
ALTER TABLE "case" ADD COLUMN     "needs_triage" BOOLEAN NOT NULL DEFAULT false;

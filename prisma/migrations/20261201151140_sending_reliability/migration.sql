-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'unknown';

-- AlterTable
ALTER TABLE "message" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "last_error" TEXT;

-- AlterTable
ALTER TABLE "outbox" ADD COLUMN     "attempt_started_at" TIMESTAMPTZ(3),
ADD COLUMN     "holder" TEXT,
ADD COLUMN     "rate_limits" INTEGER NOT NULL DEFAULT 0;

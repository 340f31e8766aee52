-- AlterTable
ALTER TABLE "zone" ADD COLUMN     "email_addresses" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "outbox_provider_id_idx" ON "outbox"("provider_id");

-- AlterTable
ALTER TABLE "zone" ADD COLUMN     "phone_numbers" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "sms_opt_out" (
    "address" TEXT NOT NULL,
    "opted_out_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sms_opt_out_pkey" PRIMARY KEY ("address")
);

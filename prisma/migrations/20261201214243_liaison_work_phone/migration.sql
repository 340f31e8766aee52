-- AlterTable
ALTER TABLE "liaison" ADD COLUMN     "work_phone" TEXT;

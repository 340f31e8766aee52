-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'cancelled';

-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('consultation', 'help', 'complaint', 'report', 'suggestion', 'praise');

-- AlterTable
ALTER TABLE "zone" ADD COLUMN     "supervisory" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "case" ADD COLUMN     "confidential" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "kind" "RequestKind" NOT NULL DEFAULT 'help';

-- AlterTable
ALTER TABLE "training_example" ADD COLUMN     "kind" "RequestKind";

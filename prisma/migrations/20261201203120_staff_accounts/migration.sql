-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'dispatcher';
ALTER TYPE "Role" ADD VALUE 'liaison';

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "liaison_id" INTEGER,
ADD COLUMN     "login" TEXT,
ADD COLUMN     "password_hash" TEXT,
ALTER COLUMN "api_key_hash" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "app_user_login_key" ON "app_user"("login");

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_liaison_id_fkey" FOREIGN KEY ("liaison_id") REFERENCES "liaison"("id") ON DELETE SET NULL ON UPDATE CASCADE;

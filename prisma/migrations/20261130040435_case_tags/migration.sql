-- AlterTable
ALTER TABLE "case" ADD COLUMN     "joint_meeting" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "case_tags_idx" ON "case" USING GIN ("tags");

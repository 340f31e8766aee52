-- AlterTable
ALTER TABLE "routing_rule" ADD COLUMN     "deleted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "routing_rule_version" (
    "id" SERIAL NOT NULL,
    "rule_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "routing_rule_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "routing_rule_version_rule_id_version_key" ON "routing_rule_version"("rule_id", "version");

-- AddForeignKey
ALTER TABLE "routing_rule_version" ADD CONSTRAINT "routing_rule_version_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "routing_rule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

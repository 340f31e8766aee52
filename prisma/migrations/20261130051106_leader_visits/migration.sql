-- CreateTable
CREATE TABLE "leader_visit" (
    "id" SERIAL NOT NULL,
    "zone_id" INTEGER NOT NULL,
    "leader" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "visited_at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leader_visit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "leader_visit_visited_at_idx" ON "leader_visit"("visited_at");

-- AddForeignKey
ALTER TABLE "leader_visit" ADD CONSTRAINT "leader_visit_zone_id_fkey" FOREIGN KEY ("zone_id") REFERENCES "zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "contact_card" (
    "id" SERIAL NOT NULL,
    "zone_id" INTEGER NOT NULL,
    "liaison_id" INTEGER,
    "nonce" BYTEA NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "rotated_from" INTEGER,
    "scans" INTEGER NOT NULL DEFAULT 0,
    "submissions" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_card_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "contact_card_rotated_from_key" ON "contact_card"("rotated_from");

-- CreateIndex
CREATE INDEX "contact_card_zone_id_idx" ON "contact_card"("zone_id");

-- AddForeignKey
ALTER TABLE "contact_card" ADD CONSTRAINT "contact_card_zone_id_fkey" FOREIGN KEY ("zone_id") REFERENCES "zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_card" ADD CONSTRAINT "contact_card_liaison_id_fkey" FOREIGN KEY ("liaison_id") REFERENCES "liaison"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_card" ADD CONSTRAINT "contact_card_rotated_from_fkey" FOREIGN KEY ("rotated_from") REFERENCES "contact_card"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One live zone-wide card per zone, and one live card per liaison in a zone (rotation revokes before it issues).
CREATE UNIQUE INDEX "contact_card_live_zone_key" ON "contact_card"("zone_id") WHERE "liaison_id" IS NULL AND "revoked_at" IS NULL;
CREATE UNIQUE INDEX "contact_card_live_liaison_key" ON "contact_card"("zone_id", "liaison_id") WHERE "liaison_id" IS NOT NULL AND "revoked_at" IS NULL;

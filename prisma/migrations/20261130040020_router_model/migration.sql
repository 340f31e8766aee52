-- CreateTable
CREATE TABLE "router_model" (
    "id" SERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "examples_digest" TEXT NOT NULL,
    "examples" INTEGER NOT NULL,
    "corrections" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "model" BYTEA NOT NULL,

    CONSTRAINT "router_model_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "router_model_examples_digest_id_idx" ON "router_model"("examples_digest", "id");

-- CreateTable
CREATE TABLE "liaison_chat" (
    "id" SERIAL NOT NULL,
    "liaison_id" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "bound_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "liaison_chat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "liaison_bind_code" (
    "code_hash" TEXT NOT NULL,
    "liaison_id" INTEGER NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "liaison_bind_code_pkey" PRIMARY KEY ("code_hash")
);

-- CreateTable
CREATE TABLE "chat_update" (
    "channel" TEXT NOT NULL,
    "update_id" TEXT NOT NULL,
    "handled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_update_pkey" PRIMARY KEY ("channel","update_id")
);

-- CreateIndex
CREATE INDEX "liaison_chat_liaison_id_idx" ON "liaison_chat"("liaison_id");

-- CreateIndex
CREATE UNIQUE INDEX "liaison_chat_channel_address_key" ON "liaison_chat"("channel", "address");

-- AddForeignKey
ALTER TABLE "liaison_chat" ADD CONSTRAINT "liaison_chat_liaison_id_fkey" FOREIGN KEY ("liaison_id") REFERENCES "liaison"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "liaison_bind_code" ADD CONSTRAINT "liaison_bind_code_liaison_id_fkey" FOREIGN KEY ("liaison_id") REFERENCES "liaison"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

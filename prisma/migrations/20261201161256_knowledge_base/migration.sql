-- CreateTable
CREATE TABLE "knowledge_entry" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "questions" TEXT[],
    "answer_zh" TEXT NOT NULL,
    "answer_en" TEXT NOT NULL,
    "category_code" TEXT,
    "zone_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "author" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "valid_until" DATE,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "knowledge_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "knowledge_entry_slug_key" ON "knowledge_entry"("slug");

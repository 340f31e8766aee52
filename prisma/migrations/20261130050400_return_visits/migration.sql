-- CreateTable
CREATE TABLE "survey" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT,
    "asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminders" INTEGER NOT NULL DEFAULT 0,
    "answer" TEXT,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "survey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "survey_case_id_key" ON "survey"("case_id");

-- CreateIndex
CREATE INDEX "survey_answer_idx" ON "survey"("answer");

-- AddForeignKey
ALTER TABLE "survey" ADD CONSTRAINT "survey_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

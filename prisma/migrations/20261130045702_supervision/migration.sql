-- AlterTable
ALTER TABLE "case" ADD COLUMN     "escalations" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "overdue_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "calendar_day" (
    "date" DATE NOT NULL,
    "workday" BOOLEAN NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "case_timer" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "fired_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_timer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_timer_case_id_idx" ON "case_timer"("case_id");

-- AddForeignKey
ALTER TABLE "case_timer" ADD CONSTRAINT "case_timer_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Timers still to fire, by when (the sweeper's and the rebuild's scan).
CREATE INDEX "case_timer_pending_idx" ON "case_timer"("due_at") WHERE "fired_at" IS NULL AND "cancelled_at" IS NULL;

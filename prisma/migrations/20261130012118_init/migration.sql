-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ZoneLevel" AS ENUM ('district', 'street', 'community', 'group');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('registered', 'accepted', 'in_progress', 'answered', 'closed', 'reopened');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('in', 'out');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sending', 'sent', 'delivered', 'failed', 'sandboxed');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'supervisor');

-- CreateTable
CREATE TABLE "zone" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "ZoneLevel" NOT NULL,
    "parent_id" INTEGER,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "liaison_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "zone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "liaison" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "liaison_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "api_key_hash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact" (
    "id" SERIAL NOT NULL,
    "name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_identity" (
    "id" SERIAL NOT NULL,
    "contact_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "category" (
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "deadline_hours" INTEGER NOT NULL,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "category_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "case" (
    "id" SERIAL NOT NULL,
    "case_no" TEXT NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'registered',
    "category_code" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "zone_id" INTEGER NOT NULL,
    "liaison_id" INTEGER,
    "contact_id" INTEGER,
    "deadline_at" TIMESTAMPTZ(3) NOT NULL,
    "origin_channel" TEXT NOT NULL,
    "reply_channel" TEXT NOT NULL,
    "reply_address" TEXT,
    "routing" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_event" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL DEFAULT 'system',
    "note" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message" (
    "id" SERIAL NOT NULL,
    "direction" "Direction" NOT NULL,
    "channel" TEXT NOT NULL,
    "provider_message_id" TEXT,
    "case_id" INTEGER,
    "contact_id" INTEGER,
    "body" TEXT NOT NULL,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "meta" JSONB NOT NULL DEFAULT '{}',
    "reserved_case_no" TEXT,
    "status" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox" (
    "id" SERIAL NOT NULL,
    "message_id" INTEGER NOT NULL,
    "case_id" INTEGER,
    "kind" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "to_address" TEXT,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "provider_id" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routing_rule" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 100,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "conditions" JSONB NOT NULL DEFAULT '{}',
    "action" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "routing_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "zone_code_key" ON "zone"("code");

-- CreateIndex
CREATE INDEX "zone_parent_id_idx" ON "zone"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_api_key_hash_key" ON "app_user"("api_key_hash");

-- CreateIndex
CREATE INDEX "channel_identity_contact_id_idx" ON "channel_identity"("contact_id");

-- CreateIndex
CREATE UNIQUE INDEX "channel_identity_kind_address_key" ON "channel_identity"("kind", "address");

-- CreateIndex
CREATE UNIQUE INDEX "case_case_no_key" ON "case"("case_no");

-- CreateIndex
CREATE INDEX "case_status_zone_id_idx" ON "case"("status", "zone_id");

-- CreateIndex
CREATE INDEX "case_contact_id_status_idx" ON "case"("contact_id", "status");

-- CreateIndex
CREATE INDEX "case_created_at_idx" ON "case"("created_at");

-- CreateIndex
CREATE INDEX "case_event_case_id_at_idx" ON "case_event"("case_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "message_reserved_case_no_key" ON "message"("reserved_case_no");

-- CreateIndex
CREATE INDEX "message_case_id_idx" ON "message"("case_id");

-- CreateIndex
CREATE INDEX "message_status_created_at_idx" ON "message"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "message_channel_provider_message_id_key" ON "message"("channel", "provider_message_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_id_key" ON "outbox"("message_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_dedupe_key_key" ON "outbox"("dedupe_key");

-- CreateIndex
CREATE INDEX "outbox_status_next_attempt_at_idx" ON "outbox"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_case_id_idx" ON "outbox"("case_id");

-- CreateIndex
CREATE INDEX "audit_event_subject_type_subject_id_idx" ON "audit_event"("subject_type", "subject_id");

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- AddForeignKey
ALTER TABLE "zone" ADD CONSTRAINT "zone_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "zone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "zone" ADD CONSTRAINT "zone_liaison_id_fkey" FOREIGN KEY ("liaison_id") REFERENCES "liaison"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_identity" ADD CONSTRAINT "channel_identity_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_category_code_fkey" FOREIGN KEY ("category_code") REFERENCES "category"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_zone_id_fkey" FOREIGN KEY ("zone_id") REFERENCES "zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_liaison_id_fkey" FOREIGN KEY ("liaison_id") REFERENCES "liaison"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message" ADD CONSTRAINT "message_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message" ADD CONSTRAINT "message_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written below this line ----------------------------------------------

-- Case numbers are YYMMDD (office time zone, passed in as the prefix) + this sequence,
-- zero-padded to at least 4 digits and never truncated: 2611300042, 26113012345.
CREATE SEQUENCE "case_no_seq" START 1;
CREATE FUNCTION next_case_no(prefix text) RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT prefix || lpad(n::text, greatest(4, length(n::text)), '0') FROM nextval('case_no_seq') AS n
$$;

-- Intake and the outbox relay look for work through these.
CREATE INDEX "message_received_idx" ON "message" ("created_at") WHERE "status" = 'received' AND "direction" = 'in';
CREATE INDEX "outbox_due_idx" ON "outbox" ("next_attempt_at") WHERE "status" IN ('pending', 'sending');

-- The district itself: where a message goes when no zone can be found (triage).
INSERT INTO "zone" ("code", "name", "level") VALUES ('district', '区民情服务中心', 'district');

-- The fixed category codes (see the router). Deadlines are 办理时限 in hours.
INSERT INTO "category" ("code", "name_zh", "name_en", "deadline_hours", "sort_order", "keywords") VALUES
('employment', '就业创业', 'Employment', 168, 1, ARRAY['工资','欠薪','拖欠','讨薪','就业','失业','招聘','找工作','创业','劳动合同','加班费','社保补贴','培训','wage','salary','job','unemploy']),
('housing', '住房物业', 'Housing and property', 168, 2, ARRAY['房租','租房','物业','维修','漏水','电梯','城中村','拆迁','改造','公租房','廉租房','房东','业委会','停车位','rent','landlord','property','repair','demolition']),
('education', '教育', 'Education', 168, 3, ARRAY['学校','入学','学位','学费','幼儿园','上学','老师','转学','校车','补课','school','kindergarten','tuition','teacher']),
('medical', '医疗卫生', 'Health and medical care', 120, 4, ARRAY['医院','医保','看病','医生','挂号','药','门诊','医疗','诊所','疫苗','报销','hospital','doctor','medical','clinic','medicine']),
('social_security', '社会保障', 'Social security', 168, 5, ARRAY['养老金','退休','低保','残疾','养老','老人','社保','救助','补助','困难','五保','pension','allowance','disability','elderly']),
('environment', '生态环境', 'Environment', 72, 6, ARRAY['噪音','噪声','垃圾','污染','臭','油烟','环境','卫生','污水','扰民','粉尘','noise','rubbish','garbage','pollution','smell']),
('public_safety', '社会治安', 'Public safety', 24, 7, ARRAY['偷','盗','被盗','诈骗','骗','消防','火灾隐患','治安','打架','安全隐患','可疑','theft','stolen','fraud','scam','security']),
('infrastructure', '市政设施', 'Roads and utilities', 72, 8, ARRAY['路灯','道路','坑','停水','停电','停气','下水道','井盖','排水','积水','自来水','天然气','红绿灯','street light','road','pothole','outage','drain']),
('dispute', '矛盾纠纷', 'Disputes and mediation', 168, 9, ARRAY['纠纷','邻居','吵架','矛盾','调解','家庭','离婚','赡养','遗产','dispute','neighbour','neighbor','mediation']),
('consultation', '政策咨询', 'Policy questions', 72, 10, ARRAY['咨询','政策','怎么办理','如何办理','需要什么材料','手续','流程','请问','申请','证明','how do i','policy','apply']),
('conduct', '干部作风', 'Conduct of officials', 360, 11, ARRAY['态度','不作为','推诿','吃拿卡要','干部','工作人员','腐败','受贿','刁难','官僚','official','bribe','rude']),
('other', '其他', 'Other', 168, 12, ARRAY[]::TEXT[]);

CREATE TABLE "attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"resident_id" bigint,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_cipher" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bundle_tasks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"bundle_id" bigint NOT NULL,
	"service" text NOT NULL,
	"department" text NOT NULL,
	"region_code" text NOT NULL,
	"resident_id" bigint,
	"status" text NOT NULL,
	"deadline" date,
	"pending_since" timestamp with time zone,
	"result" jsonb,
	"return_reason" text,
	"return_fields" text[],
	"late" boolean DEFAULT false NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" bigint,
	"completed_by_name" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"festival_zh" text NOT NULL,
	"festival_en" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "childbirth_registrations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"registration_no" text NOT NULL,
	"region_code" text NOT NULL,
	"resident_id" bigint,
	"channel" text NOT NULL,
	"married" boolean NOT NULL,
	"child_status" text NOT NULL,
	"expected_birth_date" date,
	"child_birth_date" date,
	"child_name" text,
	"child_sex" text,
	"mother_name" text NOT NULL,
	"mother_id_cipher" "bytea" NOT NULL,
	"mother_id_blind_index" "bytea" NOT NULL,
	"mother_id_masked" text NOT NULL,
	"mother_person_id" bigint,
	"father_name" text,
	"father_id_cipher" "bytea",
	"father_id_blind_index" "bytea",
	"father_id_masked" text,
	"father_person_id" bigint,
	"phones_cipher" "bytea",
	"parity" smallint NOT NULL,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"commitment_text" text NOT NULL,
	"status" text NOT NULL,
	"info_request" text,
	"worker_note" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline" date NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" bigint,
	"completed_by_name" text,
	"receipt_digest" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "childbirth_registrations_registration_no_unique" UNIQUE("registration_no")
);
--> statement-breakpoint
CREATE TABLE "newborn_bundles" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"bundle_no" text NOT NULL,
	"region_code" text NOT NULL,
	"resident_id" bigint,
	"registration_id" bigint,
	"newborn_name" text NOT NULL,
	"newborn_sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"birth_time" text NOT NULL,
	"birth_place" text NOT NULL,
	"hospital_name" text NOT NULL,
	"mother_name" text NOT NULL,
	"mother_id_cipher" "bytea" NOT NULL,
	"mother_id_masked" text NOT NULL,
	"mother_person_id" bigint,
	"father_name" text,
	"father_id_cipher" "bytea",
	"father_id_masked" text,
	"father_person_id" bigint,
	"services" text[] NOT NULL,
	"existing_birth_certificate_no" text,
	"status" text NOT NULL,
	"newborn_person_id" bigint,
	"newborn_id_masked" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"receipt_digest" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newborn_bundles_bundle_no_unique" UNIQUE("bundle_no")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resident_id" bigint,
	"department" text,
	"role" text,
	"region_code" text NOT NULL,
	"channel" text NOT NULL,
	"topic" text NOT NULL,
	"subject_kind" text,
	"subject_id" bigint,
	"body_zh" text NOT NULL,
	"body_en" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pending_entitlements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scheme_code" text NOT NULL,
	"person_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"first_period_key" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"trace" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"person_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "resident_codes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"phone_blind_index" "bytea" NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"consumed_at" timestamp with time zone,
	"client_ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"resident_id" bigint NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_ip" text
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"phone_blind_index" "bytea" NOT NULL,
	"phone_cipher" "bytea" NOT NULL,
	"person_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "residents_phone_blind_index_unique" UNIQUE("phone_blind_index")
);
--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_kind","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bundle_tasks_service_uq" ON "bundle_tasks" USING btree ("bundle_id","service");--> statement-breakpoint
CREATE INDEX "bundle_tasks_queue_idx" ON "bundle_tasks" USING btree ("department","region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "childbirth_registrations_region_idx" ON "childbirth_registrations" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "childbirth_registrations_resident_idx" ON "childbirth_registrations" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "childbirth_registrations_mother_idx" ON "childbirth_registrations" USING btree ("mother_id_blind_index");--> statement-breakpoint
CREATE INDEX "newborn_bundles_region_idx" ON "newborn_bundles" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "newborn_bundles_resident_idx" ON "newborn_bundles" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "notifications_resident_idx" ON "notifications" USING btree ("resident_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_pending_idx" ON "notifications" USING btree ("channel","status");--> statement-breakpoint
CREATE UNIQUE INDEX "pending_entitlements_uq" ON "pending_entitlements" USING btree ("scheme_code","person_id");--> statement-breakpoint
CREATE INDEX "registry_events_unhandled_idx" ON "registry_events" USING btree ("kind") WHERE handled_at IS NULL;--> statement-breakpoint
CREATE INDEX "resident_codes_phone_idx" ON "resident_codes" USING btree ("phone_blind_index","created_at");--> statement-breakpoint
CREATE INDEX "resident_sessions_resident_idx" ON "resident_sessions" USING btree ("resident_id");
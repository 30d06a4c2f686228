CREATE TABLE "application_decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" bigint NOT NULL,
	"level" text NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"decided_by" bigint,
	"region_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scheme_code" text NOT NULL,
	"beneficiary_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"applicant_name" text,
	"channel" text NOT NULL,
	"submitted_by" bigint,
	"status" text NOT NULL,
	"level" text NOT NULL,
	"notice_until" date,
	"rejection_reason" text,
	"appealed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_returns" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"row_count" integer NOT NULL,
	"paid" integer NOT NULL,
	"failed" integer NOT NULL,
	"returned" integer NOT NULL,
	"imported_by" bigint,
	"jurisdiction_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_exports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" bigint NOT NULL,
	"format" text NOT NULL,
	"sha256" text NOT NULL,
	"row_count" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"exported_by" bigint,
	"jurisdiction_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "attempts" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "bank_reference" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "application_decisions_app_idx" ON "application_decisions" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_open_uq" ON "applications" USING btree ("scheme_code","beneficiary_id") WHERE status <> 'rejected';--> statement-breakpoint
CREATE INDEX "applications_region_idx" ON "applications" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "applications_status_idx" ON "applications" USING btree ("scheme_code","status");
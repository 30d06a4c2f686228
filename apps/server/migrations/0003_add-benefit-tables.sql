CREATE TABLE "payment_batches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scheme_code" text NOT NULL,
	"period_key" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"status" text NOT NULL,
	"chunks_done" integer DEFAULT 0 NOT NULL,
	"chunks_total" integer DEFAULT 0 NOT NULL,
	"resume_after_id" bigint,
	"payment_count" integer DEFAULT 0 NOT NULL,
	"total_fen" bigint DEFAULT 0 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scheme_code" text NOT NULL,
	"period_key" text NOT NULL,
	"beneficiary_id" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"batch_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheme_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scheme_code" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"values" jsonb NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_by" bigint,
	"reviewed_by" bigint,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_batches_uq" ON "payment_batches" USING btree ("scheme_code","period_key","jurisdiction_code");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_once_uq" ON "payments" USING btree ("scheme_code","beneficiary_id","period_key");--> statement-breakpoint
CREATE INDEX "payments_batch_idx" ON "payments" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "payments_region_idx" ON "payments" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "scheme_versions_uq" ON "scheme_versions" USING btree ("scheme_code","jurisdiction_code","version");--> statement-breakpoint
CREATE INDEX "scheme_versions_jurisdiction_idx" ON "scheme_versions" USING btree ("jurisdiction_code" text_pattern_ops);
CREATE TABLE "payment_objections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" bigint NOT NULL,
	"payment_id" bigint NOT NULL,
	"reason" text NOT NULL,
	"upheld" boolean NOT NULL,
	"recorded_by" bigint,
	"jurisdiction_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "payments_once_uq";--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "stage" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "notice_from" date;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "notice_until" date;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "noticed_by" bigint;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "noticed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "approved_by" bigint;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "cancelled_by" bigint;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
CREATE INDEX "payment_objections_batch_idx" ON "payment_objections" USING btree ("batch_id","payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_once_uq" ON "payments" USING btree ("scheme_code","beneficiary_id","period_key") WHERE status <> 'cancelled';
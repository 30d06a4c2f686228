DROP INDEX "payment_batches_uq";--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_batches_round_uq" ON "payment_batches" USING btree ("scheme_code","period_key","jurisdiction_code","round");
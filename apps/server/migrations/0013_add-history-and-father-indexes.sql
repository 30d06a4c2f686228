-- The two newborn_bundles columns of the custom migration 0012 enter db/schema.ts here (so the
-- snapshot knows them); IF NOT EXISTS because 0012 already added them.
ALTER TABLE "newborn_bundles" ADD COLUMN IF NOT EXISTS "phones_cipher" "bytea";--> statement-breakpoint
ALTER TABLE "newborn_bundles" ADD COLUMN IF NOT EXISTS "existing_newborn_id_cipher" "bytea";--> statement-breakpoint
-- A registration's or a task's history is read from the audit log by target.
CREATE INDEX "audit_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
-- Earlier registrations of a parent are looked up by either parent's blind index.
CREATE INDEX "childbirth_registrations_father_idx" ON "childbirth_registrations" USING btree ("father_id_blind_index");

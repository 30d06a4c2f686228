CREATE TABLE "institution_payment_traces" (
	"payment_id" bigint PRIMARY KEY NOT NULL,
	"institution_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"filing_version" integer,
	"slots" integer NOT NULL,
	"affordable_slots" integer NOT NULL,
	"judged_on" date NOT NULL,
	"trace" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "beneficiary_kind" text DEFAULT 'person' NOT NULL;--> statement-breakpoint
-- A payment names a person or a childcare institution (issue 14): every reader of persons' payments
-- keeps to 'person'; the institution cycle writes 'institution'.
ALTER TABLE payments ADD CONSTRAINT payments_beneficiary_kind_ck CHECK (beneficiary_kind IN ('person', 'institution'));
--> statement-breakpoint
ALTER TABLE institution_payment_traces ADD CONSTRAINT institution_payment_traces_slots_ck
  CHECK (slots >= 0 AND affordable_slots >= 0 AND affordable_slots <= slots);
--> statement-breakpoint
ALTER TABLE institution_payment_traces ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY institution_payment_traces_scope ON institution_payment_traces
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
-- Kept as paid: the application inserts and reads, never changes or deletes.
GRANT SELECT, INSERT ON institution_payment_traces TO cradle_app;
--> statement-breakpoint
-- Persons' payments name persons; an institution's payment names the institution (its credit
-- code stands where a person's ID number stands: export.ts reads it from childcare_institutions).
CREATE OR REPLACE FUNCTION cradle_payment_recipients(p_batch bigint)
RETURNS TABLE (payment_id bigint, name text, id_cipher bytea)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, pe.name, pe.id_cipher
  FROM payments p JOIN persons pe ON pe.id = p.beneficiary_id
  WHERE p.batch_id = p_batch AND p.beneficiary_kind = 'person'
    AND EXISTS (SELECT 1 FROM payment_batches b WHERE b.id = p_batch AND cradle_in_jurisdiction(b.jurisdiction_code))
$$;
--> statement-breakpoint
-- The roster shows an institution by its name and credit code (public, not personal data).
CREATE OR REPLACE FUNCTION cradle_payment_roster(p_batch bigint)
RETURNS TABLE (payment_id bigint, name text, id_masked text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, pe.name, pe.id_masked
  FROM payments p JOIN persons pe ON pe.id = p.beneficiary_id
  WHERE p.batch_id = p_batch AND p.beneficiary_kind = 'person'
    AND EXISTS (SELECT 1 FROM payment_batches b WHERE b.id = p_batch AND cradle_in_jurisdiction(b.jurisdiction_code))
  UNION ALL
  SELECT p.id, ci.name, ci.uscc
  FROM payments p JOIN childcare_institutions ci ON ci.id = p.beneficiary_id
  WHERE p.batch_id = p_batch AND p.beneficiary_kind = 'institution'
    AND EXISTS (SELECT 1 FROM payment_batches b WHERE b.id = p_batch AND cradle_in_jurisdiction(b.jurisdiction_code))
$$;

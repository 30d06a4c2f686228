-- Payments under four eyes (issue 12): what the database itself refuses, whatever the code does.
-- Batches exported before this migration were paid on one person's word: they stay exported.
UPDATE payment_batches b SET stage = 'exported' WHERE EXISTS (SELECT 1 FROM payment_exports e WHERE e.batch_id = b.id);
--> statement-breakpoint
ALTER TABLE payment_batches ADD CONSTRAINT payment_batches_stage_ck
  CHECK (stage IN ('draft', 'noticed', 'approved', 'exported', 'cancelled'));
--> statement-breakpoint
-- The second pair of eyes: whoever ran the cycle never approves its batch.
ALTER TABLE payment_batches ADD CONSTRAINT payment_batches_four_eyes_ck
  CHECK (approved_by IS NULL OR created_by IS NULL OR approved_by <> created_by);
--> statement-breakpoint
ALTER TABLE payment_batches ADD CONSTRAINT payment_batches_approved_ck CHECK (stage <> 'approved' OR approved_by IS NOT NULL);
--> statement-breakpoint
ALTER TABLE payment_batches ADD CONSTRAINT payment_batches_cancel_reason_ck
  CHECK (stage <> 'cancelled' OR length(btrim(coalesce(cancel_reason, ''))) > 0);
--> statement-breakpoint
ALTER TABLE payment_batches ADD CONSTRAINT payment_batches_notice_ck
  CHECK (stage <> 'noticed' OR (notice_from IS NOT NULL AND notice_until >= notice_from));
--> statement-breakpoint
ALTER TABLE payments DROP CONSTRAINT payments_status_ck;
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_status_ck
  CHECK (status IN ('pending', 'exported', 'paid', 'failed', 'returned', 'removed', 'cancelled'));
--> statement-breakpoint
ALTER TABLE payment_objections ADD CONSTRAINT payment_objections_reason_ck CHECK (length(btrim(reason)) > 0);
--> statement-breakpoint
-- A batch moves only forward: draft → noticed → approved → exported, draft → approved (no
-- notice), and to cancelled before export; none while the cycle is still running.
CREATE OR REPLACE FUNCTION cradle_payment_batch_stage() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.stage = OLD.stage THEN RETURN NEW; END IF;
  IF NOT ((OLD.stage = 'draft' AND NEW.stage IN ('noticed', 'approved', 'cancelled'))
       OR (OLD.stage = 'noticed' AND NEW.stage IN ('approved', 'cancelled'))
       OR (OLD.stage = 'approved' AND NEW.stage IN ('exported', 'cancelled'))) THEN
    RAISE EXCEPTION 'payment batch % cannot move from % to %', OLD.id, OLD.stage, NEW.stage
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.status <> 'complete' THEN
    RAISE EXCEPTION 'payment batch % is still running', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER payment_batches_stage BEFORE UPDATE OF stage ON payment_batches
  FOR EACH ROW EXECUTE FUNCTION cradle_payment_batch_stage();
--> statement-breakpoint
-- No payment file and no payment leaves for the bank from a batch nobody approved. As the
-- owner, so the check sees the batch whatever the caller's jurisdiction shows.
CREATE OR REPLACE FUNCTION cradle_assert_batch_approved(p_batch bigint) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM payment_batches WHERE id = p_batch AND stage IN ('approved', 'exported')) THEN
    RAISE EXCEPTION 'payment batch % is not approved: nothing in it may be exported', p_batch
      USING ERRCODE = 'insufficient_privilege';
  END IF;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_assert_batch_approved(bigint) FROM PUBLIC;
--> statement-breakpoint
-- The triggers run as the owner too: cradle_app may not call the check itself.
CREATE OR REPLACE FUNCTION cradle_payment_export_approved() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM cradle_assert_batch_approved(NEW.batch_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_payment_export_approved() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER payment_exports_approved BEFORE INSERT ON payment_exports
  FOR EACH ROW EXECUTE FUNCTION cradle_payment_export_approved();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cradle_payment_sent_approved() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NEW.status IN ('exported', 'paid') AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status) THEN
    PERFORM cradle_assert_batch_approved(NEW.batch_id);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_payment_sent_approved() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER payments_sent_approved BEFORE INSERT OR UPDATE OF status ON payments
  FOR EACH ROW EXECUTE FUNCTION cradle_payment_sent_approved();
--> statement-breakpoint
ALTER TABLE payment_objections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY payment_objections_scope ON payment_objections USING (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
GRANT SELECT, INSERT ON payment_objections TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE payment_objections_id_seq TO cradle_app;
--> statement-breakpoint
-- A batch's roster: each payment's beneficiary by name and masked ID number, even one who has
-- since moved away (as cradle_payment_recipients, migration 0008, without the cipher).
CREATE OR REPLACE FUNCTION cradle_payment_roster(p_batch bigint)
RETURNS TABLE (payment_id bigint, name text, id_masked text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, pe.name, pe.id_masked
  FROM payments p JOIN persons pe ON pe.id = p.beneficiary_id
  WHERE p.batch_id = p_batch
    AND EXISTS (SELECT 1 FROM payment_batches b WHERE b.id = p_batch AND cradle_in_jurisdiction(b.jurisdiction_code))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_payment_roster(bigint) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cradle_payment_roster(bigint) TO cradle_app;

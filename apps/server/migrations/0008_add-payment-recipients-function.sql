-- The name and encrypted ID number of every beneficiary of a batch the caller's jurisdiction
-- can see, even one who has since moved away (hukou and residence elsewhere, so row-level
-- security no longer shows them): a payment made here is exported from here. As the owner,
-- limited to the batch's own payments and to a batch visible in cradle.jurisdiction.
CREATE OR REPLACE FUNCTION cradle_payment_recipients(p_batch bigint)
RETURNS TABLE (payment_id bigint, name text, id_cipher bytea)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, pe.name, pe.id_cipher
  FROM payments p JOIN persons pe ON pe.id = p.beneficiary_id
  WHERE p.batch_id = p_batch
    AND EXISTS (SELECT 1 FROM payment_batches b WHERE b.id = p_batch AND cradle_in_jurisdiction(b.jurisdiction_code))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_payment_recipients(bigint) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cradle_payment_recipients(bigint) TO cradle_app;

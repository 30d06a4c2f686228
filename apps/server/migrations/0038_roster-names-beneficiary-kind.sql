-- A batch's roster names whom each payment pays (issue 14, found in review): a person (person_id,
-- name, masked ID number) or a childcare institution (institution_id, name, 统一社会信用代码), with
-- the kind said, so no reader takes an institution's id for a person's. The columns change, which
-- CREATE OR REPLACE cannot do: the function is dropped and made again, its grants with it (as 0024).
DROP FUNCTION IF EXISTS cradle_payment_roster(bigint);
--> statement-breakpoint
CREATE FUNCTION cradle_payment_roster(p_batch bigint)
RETURNS TABLE (
  payment_id bigint,
  beneficiary_kind text,
  person_id bigint,
  institution_id bigint,
  name text,
  id_masked text,
  uscc text
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.beneficiary_kind,
         CASE WHEN p.beneficiary_kind = 'person' THEN p.beneficiary_id END,
         CASE WHEN p.beneficiary_kind = 'institution' THEN p.beneficiary_id END,
         coalesce(pe.name, ci.name), pe.id_masked, ci.uscc
  FROM payments p
  LEFT JOIN persons pe ON p.beneficiary_kind = 'person' AND pe.id = p.beneficiary_id
  LEFT JOIN childcare_institutions ci ON p.beneficiary_kind = 'institution' AND ci.id = p.beneficiary_id
  WHERE p.batch_id = p_batch
    AND EXISTS (SELECT 1 FROM payment_batches b WHERE b.id = p_batch AND cradle_in_jurisdiction(b.jurisdiction_code))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_payment_roster(bigint) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cradle_payment_roster(bigint) TO cradle_app;

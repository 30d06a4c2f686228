-- Two places in the family services switched to the owner role inside a scoped transaction (the
-- review's fixes, issue 4). These functions do the same, narrowly, so request code never leaves
-- cradle_app (ADR 002, ADR 006).

-- Earlier registrations of these parents (ID-number blind indexes), wherever and by whomever
-- submitted: a birth may have been registered by the other parent or where the hukou is.
CREATE OR REPLACE FUNCTION cradle_earlier_registrations(p_blind bytea[])
RETURNS TABLE (registration_no text, child_status text, date text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT registration_no, child_status, coalesce(child_birth_date, expected_birth_date)::text
  FROM childbirth_registrations
  WHERE mother_id_blind_index = ANY (p_blind) OR father_id_blind_index = ANY (p_blind)
  ORDER BY id
$$;
--> statement-breakpoint
-- Moves a newborn bundle's attachments and messages to its corrected hukou region, for a bundle
-- the caller (its resident) can see: the family corrects, the tasks move with it.
CREATE OR REPLACE FUNCTION cradle_move_bundle_files(p_bundle bigint, p_region text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM newborn_bundles b WHERE b.id = p_bundle
                  AND (b.resident_id = cradle_current_resident() OR cradle_in_jurisdiction(b.region_code))) THEN
    RAISE EXCEPTION 'bundle % is not the caller''s', p_bundle USING ERRCODE = '42501';
  END IF;
  UPDATE attachments SET region_code = p_region WHERE owner_kind = 'newbornBundle' AND owner_id = p_bundle;
  UPDATE notifications SET region_code = p_region
   WHERE (subject_kind = 'newbornBundle' AND subject_id = p_bundle)
      OR (subject_kind = 'bundleTask' AND subject_id IN (SELECT id FROM bundle_tasks WHERE bundle_id = p_bundle));
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_earlier_registrations(bytea[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_move_bundle_files(bigint, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cradle_earlier_registrations(bytea[]), cradle_move_bundle_files(bigint, text) TO cradle_app;
--> statement-breakpoint
-- A family's action notifies operator queues of regions the family's scope cannot see; writing a
-- message reveals nothing, so any scoped caller may insert one. Reading and marking read stay
-- limited by the existing policy (notifications_scope, now for SELECT/UPDATE/DELETE only).
DROP POLICY IF EXISTS notifications_scope ON notifications;
--> statement-breakpoint
CREATE POLICY notifications_read ON notifications FOR SELECT
  USING (cradle_in_jurisdiction(region_code) OR resident_id = cradle_current_resident());
--> statement-breakpoint
CREATE POLICY notifications_update ON notifications FOR UPDATE
  USING (cradle_in_jurisdiction(region_code) OR resident_id = cradle_current_resident());
--> statement-breakpoint
CREATE POLICY notifications_insert ON notifications FOR INSERT WITH CHECK (true);

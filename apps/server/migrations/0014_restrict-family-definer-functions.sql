-- From the review of issue 4. A family sees a newborn's pending entitlements only once public
-- security has registered that newborn from the family's own bundle: newborn_person_id alone
-- could be set from an ID number the family typed (existingNewbornIdNumber).
DROP POLICY IF EXISTS pending_entitlements_scope ON pending_entitlements;
--> statement-breakpoint
CREATE POLICY pending_entitlements_scope ON pending_entitlements
  USING (cradle_in_jurisdiction(region_code) OR EXISTS (
    SELECT 1 FROM newborn_bundles b JOIN bundle_tasks t ON t.bundle_id = b.id
     WHERE b.newborn_person_id = pending_entitlements.person_id AND b.resident_id = cradle_current_resident()
       AND t.service = 'hukouRegistration' AND t.status = 'done'));
--> statement-breakpoint
-- Links only a newborn public security registered in this very transaction (source newbornBundle,
-- inserted by the current transaction): not any parentless person of the caller's jurisdiction.
CREATE OR REPLACE FUNCTION cradle_link_newborn_parents(p_child bigint, p_mother bigint, p_father bigint)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_region text;
  v_count integer := 0;
BEGIN
  SELECT hukou_region_code INTO v_region FROM persons
   WHERE id = p_child AND source = 'newbornBundle' AND xmin::text = (pg_current_xact_id()::xid)::text;
  IF v_region IS NULL OR NOT cradle_in_jurisdiction(v_region) THEN
    RAISE EXCEPTION 'person % is not a newborn registered in this transaction in the caller''s jurisdiction', p_child USING ERRCODE = '42501';
  END IF;
  IF EXISTS (SELECT 1 FROM relationships WHERE to_person_id = p_child AND kind IN ('mother', 'father')) THEN
    RAISE EXCEPTION 'newborn % already has parents', p_child USING ERRCODE = '23505';
  END IF;
  IF p_mother IS NOT NULL THEN
    INSERT INTO relationships (kind, from_person_id, to_person_id, region_code) VALUES ('mother', p_mother, p_child, v_region);
    v_count := v_count + 1;
  END IF;
  IF p_father IS NOT NULL THEN
    INSERT INTO relationships (kind, from_person_id, to_person_id, region_code) VALUES ('father', p_father, p_child, v_region);
    v_count := v_count + 1;
  END IF;
  RETURN v_count;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_link_newborn_parents(bigint, bigint, bigint) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cradle_link_newborn_parents(bigint, bigint, bigint) TO cradle_app;

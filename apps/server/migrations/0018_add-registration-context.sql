-- Everything a family's childbirth registration reads before it is written, in one round trip
-- (issue 4's load target: a write was ten round trips, and in this deployment's two-core machine
-- each costs more than the work it carries). What it returns, and what the code did before:
--   family    the current resident's bound person and every spouse the registry links to them
--             (registry/family-repo.ts findFamilyFacts): the only persons a family may pick;
--   declared  registry persons holding the declared parents' ID numbers (cradle_registry_facts);
--   child     children of the parents, picked or declared (cradle_registry_relatives);
--   earlier   registrations on record for either parent (cradle_earlier_registrations);
--   recent    how many registrations the current resident submitted in the last p_hours.
-- Before reading registrations, it takes the parents' locks, sorted (registration/lookups-repo.ts
-- had them: 'parent:' + the blind index in hex, seed 11), each statement after them with a fresh
-- snapshot (PL/pgSQL, READ COMMITTED), so a registration of the same parents committed meanwhile
-- is seen. The resident's own lock came with BEGIN (withResident). The resident is the session's
-- (cradle_current_resident), never a parameter; picked persons outside the family are ignored, so
-- the caller learns nothing of them.
CREATE OR REPLACE FUNCTION cradle_childbirth_registration_context(p_picked bigint[], p_declared bytea[], p_hours integer)
RETURNS TABLE (kind text, person_id bigint, of_person_id bigint, blind bytea, name text, sex text, birth_date date,
               death_date date, hukou_region_code text, residence_region_code text, id_masked text, id_cipher bytea,
               phone_cipher bytea, household_id bigint, registration_no text, child_status text, event_date text, n integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_resident bigint := cradle_current_resident();
  v_bound bigint;
  v_family bigint[] := '{}';
  v_blinds bytea[];
  v_key text;
BEGIN
  IF v_resident IS NULL THEN
    RAISE EXCEPTION 'no resident in this transaction' USING ERRCODE = '42501';
  END IF;
  SELECT r.person_id INTO v_bound FROM residents r WHERE r.id = v_resident;
  IF v_bound IS NOT NULL THEN
    v_family := ARRAY(
      SELECT v_bound
      UNION SELECT s.to_person_id FROM relationships s WHERE s.kind = 'spouse' AND s.from_person_id = v_bound
      UNION SELECT s.from_person_id FROM relationships s WHERE s.kind = 'spouse' AND s.to_person_id = v_bound);
  END IF;
  v_blinds := ARRAY(
    SELECT p.id_blind_index FROM persons p WHERE p.id = ANY (p_picked) AND p.id = ANY (v_family)
    UNION SELECT d FROM unnest(p_declared) AS d);
  -- v_blinds is a UNION: each key once.
  FOR v_key IN SELECT k FROM (SELECT ('parent:' || encode(b, 'hex')) COLLATE "C" AS k FROM unnest(v_blinds) AS b) AS keys ORDER BY k LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended(v_key, 11));
  END LOOP;

  RETURN QUERY
  SELECT CASE WHEN p.id = ANY (v_family) THEN 'family' ELSE 'declared' END, p.id, NULL::bigint, p.id_blind_index, p.name, p.sex,
         p.birth_date, p.death_date, p.hukou_region_code, p.residence_region_code, p.id_masked, p.id_cipher, p.phone_cipher,
         p.household_id, NULL::text, NULL::text, NULL::text, NULL::integer
    FROM persons p WHERE p.id = ANY (v_family) OR p.id_blind_index = ANY (p_declared);
  RETURN QUERY
  SELECT 'child'::text, c.id, r.from_person_id, NULL::bytea, c.name, c.sex, c.birth_date, c.death_date, c.hukou_region_code,
         c.residence_region_code, c.id_masked, c.id_cipher, NULL::bytea, NULL::bigint, NULL::text, NULL::text, NULL::text, NULL::integer
    FROM relationships r JOIN persons c ON c.id = r.to_person_id
   WHERE r.kind IN ('mother', 'father') AND r.from_person_id IN (SELECT p.id FROM persons p WHERE p.id_blind_index = ANY (v_blinds))
   -- The order the two-way check lists conflicts in (cradle_registry_relatives' callers sorted so).
   ORDER BY c.birth_date, c.id, r.from_person_id;
  RETURN QUERY
  SELECT 'earlier'::text, NULL::bigint, NULL::bigint, NULL::bytea, NULL::text, NULL::text, NULL::date, NULL::date, NULL::text,
         NULL::text, NULL::text, NULL::bytea, NULL::bytea, NULL::bigint, g.registration_no, g.child_status,
         coalesce(g.child_birth_date, g.expected_birth_date)::text, NULL::integer
    FROM childbirth_registrations g
   WHERE g.mother_id_blind_index = ANY (v_blinds) OR g.father_id_blind_index = ANY (v_blinds)
   ORDER BY g.id;
  RETURN QUERY
  SELECT 'recent'::text, NULL::bigint, NULL::bigint, NULL::bytea, NULL::text, NULL::text, NULL::date, NULL::date, NULL::text,
         NULL::text, NULL::text, NULL::bytea, NULL::bytea, NULL::bigint, NULL::text, NULL::text, NULL::text, count(*)::integer
    FROM childbirth_registrations g
   WHERE g.resident_id = v_resident AND g.submitted_at > now() - make_interval(hours => p_hours);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_childbirth_registration_context(bigint[], bytea[], integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cradle_childbirth_registration_context(bigint[], bytea[], integer) TO cradle_app;
--> statement-breakpoint
-- Its one caller now reads earlier registrations through cradle_childbirth_registration_context: one
-- definer function fewer past the resident's scope.
DROP FUNCTION IF EXISTS cradle_earlier_registrations(bytea[]);

-- The family services' registry look-ups past the caller's scope (migrations 0011, 0016) were SQL
-- functions. A SECURITY DEFINER SQL function is never inlined, and PostgreSQL parses and plans its
-- body on every call: under the issue-4 load, cradle_registry_relatives cost 0.57 ms a call, of
-- which the query itself was 0.09 ms. PL/pgSQL keeps each query's plan for the session. Same
-- signatures, same rows, same grants (CREATE OR REPLACE keeps them); only the language changes.
-- use_column: the RETURNS TABLE names (name, sex, …) would otherwise shadow the tables' columns.
CREATE OR REPLACE FUNCTION cradle_registry_facts(p_blind bytea[], p_ids bigint[])
RETURNS TABLE (blind bytea, person_id bigint, name text, sex text, birth_date date, death_date date,
               hukou_region_code text, residence_region_code text, id_masked text, id_cipher bytea,
               phone_cipher bytea, household_id bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT p.id_blind_index, p.id, p.name, p.sex, p.birth_date, p.death_date, p.hukou_region_code,
         p.residence_region_code, p.id_masked, p.id_cipher, p.phone_cipher, p.household_id
  FROM persons p WHERE p.id_blind_index = ANY (p_blind) OR p.id = ANY (p_ids);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cradle_registry_relatives(p_person_ids bigint[])
RETURNS TABLE (of_person_id bigint, relation text, person_id bigint, name text, sex text, birth_date date,
               death_date date, id_masked text, id_cipher bytea, hukou_region_code text, residence_region_code text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT x.of_id, x.relation, p.id, p.name, p.sex, p.birth_date, p.death_date, p.id_masked, p.id_cipher,
         p.hukou_region_code, p.residence_region_code
  FROM (
    SELECT r.from_person_id AS of_id, 'child'::text AS relation, r.to_person_id AS other_id FROM relationships r
     WHERE r.kind IN ('mother', 'father') AND r.from_person_id = ANY (p_person_ids)
    UNION
    SELECT r.from_person_id, 'spouse'::text, r.to_person_id FROM relationships r WHERE r.kind = 'spouse' AND r.from_person_id = ANY (p_person_ids)
    UNION
    SELECT r.to_person_id, 'spouse'::text, r.from_person_id FROM relationships r WHERE r.kind = 'spouse' AND r.to_person_id = ANY (p_person_ids)
  ) x JOIN persons p ON p.id = x.other_id;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cradle_earlier_registrations(p_blind bytea[])
RETURNS TABLE (registration_no text, child_status text, date text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT r.registration_no, r.child_status, coalesce(r.child_birth_date, r.expected_birth_date)::text
  FROM childbirth_registrations r
  WHERE r.mother_id_blind_index = ANY (p_blind) OR r.father_id_blind_index = ANY (p_blind)
  ORDER BY r.id;
END $$;

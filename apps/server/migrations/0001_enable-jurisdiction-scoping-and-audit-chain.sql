-- Jurisdiction scoping lives here, in the database, not in routes: the API runs every
-- request's data access as the role cradle_app with cradle.jurisdiction set for the
-- transaction (src/db/scope.ts), and these row-level security policies do the rest.
-- Roles are cluster-wide: two databases migrating at once may race to create it.
DO $$ BEGIN
  CREATE ROLE cradle_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  GRANT cradle_app TO CURRENT_USER;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
-- An unset or empty jurisdiction matches nothing (an empty prefix would match everything).
CREATE OR REPLACE FUNCTION cradle_in_jurisdiction(code text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT code LIKE coalesce(nullif(current_setting('cradle.jurisdiction', true), ''), '-') || '%'
$$;
--> statement-breakpoint
ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A person is visible where they live or where their hukou is registered; only the
-- jurisdiction they live in may create or change the record (so a hukou-only view cannot
-- move someone's residence into itself).
CREATE POLICY persons_read ON persons FOR SELECT
  USING (cradle_in_jurisdiction(residence_region_code) OR cradle_in_jurisdiction(hukou_region_code));
--> statement-breakpoint
CREATE POLICY persons_insert ON persons FOR INSERT WITH CHECK (cradle_in_jurisdiction(residence_region_code));
--> statement-breakpoint
CREATE POLICY persons_update ON persons FOR UPDATE
  USING (cradle_in_jurisdiction(residence_region_code)) WITH CHECK (cradle_in_jurisdiction(residence_region_code));
--> statement-breakpoint
ALTER TABLE households ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY households_scope ON households USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE relationships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A link is visible when either end is (RLS applies inside the subquery too); the other
-- end may still be hidden, and the console shows it as "outside your jurisdiction".
CREATE POLICY relationships_scope ON relationships
  USING (EXISTS (SELECT 1 FROM persons p WHERE p.id = from_person_id) OR EXISTS (SELECT 1 FROM persons p WHERE p.id = to_person_id))
  WITH CHECK (cradle_in_jurisdiction(region_code)
    AND EXISTS (SELECT 1 FROM persons p WHERE p.id = from_person_id)
    AND EXISTS (SELECT 1 FROM persons p WHERE p.id = to_person_id));
--> statement-breakpoint
ALTER TABLE import_jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY import_jobs_scope ON import_jobs USING (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
ALTER TABLE import_errors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY import_errors_scope ON import_errors
  USING (EXISTS (SELECT 1 FROM import_jobs j WHERE j.id = import_errors.job_id));
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_log_read ON audit_log FOR SELECT USING (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
GRANT SELECT ON regions, region_reference_population TO cradle_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON persons, households, relationships, import_jobs TO cradle_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON import_errors TO cradle_app;
--> statement-breakpoint
GRANT SELECT ON audit_log TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO cradle_app;
--> statement-breakpoint
-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, for any role.
CREATE OR REPLACE FUNCTION cradle_audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION cradle_audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION cradle_audit_refuse_change();
--> statement-breakpoint
-- The one definition of an entry's hash, used by append and by verification alike.
CREATE OR REPLACE FUNCTION cradle_audit_entry_hash(
  p_seq bigint, p_at timestamptz, p_user_id bigint, p_username text, p_jurisdiction text,
  p_action text, p_target_type text, p_target_id text, p_outcome text, p_client_ip text,
  p_details jsonb, p_prev_hash text
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    p_seq::text, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(p_user_id::text, ''), coalesce(p_username, ''), coalesce(p_jurisdiction, ''),
    p_action, coalesce(p_target_type, ''), coalesce(p_target_id, ''), p_outcome,
    coalesce(p_client_ip, ''), coalesce(p_details::text, ''), p_prev_hash), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Appends one entry chained to the previous one. The advisory lock serialises appends so
-- that two transactions never chain to the same predecessor.
CREATE OR REPLACE FUNCTION cradle_append_audit(
  p_user_id bigint, p_username text, p_jurisdiction text, p_action text, p_target_type text,
  p_target_id text, p_outcome text, p_client_ip text, p_details jsonb
) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_prev text;
  v_seq bigint;
  v_at timestamptz;
BEGIN
  PERFORM pg_advisory_xact_lock(7262001);
  -- Taken after the lock, so entry times never go backwards as seq goes forwards.
  v_at := date_trunc('milliseconds', clock_timestamp());
  SELECT hash INTO v_prev FROM audit_log ORDER BY seq DESC LIMIT 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_seq := nextval(pg_get_serial_sequence('audit_log', 'seq'));
  INSERT INTO audit_log (seq, at, user_id, username, jurisdiction_code, action, target_type,
    target_id, outcome, client_ip, details, prev_hash, hash)
  VALUES (v_seq, v_at, p_user_id, p_username, p_jurisdiction, p_action, p_target_type,
    p_target_id, p_outcome, p_client_ip, p_details, v_prev,
    cradle_audit_entry_hash(v_seq, v_at, p_user_id, p_username, p_jurisdiction, p_action,
      p_target_type, p_target_id, p_outcome, p_client_ip, p_details, v_prev));
  RETURN v_seq;
END $$;
--> statement-breakpoint
-- New functions are executable by PUBLIC; a SECURITY DEFINER one must not be.
REVOKE ALL ON FUNCTION cradle_append_audit(bigint, text, text, text, text, text, text, text, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cradle_append_audit(bigint, text, text, text, text, text, text, text, jsonb) TO cradle_app;
--> statement-breakpoint
-- Recomputes parity (birth order among the mother's children) from the registry's links,
-- across jurisdictions: a sibling registered elsewhere still counts.
CREATE OR REPLACE FUNCTION cradle_recompute_parity(p_mother_ids bigint[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  UPDATE persons p SET parity = o.parity
  FROM (
    SELECT r.to_person_id AS child_id,
      row_number() OVER (PARTITION BY r.from_person_id ORDER BY c.birth_date, c.id)::smallint AS parity
    FROM relationships r JOIN persons c ON c.id = r.to_person_id
    WHERE r.kind = 'mother' AND r.from_person_id = ANY (p_mother_ids)
  ) o
  WHERE p.id = o.child_id AND p.parity IS DISTINCT FROM o.parity
$$;
--> statement-breakpoint
-- Owner only: it updates persons in every jurisdiction.
REVOKE ALL ON FUNCTION cradle_recompute_parity(bigint[]) FROM PUBLIC;
--> statement-breakpoint
-- Whether ID numbers (by blind index) are already registered outside the caller's
-- jurisdiction, without revealing anything else about those records.
CREATE OR REPLACE FUNCTION cradle_blind_indexes_elsewhere(p_blind bytea[]) RETURNS SETOF bytea
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id_blind_index FROM persons p
  WHERE p.id_blind_index = ANY (p_blind)
    AND NOT (cradle_in_jurisdiction(p.residence_region_code))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_blind_indexes_elsewhere(bytea[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cradle_blind_indexes_elsewhere(bytea[]) TO cradle_app;

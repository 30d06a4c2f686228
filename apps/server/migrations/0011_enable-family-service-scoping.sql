-- Family services (issue 4): staff see rows of their jurisdiction (ADR 002); a resident sees the
-- rows they submitted, through cradle.resident set by portal/scope.ts (withResident), which
-- leaves cradle.jurisdiction unset, so every jurisdiction policy matches nothing for them.
CREATE OR REPLACE FUNCTION cradle_current_resident() RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('cradle.resident', true), '')::bigint
$$;
--> statement-breakpoint
ALTER TABLE childbirth_registrations ADD CONSTRAINT childbirth_registrations_status_ck CHECK (status IN ('submitted', 'infoRequested', 'completed'));
--> statement-breakpoint
ALTER TABLE childbirth_registrations ADD CONSTRAINT childbirth_registrations_child_status_ck CHECK (child_status IN ('pregnant', 'born'));
--> statement-breakpoint
ALTER TABLE childbirth_registrations ADD CONSTRAINT childbirth_registrations_channel_ck CHECK (channel IN ('portal', 'counter'));
--> statement-breakpoint
ALTER TABLE childbirth_registrations ADD CONSTRAINT childbirth_registrations_parity_ck CHECK (parity >= 1);
--> statement-breakpoint
-- Names as the domain checks them (NAME_MAX_LENGTH, packages/domain/src/person-field-checks.ts).
ALTER TABLE childbirth_registrations ADD CONSTRAINT childbirth_registrations_names_ck
  CHECK (length(mother_name) BETWEEN 1 AND 50 AND (father_name IS NULL OR length(father_name) BETWEEN 1 AND 50) AND (child_name IS NULL OR length(child_name) BETWEEN 1 AND 50));
--> statement-breakpoint
ALTER TABLE newborn_bundles ADD CONSTRAINT newborn_bundles_status_ck CHECK (status IN ('inProgress', 'returned', 'completed'));
--> statement-breakpoint
ALTER TABLE newborn_bundles ADD CONSTRAINT newborn_bundles_names_ck
  CHECK (length(newborn_name) BETWEEN 1 AND 50 AND length(mother_name) BETWEEN 1 AND 50 AND (father_name IS NULL OR length(father_name) BETWEEN 1 AND 50));
--> statement-breakpoint
ALTER TABLE bundle_tasks ADD CONSTRAINT bundle_tasks_status_ck CHECK (status IN ('waiting', 'pending', 'returned', 'done'));
--> statement-breakpoint
ALTER TABLE bundle_tasks ADD CONSTRAINT bundle_tasks_return_reason_ck CHECK (status <> 'returned' OR length(trim(return_reason)) > 0);
--> statement-breakpoint
-- The portal's upload limit (portal/attachments.ts MAX_ATTACHMENT_BYTES): a backstop here.
ALTER TABLE attachments ADD CONSTRAINT attachments_size_ck CHECK (size_bytes BETWEEN 1 AND 5242880);
--> statement-breakpoint
ALTER TABLE notifications ADD CONSTRAINT notifications_channel_ck CHECK (channel IN ('inApp', 'sms'));
--> statement-breakpoint
ALTER TABLE notifications ADD CONSTRAINT notifications_status_ck CHECK (status IN ('pending', 'sent', 'failed'));
--> statement-breakpoint
ALTER TABLE calendar_days ADD CONSTRAINT calendar_days_kind_ck CHECK (kind IN ('holiday', 'makeupWorkday'));
--> statement-breakpoint
ALTER TABLE pending_entitlements ADD CONSTRAINT pending_entitlements_amount_ck CHECK (amount_fen > 0);
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS childbirth_registration_no_seq;
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS newborn_bundle_no_seq;
--> statement-breakpoint
ALTER TABLE childbirth_registrations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY childbirth_registrations_scope ON childbirth_registrations
  USING (cradle_in_jurisdiction(region_code) OR resident_id = cradle_current_resident());
--> statement-breakpoint
ALTER TABLE newborn_bundles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY newborn_bundles_scope ON newborn_bundles
  USING (cradle_in_jurisdiction(region_code) OR resident_id = cradle_current_resident());
--> statement-breakpoint
ALTER TABLE bundle_tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY bundle_tasks_scope ON bundle_tasks
  USING (cradle_in_jurisdiction(region_code) OR resident_id = cradle_current_resident());
--> statement-breakpoint
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY attachments_scope ON attachments
  USING (cradle_in_jurisdiction(region_code) OR resident_id = cradle_current_resident());
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notifications_scope ON notifications
  USING (cradle_in_jurisdiction(region_code) OR resident_id = cradle_current_resident());
--> statement-breakpoint
ALTER TABLE registry_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY registry_events_scope ON registry_events USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE pending_entitlements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Staff by region; a family sees the entitlements of a newborn whose bundle it submitted.
CREATE POLICY pending_entitlements_scope ON pending_entitlements
  USING (cradle_in_jurisdiction(region_code) OR EXISTS (
    SELECT 1 FROM newborn_bundles b WHERE b.newborn_person_id = pending_entitlements.person_id AND b.resident_id = cradle_current_resident()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON childbirth_registrations, newborn_bundles, bundle_tasks, notifications, registry_events, pending_entitlements TO cradle_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON attachments TO cradle_app;
--> statement-breakpoint
GRANT SELECT ON calendar_days TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO cradle_app;
--> statement-breakpoint
-- The two-way check and the portal's pre-filled family look past the caller's jurisdiction: a
-- family registers where it lives, its hukou may be anywhere (issue 4, cross-province). These
-- return only what the check needs; the services decide what a caller may see of it.
CREATE OR REPLACE FUNCTION cradle_registry_facts(p_blind bytea[], p_ids bigint[])
RETURNS TABLE (blind bytea, person_id bigint, name text, sex text, birth_date date, death_date date,
               hukou_region_code text, residence_region_code text, id_masked text, id_cipher bytea,
               phone_cipher bytea, household_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id_blind_index, p.id, p.name, p.sex, p.birth_date, p.death_date, p.hukou_region_code,
         p.residence_region_code, p.id_masked, p.id_cipher, p.phone_cipher, p.household_id
  FROM persons p WHERE p.id_blind_index = ANY (p_blind) OR p.id = ANY (p_ids)
$$;
--> statement-breakpoint
-- Children (links mother/father: from = parent) and spouses (from = husband, to = wife) of persons.
CREATE OR REPLACE FUNCTION cradle_registry_relatives(p_person_ids bigint[])
RETURNS TABLE (of_person_id bigint, relation text, person_id bigint, name text, sex text, birth_date date,
               death_date date, id_masked text, id_cipher bytea, hukou_region_code text, residence_region_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT x.of_id, x.relation, p.id, p.name, p.sex, p.birth_date, p.death_date, p.id_masked, p.id_cipher,
         p.hukou_region_code, p.residence_region_code
  FROM (
    SELECT r.from_person_id AS of_id, 'child' AS relation, r.to_person_id AS other_id FROM relationships r
     WHERE r.kind IN ('mother', 'father') AND r.from_person_id = ANY (p_person_ids)
    UNION
    SELECT r.from_person_id, 'spouse', r.to_person_id FROM relationships r WHERE r.kind = 'spouse' AND r.from_person_id = ANY (p_person_ids)
    UNION
    SELECT r.to_person_id, 'spouse', r.from_person_id FROM relationships r WHERE r.kind = 'spouse' AND r.to_person_id = ANY (p_person_ids)
  ) x JOIN persons p ON p.id = x.other_id
$$;
--> statement-breakpoint
-- Links a newborn that public security just registered to its parents, who may live in another
-- jurisdiction (so the relationships policy, which needs both ends visible, would refuse).
-- Only for a child the caller can see, with no parent links yet.
CREATE OR REPLACE FUNCTION cradle_link_newborn_parents(p_child bigint, p_mother bigint, p_father bigint)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_region text;
  v_count integer := 0;
BEGIN
  SELECT hukou_region_code INTO v_region FROM persons WHERE id = p_child;
  IF v_region IS NULL OR NOT cradle_in_jurisdiction(v_region) THEN
    RAISE EXCEPTION 'newborn % is not in the caller''s jurisdiction', p_child USING ERRCODE = '42501';
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
REVOKE ALL ON FUNCTION cradle_registry_facts(bytea[], bigint[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_registry_relatives(bigint[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_link_newborn_parents(bigint, bigint, bigint) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cradle_registry_facts(bytea[], bigint[]), cradle_registry_relatives(bigint[]),
  cradle_link_newborn_parents(bigint, bigint, bigint) TO cradle_app;

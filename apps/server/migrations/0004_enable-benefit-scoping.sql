-- Benefits (issue 3): jurisdiction scoping, immutable published versions, exact amounts.
ALTER TABLE payments ADD CONSTRAINT payments_amount_positive CHECK (amount_fen > 0);
--> statement-breakpoint
ALTER TABLE scheme_versions ADD CONSTRAINT scheme_versions_status_ck CHECK (status IN ('draft', 'inReview', 'published'));
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_status_ck CHECK (status IN ('pending', 'exported', 'paid', 'failed', 'returned'));
--> statement-breakpoint
-- Whether the current jurisdiction lies inside code's subtree (code is it or an ancestor):
-- a county reads the province's and city's versions that apply to it.
CREATE OR REPLACE FUNCTION cradle_jurisdiction_within(code text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('cradle.jurisdiction', true), ''), '-') LIKE code || '%'
$$;
--> statement-breakpoint
ALTER TABLE scheme_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Its own versions, any status; an ancestor's only once published (a province's drafts are its own business).
CREATE POLICY scheme_versions_read ON scheme_versions FOR SELECT
  USING (cradle_in_jurisdiction(jurisdiction_code) OR (cradle_jurisdiction_within(jurisdiction_code) AND status = 'published'));
--> statement-breakpoint
CREATE POLICY scheme_versions_insert ON scheme_versions FOR INSERT WITH CHECK (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
CREATE POLICY scheme_versions_update ON scheme_versions FOR UPDATE
  USING (cradle_in_jurisdiction(jurisdiction_code)) WITH CHECK (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
ALTER TABLE payment_batches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY payment_batches_scope ON payment_batches USING (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY payments_scope ON payments USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON scheme_versions, payment_batches, payments TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO cradle_app;
--> statement-breakpoint
-- A published version is the law as it stood: never changed, never deleted. A change is a new version.
CREATE OR REPLACE FUNCTION cradle_scheme_version_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'scheme version % of % is published and cannot change', OLD.version, OLD.scheme_code
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER scheme_versions_frozen BEFORE UPDATE OR DELETE ON scheme_versions
  FOR EACH ROW EXECUTE FUNCTION cradle_scheme_version_frozen();

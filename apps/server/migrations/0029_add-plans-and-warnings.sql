CREATE TABLE "monitoring_warnings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"indicator" text NOT NULL,
	"region_code" text NOT NULL,
	"period" text NOT NULL,
	"severity" text NOT NULL,
	"figures" jsonb NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" bigint,
	"acknowledged_by_name" text,
	"acknowledged_at" timestamp with time zone,
	"acknowledgement_note" text
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_code" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_by" bigint NOT NULL,
	"created_by_name" text NOT NULL,
	"submitted_by" bigint,
	"published_by" bigint,
	"published_by_name" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_warnings_once_uq" ON "monitoring_warnings" USING btree ("rule","indicator","region_code","period");--> statement-breakpoint
CREATE INDEX "monitoring_warnings_region_idx" ON "monitoring_warnings" USING btree ("region_code" text_pattern_ops,"acknowledged_at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_uq" ON "plan_versions" USING btree ("plan_code","version");--> statement-breakpoint
CREATE INDEX "plan_versions_jurisdiction_idx" ON "plan_versions" USING btree ("jurisdiction_code" text_pattern_ops);--> statement-breakpoint
ALTER TABLE plan_versions ADD CONSTRAINT plan_versions_status_ck CHECK (status IN ('draft', 'inReview', 'published'));
--> statement-breakpoint
ALTER TABLE plan_versions ADD CONSTRAINT plan_versions_county_ck CHECK (jurisdiction_code ~ '^[0-9]{6}$');
--> statement-breakpoint
-- Four eyes, as payment batches (0024): whoever drafted a plan never publishes it, and a
-- published version names its publisher.
ALTER TABLE plan_versions ADD CONSTRAINT plan_versions_four_eyes_ck CHECK (published_by IS NULL OR published_by <> created_by);
--> statement-breakpoint
ALTER TABLE plan_versions ADD CONSTRAINT plan_versions_published_ck
  CHECK ((status = 'published') = (published_by IS NOT NULL AND published_at IS NOT NULL));
--> statement-breakpoint
-- A published version is the plan as it was issued: never changed, never deleted. A revision is a new version.
CREATE OR REPLACE FUNCTION cradle_plan_version_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'plan % version % is published and cannot change', OLD.plan_code, OLD.version
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER plan_versions_frozen BEFORE UPDATE OR DELETE ON plan_versions
  FOR EACH ROW EXECUTE FUNCTION cradle_plan_version_frozen();
--> statement-breakpoint
ALTER TABLE plan_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Its own plans in any state; a plan of a region above only once published (as scheme_versions, 0004).
CREATE POLICY plan_versions_read ON plan_versions FOR SELECT
  USING (cradle_in_jurisdiction(jurisdiction_code) OR (cradle_jurisdiction_within(jurisdiction_code) AND status = 'published'));
--> statement-breakpoint
CREATE POLICY plan_versions_insert ON plan_versions FOR INSERT WITH CHECK (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
CREATE POLICY plan_versions_update ON plan_versions FOR UPDATE
  USING (cradle_in_jurisdiction(jurisdiction_code)) WITH CHECK (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON plan_versions TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE plan_versions_id_seq TO cradle_app;
--> statement-breakpoint
ALTER TABLE monitoring_warnings ADD CONSTRAINT monitoring_warnings_severity_ck CHECK (severity IN ('alert', 'warning'));
--> statement-breakpoint
ALTER TABLE monitoring_warnings ADD CONSTRAINT monitoring_warnings_acknowledged_ck CHECK (
  (acknowledged_at IS NULL) = (acknowledged_by IS NULL)
  AND (acknowledged_at IS NULL OR length(btrim(coalesce(acknowledgement_note, ''))) > 0));
--> statement-breakpoint
-- A warning keeps the figures that raised it; the one change it takes is its acknowledgement, once.
CREATE OR REPLACE FUNCTION cradle_monitoring_warning_kept() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.acknowledged_at IS NOT NULL
     OR (NEW.rule, NEW.indicator, NEW.region_code, NEW.period, NEW.severity, NEW.figures, NEW.raised_at)
        IS DISTINCT FROM (OLD.rule, OLD.indicator, OLD.region_code, OLD.period, OLD.severity, OLD.figures, OLD.raised_at) THEN
    RAISE EXCEPTION 'warning % changes only by its first acknowledgement', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER monitoring_warnings_kept BEFORE UPDATE OR DELETE ON monitoring_warnings
  FOR EACH ROW EXECUTE FUNCTION cradle_monitoring_warning_kept();
--> statement-breakpoint
ALTER TABLE monitoring_warnings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY monitoring_warnings_scope ON monitoring_warnings USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON monitoring_warnings TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE monitoring_warnings_id_seq TO cradle_app;

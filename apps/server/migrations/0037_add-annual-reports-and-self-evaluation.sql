CREATE TABLE "annual_report_settings" (
	"jurisdiction_code" text PRIMARY KEY NOT NULL,
	"due_month_day" text NOT NULL,
	"set_by" bigint NOT NULL,
	"set_by_name" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"figures" jsonb NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"opened_by" bigint NOT NULL,
	"opened_by_name" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" bigint,
	"submitted_by_name" text,
	"submitted_at" timestamp with time zone,
	"decided_by" bigint,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"overdue_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "self_evaluation_evidence" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_cipher" "bytea" NOT NULL,
	"uploaded_by" bigint NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_evaluation_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"evaluation_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"item_code" text NOT NULL,
	"unit_key" text,
	"ranking" text,
	"survey_respondents" integer,
	"survey_positive" integer,
	"note" text,
	"awarded_points" integer,
	"rectification_task_id" bigint,
	"updated_by" bigint,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "self_evaluation_scoring_rules" (
	"region_code" text NOT NULL,
	"item_code" text NOT NULL,
	"max_points" integer NOT NULL,
	"source" text NOT NULL,
	"loaded_by" bigint NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_evaluation_scoring_rules_region_code_item_code_pk" PRIMARY KEY("region_code","item_code")
);
--> statement-breakpoint
CREATE TABLE "self_evaluations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" text NOT NULL,
	"opened_by" bigint NOT NULL,
	"opened_by_name" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_year_region_uq" ON "annual_reports" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "annual_reports_region_idx" ON "annual_reports" USING btree ("region_code" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "self_evaluation_evidence_item_idx" ON "self_evaluation_evidence" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "self_evaluation_items_item_uq" ON "self_evaluation_items" USING btree ("evaluation_id","item_code");--> statement-breakpoint
CREATE UNIQUE INDEX "self_evaluations_year_region_uq" ON "self_evaluations" USING btree ("year","region_code");--> statement-breakpoint
ALTER TABLE annual_report_settings ADD CONSTRAINT annual_report_settings_due_ck CHECK (due_month_day ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$');
--> statement-breakpoint
ALTER TABLE annual_reports ADD CONSTRAINT annual_reports_status_ck CHECK (status IN ('open', 'submitted', 'accepted', 'sentBack'));
--> statement-breakpoint
ALTER TABLE annual_reports ADD CONSTRAINT annual_reports_year_ck CHECK (year BETWEEN 2000 AND 2100);
--> statement-breakpoint
ALTER TABLE self_evaluations ADD CONSTRAINT self_evaluations_year_ck CHECK (year BETWEEN 2000 AND 2100);
--> statement-breakpoint
ALTER TABLE self_evaluation_items ADD CONSTRAINT self_evaluation_items_survey_ck
  CHECK (survey_respondents IS NULL OR (survey_respondents > 0 AND survey_positive BETWEEN 0 AND survey_respondents));
--> statement-breakpoint
ALTER TABLE self_evaluation_evidence ADD CONSTRAINT self_evaluation_evidence_size_ck CHECK (size_bytes > 0 AND size_bytes <= 5242880);
--> statement-breakpoint
ALTER TABLE self_evaluation_scoring_rules ADD CONSTRAINT self_evaluation_scoring_rules_points_ck CHECK (max_points > 0);
--> statement-breakpoint
-- The figures are frozen when the county opens the year: no update may change them.
CREATE OR REPLACE FUNCTION cradle_annual_report_figures_kept() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (NEW.year, NEW.region_code, NEW.due_date, NEW.figures, NEW.opened_by, NEW.opened_at)
     IS DISTINCT FROM (OLD.year, OLD.region_code, OLD.due_date, OLD.figures, OLD.opened_by, OLD.opened_at) THEN
    RAISE EXCEPTION 'annual report % keeps the figures it opened with', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER annual_reports_figures_kept BEFORE UPDATE OR DELETE ON annual_reports
  FOR EACH ROW EXECUTE FUNCTION cradle_annual_report_figures_kept();
--> statement-breakpoint
ALTER TABLE annual_report_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY annual_report_settings_scope ON annual_report_settings
  USING (cradle_in_jurisdiction(jurisdiction_code)) WITH CHECK (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
ALTER TABLE annual_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY annual_reports_scope ON annual_reports
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE self_evaluations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY self_evaluations_scope ON self_evaluations
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE self_evaluation_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY self_evaluation_items_scope ON self_evaluation_items
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE self_evaluation_evidence ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY self_evaluation_evidence_scope ON self_evaluation_evidence
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE self_evaluation_scoring_rules ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY self_evaluation_scoring_rules_scope ON self_evaluation_scoring_rules
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON annual_report_settings, annual_reports, self_evaluations, self_evaluation_items,
  self_evaluation_scoring_rules TO cradle_app;
--> statement-breakpoint
-- Evidence is kept as uploaded; rules are replaced as a whole when a jurisdiction reloads them.
GRANT SELECT, INSERT ON self_evaluation_evidence TO cradle_app;
--> statement-breakpoint
GRANT DELETE ON self_evaluation_scoring_rules TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE annual_reports_id_seq, self_evaluations_id_seq, self_evaluation_items_id_seq,
  self_evaluation_evidence_id_seq TO cradle_app;

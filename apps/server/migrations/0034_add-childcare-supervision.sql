CREATE TABLE "childcare_closures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"institution_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"closed_on" date NOT NULL,
	"reason" text NOT NULL,
	"transfer_plan" text NOT NULL,
	"placements" jsonb NOT NULL,
	"ordered_by" bigint NOT NULL,
	"ordered_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "childcare_incidents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"institution_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"occurred_on" date NOT NULL,
	"severity" text NOT NULL,
	"summary" text NOT NULL,
	"injured" integer NOT NULL,
	"deaths" integer NOT NULL,
	"recorded_by" bigint NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "childcare_inspections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"institution_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"area" text NOT NULL,
	"inspected_on" date NOT NULL,
	"department" text NOT NULL,
	"inspector_id" bigint NOT NULL,
	"inspector_name" text NOT NULL,
	"findings" jsonb NOT NULL,
	"passed" boolean NOT NULL,
	"reinspection_of" bigint,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "childcare_ratings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"institution_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"grade" text NOT NULL,
	"rated_on" date NOT NULL,
	"rated_by" bigint NOT NULL,
	"rated_by_name" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "childcare_rectifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inspection_id" bigint NOT NULL,
	"institution_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"item" text NOT NULL,
	"requirement" text NOT NULL,
	"due_on" date NOT NULL,
	"state" text NOT NULL,
	"reported_on" date,
	"report_note" text,
	"closed_on" date,
	"closed_by_inspection" bigint,
	"closed_passed" boolean,
	"overdue_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "childcare_closures_institution_uq" ON "childcare_closures" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "childcare_incidents_region_idx" ON "childcare_incidents" USING btree ("region_code" text_pattern_ops,"occurred_on");--> statement-breakpoint
CREATE INDEX "childcare_inspections_institution_idx" ON "childcare_inspections" USING btree ("institution_id","inspected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "childcare_ratings_year_uq" ON "childcare_ratings" USING btree ("institution_id","year");--> statement-breakpoint
CREATE INDEX "childcare_rectifications_institution_idx" ON "childcare_rectifications" USING btree ("institution_id","state");--> statement-breakpoint
CREATE INDEX "childcare_rectifications_due_idx" ON "childcare_rectifications" USING btree ("state","due_on");--> statement-breakpoint
-- The domain's words (packages/domain/src/childcare/checklists.ts, supervision.ts), held here too.
ALTER TABLE childcare_rectifications ADD CONSTRAINT childcare_rectifications_state_ck
  CHECK (state IN ('open', 'reported', 'closed'));
--> statement-breakpoint
ALTER TABLE childcare_ratings ADD CONSTRAINT childcare_ratings_grade_ck
  CHECK (grade IN ('excellent', 'good', 'qualified', 'unqualified'));
--> statement-breakpoint
ALTER TABLE childcare_incidents ADD CONSTRAINT childcare_incidents_severity_ck
  CHECK (severity IN ('ordinary', 'serious', 'major', 'especiallyMajor') AND injured >= 0 AND deaths >= 0);
--> statement-breakpoint
ALTER TABLE childcare_inspections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY childcare_inspections_scope ON childcare_inspections
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE childcare_rectifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY childcare_rectifications_scope ON childcare_rectifications
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE childcare_ratings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY childcare_ratings_scope ON childcare_ratings
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE childcare_incidents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY childcare_incidents_scope ON childcare_incidents
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE childcare_closures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY childcare_closures_scope ON childcare_closures
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
-- Inspections, ratings, incidents and closures are records: written once, never changed or deleted.
-- A rectification moves on (reported, closed, flagged overdue).
GRANT SELECT, INSERT ON childcare_inspections, childcare_ratings, childcare_incidents, childcare_closures TO cradle_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON childcare_rectifications TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE childcare_inspections_id_seq, childcare_rectifications_id_seq, childcare_ratings_id_seq,
  childcare_incidents_id_seq, childcare_closures_id_seq TO cradle_app;

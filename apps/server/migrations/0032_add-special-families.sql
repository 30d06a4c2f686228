CREATE TABLE "family_size_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"department" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"purpose" text NOT NULL,
	"note" text,
	"person_id" bigint,
	"minor_children" smallint,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "special_family_contacts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"role" text NOT NULL,
	"user_id" bigint,
	"name" text NOT NULL,
	"organisation" text,
	"phone_cipher" "bytea",
	"phone_masked" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "special_family_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"child_person_id" bigint NOT NULL,
	"mother_person_id" bigint,
	"father_person_id" bigint,
	"event_date" date NOT NULL,
	"disability_grade" smallint,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"proposed_by" bigint NOT NULL,
	"proposed_by_name" text NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" bigint,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "special_family_services" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"service_date" date NOT NULL,
	"detail" text,
	"recorded_by" bigint NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "special_family_settings" (
	"jurisdiction_code" text PRIMARY KEY NOT NULL,
	"visit_interval_months" smallint NOT NULL,
	"set_by" bigint NOT NULL,
	"set_by_name" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "special_family_status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"effective_from" date NOT NULL,
	"changed_by" bigint NOT NULL,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "special_family_visits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"due_date" date NOT NULL,
	"visit_date" date,
	"kind" text,
	"note" text,
	"contact_id" bigint,
	"recorded_by" bigint,
	"recorded_by_name" text,
	"recorded_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "user_id" bigint;--> statement-breakpoint
CREATE INDEX "family_size_checks_user_idx" ON "family_size_checks" USING btree ("user_id","checked_at");--> statement-breakpoint
CREATE INDEX "special_family_contacts_file_idx" ON "special_family_contacts" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "special_family_contacts_user_idx" ON "special_family_contacts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "special_family_files_child_uq" ON "special_family_files" USING btree ("child_person_id") WHERE status IN ('proposed', 'confirmed');--> statement-breakpoint
CREATE INDEX "special_family_files_region_idx" ON "special_family_files" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "special_family_files_mother_idx" ON "special_family_files" USING btree ("mother_person_id");--> statement-breakpoint
CREATE INDEX "special_family_files_father_idx" ON "special_family_files" USING btree ("father_person_id");--> statement-breakpoint
CREATE INDEX "special_family_services_file_idx" ON "special_family_services" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "special_family_status_changes_uq" ON "special_family_status_changes" USING btree ("file_id","version");--> statement-breakpoint
CREATE INDEX "special_family_visits_file_idx" ON "special_family_visits" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "special_family_visits_planned_idx" ON "special_family_visits" USING btree ("due_date") WHERE visit_date IS NULL;--> statement-breakpoint
ALTER TABLE special_family_files ADD CONSTRAINT special_family_files_kind_ck CHECK (kind IN ('bereaved', 'disabledChild'));
--> statement-breakpoint
ALTER TABLE special_family_files ADD CONSTRAINT special_family_files_status_ck CHECK (status IN ('proposed', 'confirmed', 'rejected', 'ended'));
--> statement-breakpoint
-- A disability's grade belongs to 伤残 and is 一级 to 三级 (the reading in domain special-families/proposal.ts).
ALTER TABLE special_family_files ADD CONSTRAINT special_family_files_grade_ck CHECK (
  (kind = 'disabledChild') = (disability_grade IS NOT NULL) AND (disability_grade IS NULL OR disability_grade BETWEEN 1 AND 3));
--> statement-breakpoint
-- Four eyes: the county's decider is never the township worker who proposed the file.
ALTER TABLE special_family_files ADD CONSTRAINT special_family_files_four_eyes_ck CHECK (decided_by IS NULL OR decided_by <> proposed_by);
--> statement-breakpoint
ALTER TABLE special_family_files ADD CONSTRAINT special_family_files_parent_ck CHECK (mother_person_id IS NOT NULL OR father_person_id IS NOT NULL);
--> statement-breakpoint
ALTER TABLE special_family_contacts ADD CONSTRAINT special_family_contacts_role_ck CHECK (role IN ('worker', 'doctor', 'other'));
--> statement-breakpoint
ALTER TABLE special_family_visits ADD CONSTRAINT special_family_visits_kind_ck CHECK (
  kind IS NULL OR kind IN ('condolence', 'patrol', 'festival', 'emotionalSupport', 'counselling', 'healthService'));
--> statement-breakpoint
ALTER TABLE special_family_visits ADD CONSTRAINT special_family_visits_recorded_ck CHECK ((visit_date IS NULL) = (kind IS NULL));
--> statement-breakpoint
ALTER TABLE special_family_services ADD CONSTRAINT special_family_services_kind_ck CHECK (
  kind IN ('familyDoctorContract', 'greenChannel', 'warmHomeActivity', 'careHomePlacement', 'publicHousing', 'dependantPlacement'));
--> statement-breakpoint
ALTER TABLE special_family_settings ADD CONSTRAINT special_family_settings_interval_ck CHECK (visit_interval_months IN (1, 2, 3, 6, 12));
--> statement-breakpoint
ALTER TABLE family_size_checks ADD CONSTRAINT family_size_checks_purpose_ck CHECK (length(purpose) > 0);
--> statement-breakpoint
-- The most sensitive data in Cradle: a file and everything about it is read and written within
-- the family's jurisdiction only (its village, township, county); the service narrows a village
-- worker to the files they are a contact of. Status changes are never changed or deleted.
ALTER TABLE special_family_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY special_family_files_scope ON special_family_files USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON special_family_files TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE special_family_files_id_seq TO cradle_app;
--> statement-breakpoint
ALTER TABLE special_family_status_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY special_family_status_changes_scope ON special_family_status_changes USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
GRANT SELECT, INSERT ON special_family_status_changes TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE special_family_status_changes_id_seq TO cradle_app;
--> statement-breakpoint
ALTER TABLE special_family_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY special_family_contacts_scope ON special_family_contacts USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON special_family_contacts TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE special_family_contacts_id_seq TO cradle_app;
--> statement-breakpoint
ALTER TABLE special_family_services ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY special_family_services_scope ON special_family_services USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
GRANT SELECT, INSERT ON special_family_services TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE special_family_services_id_seq TO cradle_app;
--> statement-breakpoint
ALTER TABLE special_family_visits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY special_family_visits_scope ON special_family_visits USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON special_family_visits TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE special_family_visits_id_seq TO cradle_app;
--> statement-breakpoint
-- A jurisdiction's interval applies below it: a township reads its county's; only its own are written.
ALTER TABLE special_family_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY special_family_settings_read ON special_family_settings FOR SELECT
  USING (cradle_in_jurisdiction(jurisdiction_code) OR cradle_jurisdiction_within(jurisdiction_code));
--> statement-breakpoint
CREATE POLICY special_family_settings_write ON special_family_settings FOR INSERT WITH CHECK (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
CREATE POLICY special_family_settings_update ON special_family_settings FOR UPDATE
  USING (cradle_in_jurisdiction(jurisdiction_code)) WITH CHECK (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON special_family_settings TO cradle_app;
--> statement-breakpoint
-- A check is written once and never changed: the rate limit counts them, the county reads them.
ALTER TABLE family_size_checks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY family_size_checks_scope ON family_size_checks USING (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
GRANT SELECT, INSERT ON family_size_checks TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE family_size_checks_id_seq TO cradle_app;

CREATE TABLE "supervision_evidence" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" bigint,
	"owner_user_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_cipher" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_liaisons" (
	"unit_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_liaisons_unit_id_user_id_pk" PRIMARY KEY("unit_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_meeting_attendees" (
	"meeting_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "supervision_meeting_attendees_meeting_id_unit_id_pk" PRIMARY KEY("meeting_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_meetings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"chair" text NOT NULL,
	"minutes" text NOT NULL,
	"signed_by" text NOT NULL,
	"recorded_by" bigint NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_memberships" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" bigint NOT NULL,
	"position" text NOT NULL,
	"post" text NOT NULL,
	"since_on" date NOT NULL,
	"until_on" date,
	"note" text,
	"filed_by" bigint,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_milestones" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"note" text NOT NULL,
	"sent_by" bigint NOT NULL,
	"sent_by_name" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"document_no" text NOT NULL,
	"issued_on" date NOT NULL,
	"ends_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"period" text NOT NULL,
	"text" text NOT NULL,
	"figures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completes" boolean DEFAULT false NOT NULL,
	"state" text NOT NULL,
	"submitted_by" bigint NOT NULL,
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" bigint,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"send_back_reason" text
);
--> statement-breakpoint
CREATE TABLE "supervision_task_units" (
	"task_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"role" text NOT NULL,
	"region_code" text NOT NULL,
	"position" smallint NOT NULL,
	"written_as" text NOT NULL,
	"via_group" text,
	CONSTRAINT "supervision_task_units_task_id_unit_id_role_pk" PRIMARY KEY("task_id","unit_id","role")
);
--> statement-breakpoint
CREATE TABLE "supervision_tasks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"plan_id" bigint,
	"meeting_id" bigint,
	"source" text NOT NULL,
	"number" integer,
	"section" text,
	"clause" text NOT NULL,
	"text" text NOT NULL,
	"responsibility" text,
	"due_on" date NOT NULL,
	"due_basis" text NOT NULL,
	"recurrence" text,
	"indicator_code" text,
	"completed_on" date,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_units" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"kind" text NOT NULL,
	"department" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "supervision_evidence_report_idx" ON "supervision_evidence" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "supervision_meetings_region_idx" ON "supervision_meetings" USING btree ("region_code","held_on");--> statement-breakpoint
CREATE INDEX "supervision_memberships_unit_idx" ON "supervision_memberships" USING btree ("unit_id","until_on");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_plans_key_uq" ON "supervision_plans" USING btree ("region_code","key");--> statement-breakpoint
CREATE INDEX "supervision_reports_task_idx" ON "supervision_reports" USING btree ("task_id","submitted_at");--> statement-breakpoint
CREATE INDEX "supervision_task_units_unit_idx" ON "supervision_task_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_tasks_number_uq" ON "supervision_tasks" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "supervision_tasks_region_idx" ON "supervision_tasks" USING btree ("region_code","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_units_key_uq" ON "supervision_units" USING btree ("region_code","key");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_units_name_uq" ON "supervision_units" USING btree ("region_code","name");--> statement-breakpoint
ALTER TABLE supervision_memberships ADD CONSTRAINT supervision_memberships_position_ck CHECK (position IN ('convener', 'deputyConvener', 'member'));
--> statement-breakpoint
ALTER TABLE supervision_memberships ADD CONSTRAINT supervision_memberships_dates_ck CHECK (until_on IS NULL OR until_on >= since_on);
--> statement-breakpoint
ALTER TABLE supervision_tasks ADD CONSTRAINT supervision_tasks_source_ck CHECK (source IN ('plan', 'decision', 'selfEvaluation', 'office'));
--> statement-breakpoint
ALTER TABLE supervision_tasks ADD CONSTRAINT supervision_tasks_due_basis_ck CHECK (due_basis IN ('text', 'planEnd', 'set'));
--> statement-breakpoint
ALTER TABLE supervision_tasks ADD CONSTRAINT supervision_tasks_text_ck CHECK (length(btrim(text)) > 0);
--> statement-breakpoint
ALTER TABLE supervision_task_units ADD CONSTRAINT supervision_task_units_role_ck CHECK (role IN ('lead', 'support', 'implementing'));
--> statement-breakpoint
ALTER TABLE supervision_reports ADD CONSTRAINT supervision_reports_state_ck CHECK (state IN ('submitted', 'accepted', 'sentBack'));
--> statement-breakpoint
ALTER TABLE supervision_meetings ADD CONSTRAINT supervision_meetings_kind_ck CHECK (kind IN ('plenary', 'topical'));
--> statement-breakpoint
ALTER TABLE supervision_evidence ADD CONSTRAINT supervision_evidence_size_ck CHECK (size_bytes > 0 AND size_bytes <= 5242880);
--> statement-breakpoint
ALTER TABLE supervision_units ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supervision_units_scope ON supervision_units
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE supervision_memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supervision_memberships_scope ON supervision_memberships
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE supervision_liaisons ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supervision_liaisons_scope ON supervision_liaisons
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE supervision_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supervision_plans_scope ON supervision_plans
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE supervision_tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supervision_tasks_scope ON supervision_tasks
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE supervision_task_units ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supervision_task_units_scope ON supervision_task_units
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE supervision_milestones ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supervision_milestones_scope ON supervision_milestones
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE supervision_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supervision_reports_scope ON supervision_reports
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE supervision_evidence ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supervision_evidence_scope ON supervision_evidence
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE supervision_meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supervision_meetings_scope ON supervision_meetings
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE supervision_meeting_attendees ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supervision_meeting_attendees_scope ON supervision_meeting_attendees
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE supervision_notices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supervision_notices_scope ON supervision_notices
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
-- Reports, evidence and meetings are kept: nothing is deleted; a membership change closes a row.
GRANT SELECT, INSERT, UPDATE ON supervision_units, supervision_memberships, supervision_plans, supervision_tasks,
  supervision_reports, supervision_evidence TO cradle_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON supervision_liaisons TO cradle_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON supervision_task_units, supervision_milestones, supervision_meetings,
  supervision_meeting_attendees, supervision_notices TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE supervision_units_id_seq, supervision_memberships_id_seq, supervision_plans_id_seq,
  supervision_tasks_id_seq, supervision_milestones_id_seq, supervision_reports_id_seq, supervision_evidence_id_seq,
  supervision_meetings_id_seq, supervision_notices_id_seq TO cradle_app;

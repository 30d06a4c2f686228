CREATE TABLE "life_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"person_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"event_date" date NOT NULL,
	"death_place" text,
	"cause_category" text,
	"maternal" boolean,
	"other_region_code" text,
	"other_region_name" text,
	"spouse_person_id" bigint,
	"channel" text NOT NULL,
	"sender" text NOT NULL,
	"sender_reference" text NOT NULL,
	"import_job_id" bigint,
	"service_account_id" bigint,
	"recorded_by" bigint,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_accounts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"department" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"event_kinds" text[] NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"token_prefix" text NOT NULL,
	"created_by" bigint,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "life_events_sender_ref_uq" ON "life_events" USING btree ("sender","sender_reference");--> statement-breakpoint
CREATE INDEX "life_events_person_idx" ON "life_events" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "life_events_region_idx" ON "life_events" USING btree ("region_code" text_pattern_ops,"kind","event_date");--> statement-breakpoint
CREATE UNIQUE INDEX "service_accounts_token_uq" ON "service_accounts" USING btree ("token_hash");--> statement-breakpoint
ALTER TABLE life_events ADD CONSTRAINT life_events_kind_ck CHECK (kind IN ('death', 'moveIn', 'moveOut', 'marriage'));
--> statement-breakpoint
ALTER TABLE life_events ADD CONSTRAINT life_events_channel_ck CHECK (channel IN ('form', 'import', 'api'));
--> statement-breakpoint
-- The maternal flag belongs to a death, and to every death (true or false); a move names the other
-- region; nothing else carries them.
ALTER TABLE life_events ADD CONSTRAINT life_events_death_ck CHECK ((kind = 'death') = (maternal IS NOT NULL));
--> statement-breakpoint
ALTER TABLE life_events ADD CONSTRAINT life_events_move_ck CHECK ((kind IN ('moveIn', 'moveOut')) = (other_region_code IS NOT NULL OR other_region_name IS NOT NULL));
--> statement-breakpoint
ALTER TABLE life_events ADD CONSTRAINT life_events_reference_ck CHECK (length(sender_reference) BETWEEN 1 AND 100);
--> statement-breakpoint
ALTER TABLE service_accounts ADD CONSTRAINT service_accounts_kinds_ck CHECK (
  cardinality(event_kinds) >= 1 AND event_kinds <@ ARRAY['death', 'moveIn', 'moveOut', 'marriage']::text[]);
--> statement-breakpoint
-- Events are read and written within the jurisdiction, as the registry is; a recorded event is
-- never changed or deleted (a correction is a new event), so the role gets no UPDATE or DELETE.
ALTER TABLE life_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY life_events_scope ON life_events USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
GRANT SELECT, INSERT ON life_events TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE life_events_id_seq TO cradle_app;
--> statement-breakpoint
-- Like users, service accounts carry no row policy: a call is authenticated by its token before
-- any jurisdiction is known. The service lists and changes only those within the administrator's
-- jurisdiction.
GRANT SELECT, INSERT, UPDATE ON service_accounts TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE service_accounts_id_seq TO cradle_app;

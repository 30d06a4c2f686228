CREATE TABLE "reported_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"count_key" text NOT NULL,
	"item" text NOT NULL,
	"department" text NOT NULL,
	"region_code" text NOT NULL,
	"period_key" text NOT NULL,
	"value" bigint NOT NULL,
	"version" integer NOT NULL,
	"reason" text,
	"reported_by" bigint,
	"reported_by_name" text NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "reported_values_version_uq" ON "reported_values" USING btree ("count_key","region_code","period_key","version");--> statement-breakpoint
CREATE INDEX "reported_values_region_idx" ON "reported_values" USING btree ("region_code" text_pattern_ops,"period_key");--> statement-breakpoint
ALTER TABLE reported_values ADD CONSTRAINT reported_values_value_ck CHECK (value >= 0);
--> statement-breakpoint
ALTER TABLE reported_values ADD CONSTRAINT reported_values_version_ck CHECK (version >= 1 AND (version = 1 OR reason IS NOT NULL));
--> statement-breakpoint
ALTER TABLE reported_values ADD CONSTRAINT reported_values_period_ck CHECK (period_key ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$');
--> statement-breakpoint
-- Read and written within the jurisdiction; a version is never changed or deleted.
ALTER TABLE reported_values ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY reported_values_scope ON reported_values USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
GRANT SELECT, INSERT ON reported_values TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE reported_values_id_seq TO cradle_app;

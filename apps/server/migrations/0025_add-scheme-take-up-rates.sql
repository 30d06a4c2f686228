CREATE TABLE "scheme_take_up_rates" (
	"scheme_code" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"basis" text NOT NULL,
	"set_by" bigint,
	"set_by_name" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheme_take_up_rates_scheme_code_jurisdiction_code_pk" PRIMARY KEY("scheme_code","jurisdiction_code")
);
--> statement-breakpoint
ALTER TABLE scheme_take_up_rates ADD CONSTRAINT scheme_take_up_rates_rate_ck CHECK (rate_basis_points BETWEEN 0 AND 10000);
--> statement-breakpoint
ALTER TABLE scheme_take_up_rates ADD CONSTRAINT scheme_take_up_rates_county_ck CHECK (jurisdiction_code ~ '^[0-9]{6}$');
--> statement-breakpoint
-- A county sets its own rate; a city or province reads its counties' (each budgets at its own), a
-- township its county's.
ALTER TABLE scheme_take_up_rates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY scheme_take_up_rates_read ON scheme_take_up_rates FOR SELECT
  USING (cradle_in_jurisdiction(jurisdiction_code) OR cradle_jurisdiction_within(jurisdiction_code));
--> statement-breakpoint
CREATE POLICY scheme_take_up_rates_insert ON scheme_take_up_rates FOR INSERT WITH CHECK (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
CREATE POLICY scheme_take_up_rates_update ON scheme_take_up_rates FOR UPDATE
  USING (cradle_in_jurisdiction(jurisdiction_code)) WITH CHECK (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON scheme_take_up_rates TO cradle_app;

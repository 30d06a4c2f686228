CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"key" text,
	"jurisdiction_code" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("kind","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_unfinished_key_uq" ON "jobs" USING btree ("kind","key") WHERE status IN ('pending', 'running');--> statement-breakpoint
ALTER TABLE jobs ADD CONSTRAINT jobs_status_ck CHECK (status IN ('pending', 'running', 'done', 'failed'));
--> statement-breakpoint
-- A request queues its job (an import, a payment cycle) in its own scoped transaction, so the job
-- exists if and only if the change that asked for it commits; runners claim and finish as the owner.
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY jobs_scope ON jobs USING (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
GRANT SELECT, INSERT ON jobs TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE jobs_id_seq TO cradle_app;

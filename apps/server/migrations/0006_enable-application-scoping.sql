-- Applications, decisions and payment files (issue 3): scoped like the rest, by region.
ALTER TABLE applications ADD CONSTRAINT applications_status_ck CHECK (status IN ('inReview', 'publicNotice', 'approved', 'rejected'));
--> statement-breakpoint
ALTER TABLE applications ADD CONSTRAINT applications_level_ck CHECK (level IN ('village', 'township', 'county'));
--> statement-breakpoint
ALTER TABLE applications ADD CONSTRAINT applications_channel_ck CHECK (channel IN ('family', 'villageWorker'));
--> statement-breakpoint
ALTER TABLE applications ADD CONSTRAINT applications_rejection_reason_ck CHECK (status <> 'rejected' OR length(trim(rejection_reason)) > 0);
--> statement-breakpoint
ALTER TABLE applications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY applications_scope ON applications USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE application_decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY application_decisions_scope ON application_decisions USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE payment_exports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY payment_exports_scope ON payment_exports USING (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
ALTER TABLE bank_returns ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY bank_returns_scope ON bank_returns USING (cradle_in_jurisdiction(jurisdiction_code));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON applications, payment_exports, bank_returns TO cradle_app;
--> statement-breakpoint
-- Decisions are a history: added, never changed.
GRANT SELECT, INSERT ON application_decisions TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO cradle_app;

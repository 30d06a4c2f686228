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
--> statement-breakpoint
-- An application follows its beneficiary's hukou: a child whose hukou moves to another county is
-- reviewed and paid there (and the one-applicant rule still holds deployment-wide). As the owner:
-- the county that records the move may not write into the other county's rows itself.
CREATE OR REPLACE FUNCTION cradle_applications_follow_hukou() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE applications SET region_code = NEW.hukou_region_code, updated_at = now()
  WHERE beneficiary_id = NEW.id AND status <> 'rejected' AND region_code <> NEW.hukou_region_code;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER persons_applications_follow_hukou AFTER UPDATE OF hukou_region_code ON persons
  FOR EACH ROW WHEN (OLD.hukou_region_code IS DISTINCT FROM NEW.hukou_region_code)
  EXECUTE FUNCTION cradle_applications_follow_hukou();

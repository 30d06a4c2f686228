CREATE TABLE "childcare_classes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"filing_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"age_group" text NOT NULL,
	"capacity" integer NOT NULL,
	"enrolled" integer NOT NULL,
	"carers" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "childcare_documents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"filing_id" bigint,
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
CREATE TABLE "childcare_filings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"institution_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"region_code" text NOT NULL,
	"content" jsonb NOT NULL,
	"received_on" date NOT NULL,
	"review_deadline" date NOT NULL,
	"decided_on" date,
	"decided_by" bigint,
	"decided_by_name" text,
	"send_back_reason" text,
	"correction_deadline" date,
	"submitted_by" bigint NOT NULL,
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "childcare_institutions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"uscc" text NOT NULL,
	"region_code" text NOT NULL,
	"owner_user_id" bigint NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"filing_no" text,
	"filed_version" integer,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "childcare_staff" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"filing_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"post" text NOT NULL,
	"qualification" text NOT NULL,
	"health_certificate_no" text NOT NULL,
	"health_certificate_issued_on" date NOT NULL,
	"health_certificate_valid_until" date NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "childcare_classes_position_uq" ON "childcare_classes" USING btree ("filing_id","position");--> statement-breakpoint
CREATE INDEX "childcare_documents_filing_idx" ON "childcare_documents" USING btree ("filing_id");--> statement-breakpoint
CREATE UNIQUE INDEX "childcare_filings_version_uq" ON "childcare_filings" USING btree ("institution_id","version");--> statement-breakpoint
CREATE INDEX "childcare_filings_queue_idx" ON "childcare_filings" USING btree ("region_code" text_pattern_ops,"state","review_deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "childcare_institutions_uscc_uq" ON "childcare_institutions" USING btree ("uscc");--> statement-breakpoint
CREATE UNIQUE INDEX "childcare_institutions_filing_no_uq" ON "childcare_institutions" USING btree ("filing_no");--> statement-breakpoint
CREATE INDEX "childcare_institutions_region_idx" ON "childcare_institutions" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE UNIQUE INDEX "childcare_staff_position_uq" ON "childcare_staff" USING btree ("filing_id","position");--> statement-breakpoint
ALTER TABLE childcare_institutions ADD CONSTRAINT childcare_institutions_uscc_ck CHECK (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$');
--> statement-breakpoint
ALTER TABLE childcare_institutions ADD CONSTRAINT childcare_institutions_region_ck CHECK (region_code ~ '^[0-9]{9}([0-9]{3})?$');
--> statement-breakpoint
ALTER TABLE childcare_institutions ADD CONSTRAINT childcare_institutions_status_ck CHECK (status IN ('pending', 'filed', 'closed'));
--> statement-breakpoint
ALTER TABLE childcare_institutions ADD CONSTRAINT childcare_institutions_filed_ck
  CHECK (status = 'pending' OR (filing_no IS NOT NULL AND filed_version IS NOT NULL));
--> statement-breakpoint
ALTER TABLE childcare_filings ADD CONSTRAINT childcare_filings_kind_ck CHECK (kind IN ('filing', 'change', 'closure'));
--> statement-breakpoint
ALTER TABLE childcare_filings ADD CONSTRAINT childcare_filings_state_ck CHECK (state IN ('received', 'filed', 'sentBack', 'resubmitted'));
--> statement-breakpoint
-- A decided version names who decided and when; a sent-back one also why and by when to correct.
ALTER TABLE childcare_filings ADD CONSTRAINT childcare_filings_decided_ck CHECK (
  (state = 'received') = (decided_on IS NULL)
  AND (decided_on IS NULL) = (decided_by IS NULL)
  AND (state NOT IN ('sentBack', 'resubmitted')
       OR (length(btrim(coalesce(send_back_reason, ''))) > 0 AND correction_deadline IS NOT NULL)));
--> statement-breakpoint
ALTER TABLE childcare_classes ADD CONSTRAINT childcare_classes_age_group_ck CHECK (age_group IN ('infant', 'youngToddler', 'oldToddler', 'mixed'));
--> statement-breakpoint
ALTER TABLE childcare_classes ADD CONSTRAINT childcare_classes_counts_ck CHECK (capacity > 0 AND enrolled >= 0 AND carers >= 0);
--> statement-breakpoint
ALTER TABLE childcare_documents ADD CONSTRAINT childcare_documents_size_ck CHECK (size_bytes > 0 AND size_bytes <= 5242880);
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS childcare_filing_no_seq;
--> statement-breakpoint
-- Every version is kept as it was filed: its content never changes, only its state moves on
-- (received → filed or sentBack; sentBack → resubmitted), once; nothing is deleted.
CREATE OR REPLACE FUNCTION cradle_childcare_filing_kept() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     OR (NEW.institution_id, NEW.version, NEW.kind, NEW.region_code, NEW.content, NEW.received_on, NEW.review_deadline,
         NEW.submitted_by, NEW.submitted_at)
        IS DISTINCT FROM (OLD.institution_id, OLD.version, OLD.kind, OLD.region_code, OLD.content, OLD.received_on,
         OLD.review_deadline, OLD.submitted_by, OLD.submitted_at)
     OR NOT ((OLD.state = 'received' AND NEW.state IN ('filed', 'sentBack'))
             OR (OLD.state = 'sentBack' AND NEW.state = 'resubmitted')) THEN
    RAISE EXCEPTION 'childcare filing % version % is kept as filed', OLD.institution_id, OLD.version
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER childcare_filings_kept BEFORE UPDATE OR DELETE ON childcare_filings
  FOR EACH ROW EXECUTE FUNCTION cradle_childcare_filing_kept();
--> statement-breakpoint
ALTER TABLE childcare_institutions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY childcare_institutions_scope ON childcare_institutions
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE childcare_filings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY childcare_filings_scope ON childcare_filings
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE childcare_classes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY childcare_classes_scope ON childcare_classes USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE childcare_staff ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY childcare_staff_scope ON childcare_staff USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE childcare_documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY childcare_documents_scope ON childcare_documents
  USING (cradle_in_jurisdiction(region_code)) WITH CHECK (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON childcare_institutions, childcare_filings, childcare_documents TO cradle_app;
--> statement-breakpoint
-- A version's classes and staff are written with it and never changed.
GRANT SELECT, INSERT ON childcare_classes, childcare_staff TO cradle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE childcare_institutions_id_seq, childcare_filings_id_seq, childcare_classes_id_seq,
  childcare_staff_id_seq, childcare_documents_id_seq, childcare_filing_no_seq TO cradle_app;

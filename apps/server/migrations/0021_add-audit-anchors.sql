CREATE TABLE "audit_anchors" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"prev_mac" text NOT NULL,
	"mac" text NOT NULL,
	CONSTRAINT "audit_anchors_prev_mac_unique" UNIQUE("prev_mac"),
	CONSTRAINT "audit_anchors_mac_unique" UNIQUE("mac")
);
--> statement-breakpoint
-- Written and read by the owner only (the sealer, verification): cradle_app gets no grant.
-- Append-only like audit_log: an owner can still disable this, which is why the anchors also go
-- to a file and carry an HMAC the database cannot compute.
CREATE FUNCTION cradle_audit_anchor_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_anchors is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE OR DELETE ON audit_anchors
  FOR EACH ROW EXECUTE FUNCTION cradle_audit_anchor_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors
  FOR EACH STATEMENT EXECUTE FUNCTION cradle_audit_anchor_refuse_change();

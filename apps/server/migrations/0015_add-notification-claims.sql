ALTER TABLE "notifications" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
-- 'sending': claimed by a dispatcher, which sends outside any transaction (a slow gateway must
-- not hold locks or, on PGlite, the whole database) and records the result afterwards.
ALTER TABLE notifications DROP CONSTRAINT notifications_status_ck;
--> statement-breakpoint
ALTER TABLE notifications ADD CONSTRAINT notifications_status_ck CHECK (status IN ('pending', 'sending', 'sent', 'failed'));

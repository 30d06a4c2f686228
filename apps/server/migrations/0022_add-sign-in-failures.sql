CREATE TABLE "sign_in_failures" (
	"subject" text NOT NULL,
	"client_ip" text NOT NULL,
	"failures" integer NOT NULL,
	"last_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_in_failures_subject_client_ip_pk" PRIMARY KEY("subject","client_ip")
);
--> statement-breakpoint
CREATE INDEX "sign_in_failures_last_idx" ON "sign_in_failures" USING btree ("last_failed_at");
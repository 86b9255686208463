CREATE TABLE "alarms" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"terminal_id" text NOT NULL,
	"seq" bigint,
	"detail" text NOT NULL,
	"at_ms" bigint NOT NULL,
	"is_acknowledged" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "day_completeness" (
	"terminal_id" text NOT NULL,
	"business_date" text NOT NULL,
	"entry_count" integer NOT NULL,
	"receipts_satang" bigint NOT NULL,
	"last_seq" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"checked_at_ms" bigint NOT NULL,
	CONSTRAINT "day_completeness_terminal_id_business_date_pk" PRIMARY KEY("terminal_id","business_date")
);
--> statement-breakpoint
CREATE TABLE "enroll_codes" (
	"code_sha256" text PRIMARY KEY NOT NULL,
	"place" text NOT NULL,
	"slot" integer NOT NULL,
	"created_at_ms" bigint NOT NULL,
	"expires_at_ms" bigint NOT NULL,
	"used_at_ms" bigint,
	"used_by_key_id" text
);
--> statement-breakpoint
CREATE TABLE "entries" (
	"terminal_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"entry_id" text NOT NULL,
	"kind" text NOT NULL,
	"payload_version" integer NOT NULL,
	"at_ms" bigint NOT NULL,
	"business_date" text NOT NULL,
	"place" text NOT NULL,
	"terminal_slot" integer NOT NULL,
	"user_id" text,
	"payload_text" text NOT NULL,
	"hash" text NOT NULL,
	"receipt_satang" bigint,
	"revenue_code" text,
	"received_at_ms" bigint NOT NULL,
	CONSTRAINT "entries_terminal_id_seq_pk" PRIMARY KEY("terminal_id","seq")
);
--> statement-breakpoint
CREATE TABLE "seen_requests" (
	"key_id" text NOT NULL,
	"nonce" text NOT NULL,
	"at_ms" bigint NOT NULL,
	CONSTRAINT "seen_requests_key_id_nonce_pk" PRIMARY KEY("key_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "server_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"private_key_pkcs8_base64" text NOT NULL,
	"public_key_spki_base64" text NOT NULL,
	"created_at_ms" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "terminal_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"terminal_id" text NOT NULL,
	"public_key_spki_base64" text NOT NULL,
	"enrolled_at_ms" bigint NOT NULL,
	"revoked_at_ms" bigint
);
--> statement-breakpoint
CREATE TABLE "terminals" (
	"id" text PRIMARY KEY NOT NULL,
	"place" text NOT NULL,
	"slot" integer NOT NULL,
	"high_water_seq" bigint DEFAULT 0 NOT NULL,
	"head_hash" text DEFAULT repeat('0', 64) NOT NULL,
	"chain_slot" integer,
	"approval_key_base64" text NOT NULL,
	"enrolled_at_ms" bigint NOT NULL,
	"last_push_at_ms" bigint
);
--> statement-breakpoint
ALTER TABLE "day_completeness" ADD CONSTRAINT "day_completeness_terminal_id_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_terminal_id_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_keys" ADD CONSTRAINT "terminal_keys_terminal_id_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alarms_terminal" ON "alarms" USING btree ("terminal_id");--> statement-breakpoint
CREATE INDEX "entries_day" ON "entries" USING btree ("terminal_id","business_date");--> statement-breakpoint
CREATE INDEX "seen_requests_at" ON "seen_requests" USING btree ("at_ms");--> statement-breakpoint
CREATE INDEX "terminal_keys_terminal" ON "terminal_keys" USING btree ("terminal_id");
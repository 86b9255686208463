CREATE SEQUENCE "public"."pull_cursor" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "approval_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"terminal_id" text NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"reason_code" text NOT NULL,
	"reason_text" text NOT NULL,
	"business_date" text NOT NULL,
	"requested_by_user_id" text NOT NULL,
	"requested_at_ms" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"supervisor_username" text,
	"supervisor_name_th" text,
	"decided_at_ms" bigint,
	"cursor" bigint
);
--> statement-breakpoint
CREATE TABLE "fine_orders" (
	"order_no" text PRIMARY KEY NOT NULL,
	"place" text NOT NULL,
	"revenue_code" text NOT NULL,
	"offender_name" text NOT NULL,
	"offender_id" text,
	"amount_satang" bigint NOT NULL,
	"issued_date" text NOT NULL,
	"law" text NOT NULL,
	"imported_at_ms" bigint NOT NULL,
	"cursor" bigserial NOT NULL
);
--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_terminal_id_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_requests_pull" ON "approval_requests" USING btree ("terminal_id","cursor");--> statement-breakpoint
CREATE INDEX "fine_orders_pull" ON "fine_orders" USING btree ("place","cursor");
CREATE TABLE "central_users" (
	"username" text PRIMARY KEY NOT NULL,
	"place" text NOT NULL,
	"full_name_th" text NOT NULL,
	"position_th" text NOT NULL,
	"role" text NOT NULL,
	"is_disabled" boolean NOT NULL,
	"order_ref" text NOT NULL,
	"approved_at_ms" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed_items" (
	"cursor" bigserial PRIMARY KEY NOT NULL,
	"stream" text NOT NULL,
	"place" text,
	"item_key" text NOT NULL,
	"body" text NOT NULL,
	"body_sha256" text NOT NULL,
	"published_at_ms" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reported_local_users" (
	"terminal_id" text NOT NULL,
	"username" text NOT NULL,
	"full_name_th" text NOT NULL,
	"position_th" text NOT NULL,
	"role" text NOT NULL,
	"is_disabled" boolean NOT NULL,
	"created_at_ms" bigint NOT NULL,
	"reported_at_ms" bigint NOT NULL,
	CONSTRAINT "reported_local_users_terminal_id_username_pk" PRIMARY KEY("terminal_id","username")
);
--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "acknowledged_by" text;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "acknowledged_at_ms" bigint;--> statement-breakpoint
ALTER TABLE "reported_local_users" ADD CONSTRAINT "reported_local_users_terminal_id_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feed_items_version" ON "feed_items" USING btree ("stream","item_key","body_sha256");--> statement-breakpoint
CREATE INDEX "feed_items_place" ON "feed_items" USING btree ("place","cursor");
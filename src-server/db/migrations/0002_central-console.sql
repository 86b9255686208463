CREATE TABLE "console_sessions" (
	"token_sha256" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"expires_at_ms" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "console_users" (
	"username" text PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at_ms" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "console_sessions" ADD CONSTRAINT "console_sessions_username_console_users_username_fk" FOREIGN KEY ("username") REFERENCES "public"."console_users"("username") ON DELETE no action ON UPDATE no action;
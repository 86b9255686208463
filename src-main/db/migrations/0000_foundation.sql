CREATE TABLE `database_info` (
	`id` integer PRIMARY KEY NOT NULL,
	`database_id` text NOT NULL,
	`is_training` integer NOT NULL,
	`is_demo` integer NOT NULL,
	`created_at_ms` integer NOT NULL,
	`created_by_app_version` text NOT NULL,
	CONSTRAINT "database_info_single_row" CHECK("database_info"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `office` (
	`id` integer PRIMARY KEY NOT NULL,
	`place` text NOT NULL,
	`name_th` text NOT NULL,
	`province` text NOT NULL,
	`cost_centre` text,
	`biller_id` text,
	`company_code` text,
	`created_at_ms` integer NOT NULL,
	CONSTRAINT "office_single_row" CHECK("office"."id" = 1),
	CONSTRAINT "office_place_4_digits" CHECK(length("office"."place") = 4 AND "office"."place" NOT GLOB '*[^0-9]*'),
	CONSTRAINT "office_biller_15_digits" CHECK("office"."biller_id" IS NULL OR (length("office"."biller_id") = 15 AND "office"."biller_id" NOT GLOB '*[^0-9]*')),
	CONSTRAINT "office_cost_centre_10_digits" CHECK("office"."cost_centre" IS NULL OR (length("office"."cost_centre") = 10 AND "office"."cost_centre" NOT GLOB '*[^0-9]*'))
);
--> statement-breakpoint
CREATE TABLE `terminal_binding` (
	`id` text PRIMARY KEY NOT NULL,
	`slot` integer NOT NULL,
	`machine_id` text NOT NULL,
	`bound_at_ms` integer NOT NULL,
	`bound_by_user_id` text,
	`reason` text NOT NULL,
	CONSTRAINT "terminal_binding_slot_1_9" CHECK("terminal_binding"."slot" BETWEEN 1 AND 9)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`full_name_th` text NOT NULL,
	`position_th` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`is_disabled` integer DEFAULT false NOT NULL,
	`failed_login_count` integer DEFAULT 0 NOT NULL,
	`locked_until_ms` integer,
	`created_at_ms` integer NOT NULL,
	`created_by_user_id` text,
	`centrally_approved_at_ms` integer,
	CONSTRAINT "users_role_known" CHECK("users"."role" IN ('operator','supervisor','finance','head','auditor','admin')),
	CONSTRAINT "users_failed_login_count_non_negative" CHECK("users"."failed_login_count" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at_ms` integer NOT NULL,
	`user_id` text,
	`username` text,
	`channel` text NOT NULL,
	`action` text NOT NULL,
	`outcome` text NOT NULL,
	`code` text,
	`detail` text,
	CONSTRAINT "audit_log_outcome_known" CHECK("audit_log"."outcome" IN ('ok','refused','error')),
	CONSTRAINT "audit_log_channel_known" CHECK("audit_log"."channel" IN ('desktop','web','cli','system'))
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_ms` ON `audit_log` (`at_ms`);
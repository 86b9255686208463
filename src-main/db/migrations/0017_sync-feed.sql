CREATE TABLE `central_book_assignments` (
	`book_no` text PRIMARY KEY NOT NULL,
	`first_leaf` integer NOT NULL,
	`last_leaf` integer NOT NULL,
	`terminal_slot` integer,
	`assigned_at_ms` integer NOT NULL,
	`cursor` integer NOT NULL,
	`pulled_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `central_catalog` (
	`version` integer PRIMARY KEY NOT NULL,
	`data_json` text NOT NULL,
	`cursor` integer NOT NULL,
	`pulled_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `central_holidays` (
	`year` integer PRIMARY KEY NOT NULL,
	`data_json` text NOT NULL,
	`cursor` integer NOT NULL,
	`pulled_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `central_payment_confirmations` (
	`bank_code` text NOT NULL,
	`bank_reference` text NOT NULL,
	`ref1` text NOT NULL,
	`paid_at_ms` integer NOT NULL,
	`amount_satang` integer NOT NULL,
	`source_file` text NOT NULL,
	`status` text NOT NULL,
	`confirmation_id` text,
	`cursor` integer NOT NULL,
	`pulled_at_ms` integer NOT NULL,
	PRIMARY KEY(`bank_code`, `bank_reference`)
);
--> statement-breakpoint
CREATE TABLE `central_users` (
	`username` text PRIMARY KEY NOT NULL,
	`full_name_th` text NOT NULL,
	`position_th` text NOT NULL,
	`role` text NOT NULL,
	`is_disabled` integer NOT NULL,
	`order_ref` text NOT NULL,
	`approved_at_ms` integer NOT NULL,
	`cursor` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_behind_central` (
	`id` text PRIMARY KEY NOT NULL,
	`terminal_slot` integer NOT NULL,
	`local_seq` integer NOT NULL,
	`central_high_water_seq` integer NOT NULL,
	`central_head_hash` text NOT NULL,
	`detected_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ledger_entries_business_date` ON `ledger_entries` (`business_date`,`seq`);
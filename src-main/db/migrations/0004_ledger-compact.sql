PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_ledger_entries` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`payload_version` integer NOT NULL,
	`at_ms` integer NOT NULL,
	`business_date` text NOT NULL,
	`place` text NOT NULL,
	`terminal_slot` integer NOT NULL,
	`user_id` text,
	`payload` text,
	`hash` blob NOT NULL,
	CONSTRAINT "ledger_entries_seq_positive" CHECK("__new_ledger_entries"."seq" >= 1),
	CONSTRAINT "ledger_entries_hash_sha256" CHECK(typeof("__new_ledger_entries"."hash") = 'blob' AND length("__new_ledger_entries"."hash") = 32)
);
--> statement-breakpoint
INSERT INTO `__new_ledger_entries`("seq", "id", "kind", "payload_version", "at_ms", "business_date", "place", "terminal_slot", "user_id", "payload", "hash") SELECT "seq", "id", "kind", "payload_version", "at_ms", "business_date", "place", "terminal_slot", "user_id", "payload", unhex("hash") FROM `ledger_entries`;--> statement-breakpoint
DROP TABLE `ledger_entries`;--> statement-breakpoint
ALTER TABLE `__new_ledger_entries` RENAME TO `ledger_entries`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
DROP INDEX `outbox_entry_id_unique`;--> statement-breakpoint
ALTER TABLE `outbox` DROP COLUMN `entry_id`;--> statement-breakpoint
ALTER TABLE `outbox` DROP COLUMN `hash`;--> statement-breakpoint
ALTER TABLE `outbox` DROP COLUMN `payload_version`;--> statement-breakpoint
ALTER TABLE `outbox` DROP COLUMN `created_at_ms`;--> statement-breakpoint
CREATE INDEX `bills_entry_seq` ON `bills` (`entry_seq`);--> statement-breakpoint
CREATE INDEX `payment_confirmations_entry_seq` ON `payment_confirmations` (`entry_seq`);--> statement-breakpoint
CREATE INDEX `payment_requests_entry_seq` ON `payment_requests` (`entry_seq`);--> statement-breakpoint
CREATE INDEX `receipt_events_entry_seq` ON `receipt_events` (`entry_seq`);--> statement-breakpoint
CREATE INDEX `receipts_entry_seq` ON `receipts` (`entry_seq`);--> statement-breakpoint
CREATE INDEX `request_events_entry_seq` ON `request_events` (`entry_seq`);
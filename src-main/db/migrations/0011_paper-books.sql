CREATE TABLE `field_handovers` (
	`id` text PRIMARY KEY NOT NULL,
	`field_order_id` text NOT NULL,
	`counted_satang` integer NOT NULL,
	`receipts_satang` integer NOT NULL,
	`variance_satang` integer NOT NULL,
	`variance_reason` text,
	`received_by_user_id` text NOT NULL,
	`handed_at_ms` integer NOT NULL,
	`business_date` text NOT NULL,
	`is_late` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`field_order_id`) REFERENCES `field_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "field_handovers_amounts" CHECK("field_handovers"."counted_satang" >= 0 AND "field_handovers"."receipts_satang" >= 0 AND "field_handovers"."variance_satang" = "field_handovers"."counted_satang" - "field_handovers"."receipts_satang"),
	CONSTRAINT "field_handovers_variance_explained" CHECK("field_handovers"."variance_satang" = 0 OR "field_handovers"."variance_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `field_handovers_field_order_id_unique` ON `field_handovers` (`field_order_id`);--> statement-breakpoint
CREATE INDEX `field_handovers_entry_seq` ON `field_handovers` (`entry_seq`);--> statement-breakpoint
CREATE TABLE `field_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`order_no` text NOT NULL,
	`officer_user_id` text NOT NULL,
	`place_text` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`handover_due_date` text NOT NULL,
	`leaves_taken` text NOT NULL,
	`ordered_by_user_id` text NOT NULL,
	`ordered_at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "field_orders_dates" CHECK("field_orders"."to_date" >= "field_orders"."from_date" AND "field_orders"."handover_due_date" >= "field_orders"."to_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `field_orders_order_no_unique` ON `field_orders` (`order_no`);--> statement-breakpoint
CREATE INDEX `field_orders_entry_seq` ON `field_orders` (`entry_seq`);--> statement-breakpoint
CREATE TABLE `outage_ends` (
	`id` text PRIMARY KEY NOT NULL,
	`outage_id` text NOT NULL,
	`ended_at_ms` integer NOT NULL,
	`note` text,
	`ended_by_user_id` text NOT NULL,
	`recorded_at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`outage_id`) REFERENCES `outages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outage_ends_recorded_after_end" CHECK("outage_ends"."recorded_at_ms" >= "outage_ends"."ended_at_ms")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outage_ends_outage_id_unique` ON `outage_ends` (`outage_id`);--> statement-breakpoint
CREATE INDEX `outage_ends_entry_seq` ON `outage_ends` (`entry_seq`);--> statement-breakpoint
CREATE TABLE `outages` (
	`id` text PRIMARY KEY NOT NULL,
	`started_at_ms` integer NOT NULL,
	`cause` text NOT NULL,
	`reported_by_user_id` text NOT NULL,
	`recorded_at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outages_recorded_after_start" CHECK("outages"."recorded_at_ms" >= "outages"."started_at_ms")
);
--> statement-breakpoint
CREATE INDEX `outages_entry_seq` ON `outages` (`entry_seq`);--> statement-breakpoint
CREATE TABLE `paper_leaf_ranges` (
	`id` text PRIMARY KEY NOT NULL,
	`book_id` text NOT NULL,
	`first_leaf` integer NOT NULL,
	`last_leaf` integer NOT NULL,
	`business_date` text NOT NULL,
	`outage_id` text,
	`field_order_id` text,
	`recorded_by_user_id` text NOT NULL,
	`recorded_at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`book_id`) REFERENCES `receipt_books`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outage_id`) REFERENCES `outages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`field_order_id`) REFERENCES `field_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "paper_leaf_ranges_leaves" CHECK("paper_leaf_ranges"."first_leaf" >= 1 AND "paper_leaf_ranges"."last_leaf" >= "paper_leaf_ranges"."first_leaf"),
	CONSTRAINT "paper_leaf_ranges_one_source" CHECK(("paper_leaf_ranges"."outage_id" IS NULL) <> ("paper_leaf_ranges"."field_order_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `paper_leaf_ranges_entry_seq` ON `paper_leaf_ranges` (`entry_seq`);--> statement-breakpoint
CREATE INDEX `paper_leaf_ranges_business_date` ON `paper_leaf_ranges` (`business_date`);--> statement-breakpoint
CREATE TABLE `paper_receipt_keyings` (
	`id` text PRIMARY KEY NOT NULL,
	`receipt_id` text NOT NULL,
	`book_id` text NOT NULL,
	`leaf` integer NOT NULL,
	`outage_id` text,
	`field_order_id` text,
	`keyed_by_user_id` text NOT NULL,
	`keyed_at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`book_id`) REFERENCES `receipt_books`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outage_id`) REFERENCES `outages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`field_order_id`) REFERENCES `field_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "paper_receipt_keyings_one_source" CHECK(("paper_receipt_keyings"."outage_id" IS NULL) <> ("paper_receipt_keyings"."field_order_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paper_receipt_keyings_receipt_id_unique` ON `paper_receipt_keyings` (`receipt_id`);--> statement-breakpoint
CREATE INDEX `paper_receipt_keyings_entry_seq` ON `paper_receipt_keyings` (`entry_seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `paper_receipt_keyings_leaf` ON `paper_receipt_keyings` (`book_id`,`leaf`);--> statement-breakpoint
CREATE INDEX `paper_receipt_keyings_field_order` ON `paper_receipt_keyings` (`field_order_id`);--> statement-breakpoint
CREATE TABLE `receipt_book_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`book_id` text NOT NULL,
	`holder_kind` text NOT NULL,
	`holder_terminal_slot` integer,
	`holder_user_id` text,
	`assigned_by_user_id` text NOT NULL,
	`assigned_at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`book_id`) REFERENCES `receipt_books`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "receipt_book_assignments_holder" CHECK(("receipt_book_assignments"."holder_kind" = 'office' AND "receipt_book_assignments"."holder_terminal_slot" IS NULL AND "receipt_book_assignments"."holder_user_id" IS NULL)
        OR ("receipt_book_assignments"."holder_kind" = 'terminal' AND "receipt_book_assignments"."holder_terminal_slot" BETWEEN 1 AND 9 AND "receipt_book_assignments"."holder_user_id" IS NULL)
        OR ("receipt_book_assignments"."holder_kind" = 'officer' AND "receipt_book_assignments"."holder_terminal_slot" IS NULL AND "receipt_book_assignments"."holder_user_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `receipt_book_assignments_entry_seq` ON `receipt_book_assignments` (`entry_seq`);--> statement-breakpoint
CREATE INDEX `receipt_book_assignments_book` ON `receipt_book_assignments` (`book_id`);--> statement-breakpoint
CREATE TABLE `receipt_book_closures` (
	`id` text PRIMARY KEY NOT NULL,
	`book_id` text NOT NULL,
	`closed_by_user_id` text NOT NULL,
	`closed_at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`book_id`) REFERENCES `receipt_books`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_book_closures_book_id_unique` ON `receipt_book_closures` (`book_id`);--> statement-breakpoint
CREATE INDEX `receipt_book_closures_entry_seq` ON `receipt_book_closures` (`entry_seq`);--> statement-breakpoint
CREATE TABLE `receipt_books` (
	`id` text PRIMARY KEY NOT NULL,
	`book_no` text NOT NULL,
	`first_leaf` integer NOT NULL,
	`last_leaf` integer NOT NULL,
	`fiscal_year_be` integer NOT NULL,
	`registered_by_user_id` text NOT NULL,
	`registered_at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "receipt_books_leaves" CHECK("receipt_books"."first_leaf" >= 1 AND "receipt_books"."last_leaf" >= "receipt_books"."first_leaf" AND "receipt_books"."last_leaf" - "receipt_books"."first_leaf" < 1000),
	CONSTRAINT "receipt_books_fiscal_year" CHECK("receipt_books"."fiscal_year_be" BETWEEN 2500 AND 2999)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_books_book_no_unique` ON `receipt_books` (`book_no`);--> statement-breakpoint
CREATE INDEX `receipt_books_entry_seq` ON `receipt_books` (`entry_seq`);--> statement-breakpoint
CREATE TABLE `receipt_leaf_events` (
	`id` text PRIMARY KEY NOT NULL,
	`book_id` text NOT NULL,
	`leaf` integer NOT NULL,
	`kind` text NOT NULL,
	`reason_text` text NOT NULL,
	`user_id` text NOT NULL,
	`at_ms` integer NOT NULL,
	`business_date` text NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`book_id`) REFERENCES `receipt_books`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "receipt_leaf_events_kind_known" CHECK("receipt_leaf_events"."kind" IN ('spoiled','cancelled'))
);
--> statement-breakpoint
CREATE INDEX `receipt_leaf_events_entry_seq` ON `receipt_leaf_events` (`entry_seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_leaf_events_one_per_leaf` ON `receipt_leaf_events` (`book_id`,`leaf`);
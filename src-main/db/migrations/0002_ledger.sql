CREATE TABLE `approval_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`supervisor_user_id` text NOT NULL,
	`key_base64` text NOT NULL,
	`source` text NOT NULL,
	`installed_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `bills` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`ref1` text NOT NULL,
	`ref2` text NOT NULL,
	`due_date` text NOT NULL,
	`amount_satang` integer NOT NULL,
	`created_at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `payment_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bills_ref1_15_digits" CHECK(length("bills"."ref1") = 15 AND "bills"."ref1" NOT GLOB '*[^0-9]*'),
	CONSTRAINT "bills_ref2_15_digits" CHECK(length("bills"."ref2") = 15 AND "bills"."ref2" NOT GLOB '*[^0-9]*'),
	CONSTRAINT "bills_amount_range" CHECK("bills"."amount_satang" BETWEEN 1 AND 9999999999)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bills_request_id_unique` ON `bills` (`request_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `bills_ref1_unique` ON `bills` (`ref1`);--> statement-breakpoint
CREATE TABLE `central_acks` (
	`id` text PRIMARY KEY NOT NULL,
	`high_water_seq` integer NOT NULL,
	`head_hash` text NOT NULL,
	`at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`payload_version` integer NOT NULL,
	`at_ms` integer NOT NULL,
	`business_date` text NOT NULL,
	`place` text NOT NULL,
	`terminal_slot` integer NOT NULL,
	`user_id` text,
	`payload` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	CONSTRAINT "ledger_entries_seq_positive" CHECK("ledger_entries"."seq" >= 1),
	CONSTRAINT "ledger_entries_hash_hex" CHECK(length("ledger_entries"."hash") = 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_id_unique` ON `ledger_entries` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_hash_unique` ON `ledger_entries` (`hash`);--> statement-breakpoint
CREATE INDEX `ledger_entries_kind` ON `ledger_entries` (`kind`);--> statement-breakpoint
CREATE TABLE `number_counters` (
	`scope` text PRIMARY KEY NOT NULL,
	`last_value` integer NOT NULL,
	CONSTRAINT "number_counters_non_negative" CHECK("number_counters"."last_value" >= 0)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`hash` text NOT NULL,
	`payload_version` integer NOT NULL,
	`created_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_entry_id_unique` ON `outbox` (`entry_id`);--> statement-breakpoint
CREATE TABLE `payment_confirmations` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`source` text NOT NULL,
	`bank_code` text,
	`paid_at_ms` integer NOT NULL,
	`bank_reference` text NOT NULL,
	`amount_satang` integer NOT NULL,
	`recorded_by_user_id` text,
	`at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payment_confirmations_source_known" CHECK("payment_confirmations"."source" IN ('bank-file','central','provisional')),
	CONSTRAINT "payment_confirmations_amount_positive" CHECK("payment_confirmations"."amount_satang" >= 1)
);
--> statement-breakpoint
CREATE INDEX `payment_confirmations_bill` ON `payment_confirmations` (`bill_id`);--> statement-breakpoint
CREATE TABLE `payment_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`request_no` text NOT NULL,
	`request_type` text NOT NULL,
	`request_subtype` text NOT NULL,
	`payer_name` text NOT NULL,
	`payer_id_kind` text,
	`payer_id` text,
	`fine_order_no` text,
	`fine_issuing_officer` text,
	`is_manual_fine_entry` integer NOT NULL,
	`revenue_code` text NOT NULL,
	`amount_satang` integer NOT NULL,
	`instalment_no` integer,
	`due_date` text NOT NULL,
	`business_date` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	`created_by_user_id` text NOT NULL,
	`place` text NOT NULL,
	`terminal_slot` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payment_requests_amount_range" CHECK("payment_requests"."amount_satang" BETWEEN 1 AND 9999999999),
	CONSTRAINT "payment_requests_payer_id_kind" CHECK(("payment_requests"."payer_id_kind" IS NULL AND "payment_requests"."payer_id" IS NULL) OR ("payment_requests"."payer_id_kind" IN ('national-id','company-id') AND length("payment_requests"."payer_id") = 13)),
	CONSTRAINT "payment_requests_type_known" CHECK("payment_requests"."request_type" IN ('1','2')),
	CONSTRAINT "payment_requests_instalment" CHECK("payment_requests"."instalment_no" IS NULL OR "payment_requests"."instalment_no" BETWEEN 1 AND 99),
	CONSTRAINT "payment_requests_revenue_code_6_digits" CHECK(length("payment_requests"."revenue_code") = 6 AND "payment_requests"."revenue_code" NOT GLOB '*[^0-9]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_requests_request_no_unique` ON `payment_requests` (`request_no`);--> statement-breakpoint
CREATE TABLE `receipt_events` (
	`id` text PRIMARY KEY NOT NULL,
	`receipt_id` text NOT NULL,
	`kind` text NOT NULL,
	`copy_no` integer,
	`user_id` text NOT NULL,
	`supervisor_user_id` text,
	`approval_method` text,
	`reason_code` text,
	`reason_text` text,
	`approval_code` text,
	`at_ms` integer NOT NULL,
	`business_date` text NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "receipt_events_kind_known" CHECK("receipt_events"."kind" IN ('printed','reprinted','cancelled')),
	CONSTRAINT "receipt_events_supervised" CHECK("receipt_events"."kind" = 'printed' OR ("receipt_events"."supervisor_user_id" IS NOT NULL AND "receipt_events"."reason_code" IS NOT NULL AND "receipt_events"."approval_method" IN ('in-person','offline-code','central'))),
	CONSTRAINT "receipt_events_copy_numbered" CHECK("receipt_events"."kind" <> 'reprinted' OR "receipt_events"."copy_no" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_events_one_original_print` ON `receipt_events` (`receipt_id`) WHERE "receipt_events"."kind" = 'printed';--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_events_one_cancel` ON `receipt_events` (`receipt_id`) WHERE "receipt_events"."kind" = 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_events_copy_no` ON `receipt_events` (`receipt_id`,`copy_no`) WHERE "receipt_events"."kind" = 'reprinted';--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_events_code_once` ON `receipt_events` (`approval_code`) WHERE "receipt_events"."approval_code" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`book` text NOT NULL,
	`number` integer NOT NULL,
	`is_paper` integer NOT NULL,
	`business_date` text NOT NULL,
	`request_id` text,
	`bill_id` text,
	`payer_name` text NOT NULL,
	`payer_id` text,
	`items` text NOT NULL,
	`revenue_code` text NOT NULL,
	`amount_satang` integer NOT NULL,
	`method` text NOT NULL,
	`method_detail` text,
	`payment_confirmation_id` text,
	`receiver_user_id` text NOT NULL,
	`receiver_name_th` text NOT NULL,
	`receiver_position_th` text NOT NULL,
	`issued_at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `payment_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "receipts_number_positive" CHECK("receipts"."number" >= 1),
	CONSTRAINT "receipts_amount_range" CHECK("receipts"."amount_satang" BETWEEN 1 AND 9999999999),
	CONSTRAINT "receipts_method_known" CHECK("receipts"."method" IN ('cash','cheque','draft','cashier-cheque','bill-payment')),
	CONSTRAINT "receipts_bill_payment_confirmed" CHECK("receipts"."method" <> 'bill-payment' OR "receipts"."payment_confirmation_id" IS NOT NULL),
	CONSTRAINT "receipts_electronic_has_bill" CHECK("receipts"."is_paper" = 1 OR ("receipts"."bill_id" IS NOT NULL AND "receipts"."request_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_book_number` ON `receipts` (`book`,`number`);--> statement-breakpoint
CREATE INDEX `receipts_bill` ON `receipts` (`bill_id`);--> statement-breakpoint
CREATE INDEX `receipts_business_date` ON `receipts` (`business_date`);--> statement-breakpoint
CREATE TABLE `request_events` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`kind` text NOT NULL,
	`user_id` text NOT NULL,
	`supervisor_user_id` text NOT NULL,
	`reason_code` text NOT NULL,
	`reason_text` text,
	`approval_method` text NOT NULL,
	`approval_code` text,
	`at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `payment_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "request_events_kind_known" CHECK("request_events"."kind" IN ('cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `request_events_one_cancel` ON `request_events` (`request_id`) WHERE "request_events"."kind" = 'cancelled';
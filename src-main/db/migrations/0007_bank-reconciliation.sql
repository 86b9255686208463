CREATE TABLE `bank_exception_resolutions` (
	`id` text PRIMARY KEY NOT NULL,
	`exception_id` text NOT NULL,
	`action` text NOT NULL,
	`ref1` text,
	`confirmation_id` text,
	`note` text NOT NULL,
	`user_id` text NOT NULL,
	`at_ms` integer NOT NULL,
	FOREIGN KEY (`exception_id`) REFERENCES `bank_exceptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmation_id`) REFERENCES `payment_confirmations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bank_exception_resolutions_action_known" CHECK("bank_exception_resolutions"."action" IN ('match-by-hand','note','refund-request')),
	CONSTRAINT "bank_exception_resolutions_match_confirmed" CHECK(("bank_exception_resolutions"."action" = 'match-by-hand') = ("bank_exception_resolutions"."confirmation_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `bank_exception_resolutions_exception` ON `bank_exception_resolutions` (`exception_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `bank_exception_resolutions_one_closing` ON `bank_exception_resolutions` (`exception_id`) WHERE "bank_exception_resolutions"."action" IN ('match-by-hand','refund-request');--> statement-breakpoint
CREATE TABLE `bank_exceptions` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`kind` text NOT NULL,
	`bill_id` text,
	`detail` text NOT NULL,
	`at_ms` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `bank_payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bank_exceptions_kind_known" CHECK("bank_exceptions"."kind" IN ('unknown-reference','ref2-check-digits','reference-mismatch','other-office','amount-differs','already-paid','bill-cancelled','paid-after-due','provisional-contradicted','debit-record'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_exceptions_payment_id_unique` ON `bank_exceptions` (`payment_id`);--> statement-breakpoint
CREATE TABLE `bank_files` (
	`id` text PRIMARY KEY NOT NULL,
	`sha256` text NOT NULL,
	`format` text NOT NULL,
	`layout_id` text NOT NULL,
	`byte_count` integer NOT NULL,
	`content` blob NOT NULL,
	`bank_code` text,
	`company_account` text,
	`effective_date` text,
	`line_count` integer NOT NULL,
	`matched_count` integer NOT NULL,
	`exception_count` integer NOT NULL,
	`duplicate_count` integer NOT NULL,
	`credit_total_satang` integer NOT NULL,
	`imported_by_user_id` text,
	`imported_at_ms` integer NOT NULL,
	CONSTRAINT "bank_files_format_known" CHECK("bank_files"."format" IN ('ktb256','csv')),
	CONSTRAINT "bank_files_sha256_hex" CHECK(length("bank_files"."sha256") = 64),
	CONSTRAINT "bank_files_size" CHECK("bank_files"."byte_count" = length("bank_files"."content")),
	CONSTRAINT "bank_files_lines_accounted" CHECK("bank_files"."line_count" = "bank_files"."matched_count" + "bank_files"."exception_count" + "bank_files"."duplicate_count")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_files_sha256_unique` ON `bank_files` (`sha256`);--> statement-breakpoint
CREATE TABLE `bank_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`sequence_no` integer,
	`bank_code` text NOT NULL,
	`company_account` text NOT NULL,
	`payment_date` text NOT NULL,
	`payment_time` text NOT NULL,
	`paid_at_ms` integer NOT NULL,
	`ref1` text NOT NULL,
	`ref2` text NOT NULL,
	`ref3` text NOT NULL,
	`customer_name` text NOT NULL,
	`branch_no` text NOT NULL,
	`teller_no` text NOT NULL,
	`kind` text NOT NULL,
	`transaction_code` text NOT NULL,
	`amount_satang` integer NOT NULL,
	`occurrence` integer NOT NULL,
	`outcome` text NOT NULL,
	`bill_id` text,
	`confirmation_id` text,
	`at_ms` integer NOT NULL,
	FOREIGN KEY (`file_id`) REFERENCES `bank_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmation_id`) REFERENCES `payment_confirmations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bank_payments_kind_known" CHECK("bank_payments"."kind" IN ('C','D')),
	CONSTRAINT "bank_payments_outcome_known" CHECK("bank_payments"."outcome" IN ('matched','exception')),
	CONSTRAINT "bank_payments_matched_confirmed" CHECK(("bank_payments"."outcome" = 'matched') = ("bank_payments"."confirmation_id" IS NOT NULL)),
	CONSTRAINT "bank_payments_amount_positive" CHECK("bank_payments"."amount_satang" >= 1),
	CONSTRAINT "bank_payments_occurrence_positive" CHECK("bank_payments"."occurrence" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_payments_identity` ON `bank_payments` (`bank_code`,`company_account`,`payment_date`,`payment_time`,`ref1`,`ref2`,`amount_satang`,`branch_no`,`teller_no`,`kind`,`occurrence`);--> statement-breakpoint
CREATE INDEX `bank_payments_file` ON `bank_payments` (`file_id`);--> statement-breakpoint
CREATE INDEX `bank_payments_bill` ON `bank_payments` (`bill_id`);
CREATE TABLE `province_payment_outbox` (
	`payment_id` text PRIMARY KEY NOT NULL,
	`place` text NOT NULL,
	`ref1` text NOT NULL,
	`bank_code` text NOT NULL,
	`bank_reference` text NOT NULL,
	`paid_at_ms` integer NOT NULL,
	`amount_satang` integer NOT NULL,
	`source_file` text NOT NULL,
	`queued_at_ms` integer NOT NULL,
	`sent_at_ms` integer,
	FOREIGN KEY (`payment_id`) REFERENCES `bank_payments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "province_payment_outbox_amount_positive" CHECK("province_payment_outbox"."amount_satang" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `province_payment_outbox_key` ON `province_payment_outbox` (`bank_code`,`bank_reference`);--> statement-breakpoint
CREATE INDEX `province_payment_outbox_unsent` ON `province_payment_outbox` (`queued_at_ms`) WHERE "province_payment_outbox"."sent_at_ms" IS NULL;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_bank_files` (
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
	`forwarded_count` integer DEFAULT 0 NOT NULL,
	`credit_total_satang` integer NOT NULL,
	`imported_by_user_id` text,
	`imported_at_ms` integer NOT NULL,
	CONSTRAINT "bank_files_format_known" CHECK("__new_bank_files"."format" IN ('ktb256','csv')),
	CONSTRAINT "bank_files_sha256_hex" CHECK(length("__new_bank_files"."sha256") = 64),
	CONSTRAINT "bank_files_size" CHECK("__new_bank_files"."byte_count" = length("__new_bank_files"."content")),
	CONSTRAINT "bank_files_lines_accounted" CHECK("__new_bank_files"."line_count" = "__new_bank_files"."matched_count" + "__new_bank_files"."exception_count" + "__new_bank_files"."duplicate_count" + "__new_bank_files"."forwarded_count")
);
--> statement-breakpoint
INSERT INTO `__new_bank_files`("id", "sha256", "format", "layout_id", "byte_count", "content", "bank_code", "company_account", "effective_date", "line_count", "matched_count", "exception_count", "duplicate_count", "forwarded_count", "credit_total_satang", "imported_by_user_id", "imported_at_ms") SELECT "id", "sha256", "format", "layout_id", "byte_count", "content", "bank_code", "company_account", "effective_date", "line_count", "matched_count", "exception_count", "duplicate_count", 0, "credit_total_satang", "imported_by_user_id", "imported_at_ms" FROM `bank_files`;--> statement-breakpoint
DROP TABLE `bank_files`;--> statement-breakpoint
ALTER TABLE `__new_bank_files` RENAME TO `bank_files`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `bank_files_sha256_unique` ON `bank_files` (`sha256`);--> statement-breakpoint
CREATE TABLE `__new_bank_payments` (
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
	CONSTRAINT "bank_payments_kind_known" CHECK("__new_bank_payments"."kind" IN ('C','D')),
	CONSTRAINT "bank_payments_outcome_known" CHECK("__new_bank_payments"."outcome" IN ('matched','exception','forwarded')),
	CONSTRAINT "bank_payments_matched_confirmed" CHECK(("__new_bank_payments"."outcome" = 'matched') = ("__new_bank_payments"."confirmation_id" IS NOT NULL)),
	CONSTRAINT "bank_payments_amount_positive" CHECK("__new_bank_payments"."amount_satang" >= 1),
	CONSTRAINT "bank_payments_occurrence_positive" CHECK("__new_bank_payments"."occurrence" >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_bank_payments`("id", "file_id", "line_no", "sequence_no", "bank_code", "company_account", "payment_date", "payment_time", "paid_at_ms", "ref1", "ref2", "ref3", "customer_name", "branch_no", "teller_no", "kind", "transaction_code", "amount_satang", "occurrence", "outcome", "bill_id", "confirmation_id", "at_ms") SELECT "id", "file_id", "line_no", "sequence_no", "bank_code", "company_account", "payment_date", "payment_time", "paid_at_ms", "ref1", "ref2", "ref3", "customer_name", "branch_no", "teller_no", "kind", "transaction_code", "amount_satang", "occurrence", "outcome", "bill_id", "confirmation_id", "at_ms" FROM `bank_payments`;--> statement-breakpoint
DROP TABLE `bank_payments`;--> statement-breakpoint
ALTER TABLE `__new_bank_payments` RENAME TO `bank_payments`;--> statement-breakpoint
CREATE UNIQUE INDEX `bank_payments_identity` ON `bank_payments` (`bank_code`,`company_account`,`payment_date`,`payment_time`,`ref1`,`ref2`,`amount_satang`,`branch_no`,`teller_no`,`kind`,`occurrence`);--> statement-breakpoint
CREATE INDEX `bank_payments_file` ON `bank_payments` (`file_id`);--> statement-breakpoint
CREATE INDEX `bank_payments_bill` ON `bank_payments` (`bill_id`);--> statement-breakpoint
-- Hand-written (issue 11, forwarded lines): the two rebuilt tables keep their append-only triggers (0008).
CREATE TRIGGER `bank_files_no_update` BEFORE UPDATE ON `bank_files` BEGIN SELECT RAISE(ABORT, 'append-only: bank_files rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `bank_files_no_delete` BEFORE DELETE ON `bank_files` BEGIN SELECT RAISE(ABORT, 'append-only: bank_files rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `bank_payments_no_update` BEFORE UPDATE ON `bank_payments` BEGIN SELECT RAISE(ABORT, 'append-only: bank_payments rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `bank_payments_no_delete` BEFORE DELETE ON `bank_payments` BEGIN SELECT RAISE(ABORT, 'append-only: bank_payments rows are never deleted'); END;
--> statement-breakpoint
-- The queue is never deleted from; only sent_at_ms is ever set, once.
CREATE TRIGGER `province_payment_outbox_no_delete` BEFORE DELETE ON `province_payment_outbox` BEGIN SELECT RAISE(ABORT, 'province_payment_outbox rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `province_payment_outbox_sent_once` BEFORE UPDATE ON `province_payment_outbox`
  WHEN OLD.sent_at_ms IS NOT NULL OR NEW.sent_at_ms IS NULL OR NEW.payment_id IS NOT OLD.payment_id OR NEW.place IS NOT OLD.place OR NEW.ref1 IS NOT OLD.ref1
    OR NEW.bank_code IS NOT OLD.bank_code OR NEW.bank_reference IS NOT OLD.bank_reference OR NEW.paid_at_ms IS NOT OLD.paid_at_ms
    OR NEW.amount_satang IS NOT OLD.amount_satang OR NEW.source_file IS NOT OLD.source_file OR NEW.queued_at_ms IS NOT OLD.queued_at_ms
  BEGIN SELECT RAISE(ABORT, 'province_payment_outbox: only sent_at_ms is set, once'); END;

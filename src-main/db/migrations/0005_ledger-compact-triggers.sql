-- Completes 0004 (docs/decisions/0003-compact-ledger.md).
-- 1. 0004 rebuilt ledger_entries (payload nullable, prev_hash gone, hash as 32 bytes); its triggers
--    went with the old table.
-- 2. Each business row's entry_seq references its ledger entry, which is written after the rows
--    (its hash covers them). That one foreign key per table is DEFERRABLE INITIALLY DEFERRED, checked
--    at commit. The connection-wide `defer_foreign_keys` used before deferred every key, so every
--    insert into a parent table (payment_requests, receipts) scanned its unindexed children for
--    pending violations: an action got slower as the ledger grew (9 ms at 20,000 receipts).
--    drizzle-kit cannot write DEFERRABLE: a later drizzle rebuild of these tables must keep it
--    (tests/db/migrations.test.ts checks it).
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries` BEGIN SELECT RAISE(ABORT, 'append-only: ledger_entries rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_delete` BEFORE DELETE ON `ledger_entries` BEGIN SELECT RAISE(ABORT, 'append-only: ledger_entries rows are never deleted'); END;
--> statement-breakpoint
-- The chain: a gapless sequence. The link to the entry before is inside the hash itself
-- (hash = SHA-256(previous row's hash ‖ entry)), recomputed by `ebill ledger verify`.
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_chain_links` BEFORE INSERT ON `ledger_entries` WHEN NEW.`seq` <> (SELECT coalesce(max(`seq`), 0) + 1 FROM `ledger_entries`) BEGIN SELECT RAISE(ABORT, 'ledger: an entry must follow the head of the chain (gapless seq)'); END;
--> statement-breakpoint
-- An outbox row belongs to an entry written in the same transaction: the entry is written first.
--> statement-breakpoint
CREATE TRIGGER `outbox_follows_entry` BEFORE INSERT ON `outbox` WHEN NOT EXISTS (SELECT 1 FROM `ledger_entries` WHERE `seq` = NEW.`seq`) BEGIN SELECT RAISE(ABORT, 'outbox: a row names an entry that exists'); END;
--> statement-breakpoint
-- Triggers are recreated below: a table rebuild drops them, and RENAME checks every trigger.
--> statement-breakpoint
DROP TRIGGER `payment_requests_no_update`;
--> statement-breakpoint
DROP TRIGGER `payment_requests_no_delete`;
--> statement-breakpoint
DROP TRIGGER `bills_no_update`;
--> statement-breakpoint
DROP TRIGGER `bills_no_delete`;
--> statement-breakpoint
DROP TRIGGER `receipts_no_update`;
--> statement-breakpoint
DROP TRIGGER `receipts_no_delete`;
--> statement-breakpoint
DROP TRIGGER `receipt_events_no_update`;
--> statement-breakpoint
DROP TRIGGER `receipt_events_no_delete`;
--> statement-breakpoint
DROP TRIGGER `payment_confirmations_no_update`;
--> statement-breakpoint
DROP TRIGGER `payment_confirmations_no_delete`;
--> statement-breakpoint
DROP TRIGGER `request_events_no_update`;
--> statement-breakpoint
DROP TRIGGER `request_events_no_delete`;
--> statement-breakpoint
DROP TRIGGER `receipts_gapless_book`;
--> statement-breakpoint
DROP TRIGGER `receipts_one_active_per_bill`;
--> statement-breakpoint
DROP TRIGGER `receipt_events_no_print_after_cancel`;
--> statement-breakpoint
-- payment_requests: entry_seq's foreign key deferred by itself (see the top of this file).
--> statement-breakpoint
CREATE TABLE `__new_payment_requests` (
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
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "payment_requests_amount_range" CHECK("__new_payment_requests"."amount_satang" BETWEEN 1 AND 9999999999),
	CONSTRAINT "payment_requests_payer_id_kind" CHECK(("__new_payment_requests"."payer_id_kind" IS NULL AND "__new_payment_requests"."payer_id" IS NULL) OR ("__new_payment_requests"."payer_id_kind" IN ('national-id','company-id') AND length("__new_payment_requests"."payer_id") = 13)),
	CONSTRAINT "payment_requests_type_known" CHECK("__new_payment_requests"."request_type" IN ('1','2')),
	CONSTRAINT "payment_requests_instalment" CHECK("__new_payment_requests"."instalment_no" IS NULL OR "__new_payment_requests"."instalment_no" BETWEEN 1 AND 99),
	CONSTRAINT "payment_requests_revenue_code_6_digits" CHECK(length("__new_payment_requests"."revenue_code") = 6 AND "__new_payment_requests"."revenue_code" NOT GLOB '*[^0-9]*')
);
--> statement-breakpoint
INSERT INTO `__new_payment_requests` ("id", "request_no", "request_type", "request_subtype", "payer_name", "payer_id_kind", "payer_id", "fine_order_no", "fine_issuing_officer", "is_manual_fine_entry", "revenue_code", "amount_satang", "instalment_no", "due_date", "business_date", "created_at_ms", "created_by_user_id", "place", "terminal_slot", "entry_seq") SELECT "id", "request_no", "request_type", "request_subtype", "payer_name", "payer_id_kind", "payer_id", "fine_order_no", "fine_issuing_officer", "is_manual_fine_entry", "revenue_code", "amount_satang", "instalment_no", "due_date", "business_date", "created_at_ms", "created_by_user_id", "place", "terminal_slot", "entry_seq" FROM `payment_requests` ORDER BY rowid;
--> statement-breakpoint
DROP TABLE `payment_requests`;
--> statement-breakpoint
ALTER TABLE `__new_payment_requests` RENAME TO `payment_requests`;
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_requests_request_no_unique` ON `payment_requests` (`request_no`);
--> statement-breakpoint
CREATE INDEX `payment_requests_entry_seq` ON `payment_requests` (`entry_seq`);
--> statement-breakpoint
-- bills: entry_seq's foreign key deferred by itself (see the top of this file).
--> statement-breakpoint
CREATE TABLE `__new_bills` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`ref1` text NOT NULL,
	`ref2` text NOT NULL,
	`due_date` text NOT NULL,
	`amount_satang` integer NOT NULL,
	`created_at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `payment_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "bills_ref1_15_digits" CHECK(length("__new_bills"."ref1") = 15 AND "__new_bills"."ref1" NOT GLOB '*[^0-9]*'),
	CONSTRAINT "bills_ref2_15_digits" CHECK(length("__new_bills"."ref2") = 15 AND "__new_bills"."ref2" NOT GLOB '*[^0-9]*'),
	CONSTRAINT "bills_amount_range" CHECK("__new_bills"."amount_satang" BETWEEN 1 AND 9999999999)
);
--> statement-breakpoint
INSERT INTO `__new_bills` ("id", "request_id", "ref1", "ref2", "due_date", "amount_satang", "created_at_ms", "entry_seq") SELECT "id", "request_id", "ref1", "ref2", "due_date", "amount_satang", "created_at_ms", "entry_seq" FROM `bills` ORDER BY rowid;
--> statement-breakpoint
DROP TABLE `bills`;
--> statement-breakpoint
ALTER TABLE `__new_bills` RENAME TO `bills`;
--> statement-breakpoint
CREATE UNIQUE INDEX `bills_request_id_unique` ON `bills` (`request_id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `bills_ref1_unique` ON `bills` (`ref1`);
--> statement-breakpoint
CREATE INDEX `bills_entry_seq` ON `bills` (`entry_seq`);
--> statement-breakpoint
-- receipts: entry_seq's foreign key deferred by itself (see the top of this file).
--> statement-breakpoint
CREATE TABLE `__new_receipts` (
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
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "receipts_number_positive" CHECK("__new_receipts"."number" >= 1),
	CONSTRAINT "receipts_amount_range" CHECK("__new_receipts"."amount_satang" BETWEEN 1 AND 9999999999),
	CONSTRAINT "receipts_method_known" CHECK("__new_receipts"."method" IN ('cash','cheque','draft','cashier-cheque','bill-payment')),
	CONSTRAINT "receipts_bill_payment_confirmed" CHECK("__new_receipts"."method" <> 'bill-payment' OR "__new_receipts"."payment_confirmation_id" IS NOT NULL),
	CONSTRAINT "receipts_electronic_has_bill" CHECK("__new_receipts"."is_paper" = 1 OR ("__new_receipts"."bill_id" IS NOT NULL AND "__new_receipts"."request_id" IS NOT NULL))
);
--> statement-breakpoint
INSERT INTO `__new_receipts` ("id", "book", "number", "is_paper", "business_date", "request_id", "bill_id", "payer_name", "payer_id", "items", "revenue_code", "amount_satang", "method", "method_detail", "payment_confirmation_id", "receiver_user_id", "receiver_name_th", "receiver_position_th", "issued_at_ms", "entry_seq") SELECT "id", "book", "number", "is_paper", "business_date", "request_id", "bill_id", "payer_name", "payer_id", "items", "revenue_code", "amount_satang", "method", "method_detail", "payment_confirmation_id", "receiver_user_id", "receiver_name_th", "receiver_position_th", "issued_at_ms", "entry_seq" FROM `receipts` ORDER BY rowid;
--> statement-breakpoint
DROP TABLE `receipts`;
--> statement-breakpoint
ALTER TABLE `__new_receipts` RENAME TO `receipts`;
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_book_number` ON `receipts` (`book`,`number`);
--> statement-breakpoint
CREATE INDEX `receipts_bill` ON `receipts` (`bill_id`);
--> statement-breakpoint
CREATE INDEX `receipts_business_date` ON `receipts` (`business_date`);
--> statement-breakpoint
CREATE INDEX `receipts_entry_seq` ON `receipts` (`entry_seq`);
--> statement-breakpoint
-- receipt_events: entry_seq's foreign key deferred by itself (see the top of this file).
--> statement-breakpoint
CREATE TABLE `__new_receipt_events` (
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
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "receipt_events_kind_known" CHECK("__new_receipt_events"."kind" IN ('printed','reprinted','cancelled')),
	CONSTRAINT "receipt_events_supervised" CHECK("__new_receipt_events"."kind" = 'printed' OR ("__new_receipt_events"."supervisor_user_id" IS NOT NULL AND "__new_receipt_events"."reason_code" IS NOT NULL AND "__new_receipt_events"."approval_method" IN ('in-person','offline-code','central'))),
	CONSTRAINT "receipt_events_copy_numbered" CHECK("__new_receipt_events"."kind" <> 'reprinted' OR "__new_receipt_events"."copy_no" >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_receipt_events` ("id", "receipt_id", "kind", "copy_no", "user_id", "supervisor_user_id", "approval_method", "reason_code", "reason_text", "approval_code", "at_ms", "business_date", "entry_seq") SELECT "id", "receipt_id", "kind", "copy_no", "user_id", "supervisor_user_id", "approval_method", "reason_code", "reason_text", "approval_code", "at_ms", "business_date", "entry_seq" FROM `receipt_events` ORDER BY rowid;
--> statement-breakpoint
DROP TABLE `receipt_events`;
--> statement-breakpoint
ALTER TABLE `__new_receipt_events` RENAME TO `receipt_events`;
--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_events_one_original_print` ON `receipt_events` (`receipt_id`) WHERE "receipt_events"."kind" = 'printed';
--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_events_one_cancel` ON `receipt_events` (`receipt_id`) WHERE "receipt_events"."kind" = 'cancelled';
--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_events_copy_no` ON `receipt_events` (`receipt_id`,`copy_no`) WHERE "receipt_events"."kind" = 'reprinted';
--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_events_code_once` ON `receipt_events` (`approval_code`) WHERE "receipt_events"."approval_code" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `receipt_events_entry_seq` ON `receipt_events` (`entry_seq`);
--> statement-breakpoint
-- payment_confirmations: entry_seq's foreign key deferred by itself (see the top of this file).
--> statement-breakpoint
CREATE TABLE `__new_payment_confirmations` (
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
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "payment_confirmations_source_known" CHECK("__new_payment_confirmations"."source" IN ('bank-file','central','provisional')),
	CONSTRAINT "payment_confirmations_amount_positive" CHECK("__new_payment_confirmations"."amount_satang" >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_payment_confirmations` ("id", "bill_id", "source", "bank_code", "paid_at_ms", "bank_reference", "amount_satang", "recorded_by_user_id", "at_ms", "entry_seq") SELECT "id", "bill_id", "source", "bank_code", "paid_at_ms", "bank_reference", "amount_satang", "recorded_by_user_id", "at_ms", "entry_seq" FROM `payment_confirmations` ORDER BY rowid;
--> statement-breakpoint
DROP TABLE `payment_confirmations`;
--> statement-breakpoint
ALTER TABLE `__new_payment_confirmations` RENAME TO `payment_confirmations`;
--> statement-breakpoint
CREATE INDEX `payment_confirmations_bill` ON `payment_confirmations` (`bill_id`);
--> statement-breakpoint
CREATE INDEX `payment_confirmations_entry_seq` ON `payment_confirmations` (`entry_seq`);
--> statement-breakpoint
-- request_events: entry_seq's foreign key deferred by itself (see the top of this file).
--> statement-breakpoint
CREATE TABLE `__new_request_events` (
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
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "request_events_kind_known" CHECK("__new_request_events"."kind" IN ('cancelled'))
);
--> statement-breakpoint
INSERT INTO `__new_request_events` ("id", "request_id", "kind", "user_id", "supervisor_user_id", "reason_code", "reason_text", "approval_method", "approval_code", "at_ms", "entry_seq") SELECT "id", "request_id", "kind", "user_id", "supervisor_user_id", "reason_code", "reason_text", "approval_method", "approval_code", "at_ms", "entry_seq" FROM `request_events` ORDER BY rowid;
--> statement-breakpoint
DROP TABLE `request_events`;
--> statement-breakpoint
ALTER TABLE `__new_request_events` RENAME TO `request_events`;
--> statement-breakpoint
CREATE UNIQUE INDEX `request_events_one_cancel` ON `request_events` (`request_id`) WHERE "request_events"."kind" = 'cancelled';
--> statement-breakpoint
CREATE INDEX `request_events_entry_seq` ON `request_events` (`entry_seq`);
--> statement-breakpoint
CREATE TRIGGER `payment_requests_no_update` BEFORE UPDATE ON `payment_requests` BEGIN SELECT RAISE(ABORT, 'append-only: payment_requests rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `payment_requests_no_delete` BEFORE DELETE ON `payment_requests` BEGIN SELECT RAISE(ABORT, 'append-only: payment_requests rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `bills_no_update` BEFORE UPDATE ON `bills` BEGIN SELECT RAISE(ABORT, 'append-only: bills rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `bills_no_delete` BEFORE DELETE ON `bills` BEGIN SELECT RAISE(ABORT, 'append-only: bills rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `receipts_no_update` BEFORE UPDATE ON `receipts` BEGIN SELECT RAISE(ABORT, 'append-only: receipts rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `receipts_no_delete` BEFORE DELETE ON `receipts` BEGIN SELECT RAISE(ABORT, 'append-only: receipts rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `receipt_events_no_update` BEFORE UPDATE ON `receipt_events` BEGIN SELECT RAISE(ABORT, 'append-only: receipt_events rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `receipt_events_no_delete` BEFORE DELETE ON `receipt_events` BEGIN SELECT RAISE(ABORT, 'append-only: receipt_events rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `payment_confirmations_no_update` BEFORE UPDATE ON `payment_confirmations` BEGIN SELECT RAISE(ABORT, 'append-only: payment_confirmations rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `payment_confirmations_no_delete` BEFORE DELETE ON `payment_confirmations` BEGIN SELECT RAISE(ABORT, 'append-only: payment_confirmations rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `request_events_no_update` BEFORE UPDATE ON `request_events` BEGIN SELECT RAISE(ABORT, 'append-only: request_events rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `request_events_no_delete` BEFORE DELETE ON `request_events` BEGIN SELECT RAISE(ABORT, 'append-only: request_events rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `receipts_gapless_book` BEFORE INSERT ON `receipts` WHEN NEW.`is_paper` = 0 AND NEW.`number` <> (SELECT coalesce(max(`number`), 0) + 1 FROM `receipts` WHERE `book` = NEW.`book`) BEGIN SELECT RAISE(ABORT, 'receipts: an electronic book is numbered without gaps'); END;
--> statement-breakpoint
CREATE TRIGGER `receipts_one_active_per_bill` BEFORE INSERT ON `receipts` WHEN NEW.`bill_id` IS NOT NULL AND EXISTS (SELECT 1 FROM `receipts` r WHERE r.`bill_id` = NEW.`bill_id` AND NOT EXISTS (SELECT 1 FROM `receipt_events` e WHERE e.`receipt_id` = r.`id` AND e.`kind` = 'cancelled')) BEGIN SELECT RAISE(ABORT, 'receipts: this bill already has a receipt that is not cancelled'); END;
--> statement-breakpoint
CREATE TRIGGER `receipt_events_no_print_after_cancel` BEFORE INSERT ON `receipt_events` WHEN NEW.`kind` = 'printed' AND EXISTS (SELECT 1 FROM `receipt_events` e WHERE e.`receipt_id` = NEW.`receipt_id` AND e.`kind` = 'cancelled') BEGIN SELECT RAISE(ABORT, 'receipts: a cancelled receipt is not printed as an original'); END;

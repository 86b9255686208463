-- Issue 5, the ratio and size targets (docs/decisions/0003-compact-ledger.md, "Later: fewer
-- B-trees per receipt"). Every B-tree a cash receipt touches is one more page written to the WAL
-- and fsynced at commit, and one more copy of a key on disk:
-- 1. payment_requests, bills and receipts: `entry_seq` becomes the rowid (INTEGER PRIMARY KEY), so
--    its separate index goes (rows are found by entry through the table itself), and one row per
--    entry per table is now a constraint; `id` stays unique (a UNIQUE index, as the primary key's
--    was). Its foreign key stays DEFERRABLE INITIALLY DEFERRED (0005), and a trigger refuses a row
--    without entry_seq (SQLite would otherwise number it).
-- 2. bills_request_id_unique goes: a bill is written by its request's entry (trigger
--    bills_same_entry_as_request), so one bill per request follows from entry_seq being unique;
--    bills and requests are joined on entry_seq.
-- 3. ledger_entries_business_date (0017) is replaced by ledger_days: the first entry of each
--    business date, written once per date by a trigger. Completeness per day counts from there.
-- Triggers on or naming these tables are dropped first and recreated as they were: a table
-- rebuild drops its own, and RENAME checks every trigger.
--> statement-breakpoint
CREATE TABLE `ledger_days` (
	`business_date` text PRIMARY KEY NOT NULL,
	`first_seq` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `ledger_days` (`business_date`, `first_seq`) SELECT `business_date`, min(`seq`) FROM `ledger_entries` GROUP BY `business_date`;
--> statement-breakpoint
CREATE TRIGGER `ledger_days_first_entry` AFTER INSERT ON `ledger_entries` BEGIN INSERT OR IGNORE INTO `ledger_days` (`business_date`, `first_seq`) VALUES (NEW.`business_date`, NEW.`seq`); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_days_no_update` BEFORE UPDATE ON `ledger_days` BEGIN SELECT RAISE(ABORT, 'append-only: ledger_days rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_days_no_delete` BEFORE DELETE ON `ledger_days` BEGIN SELECT RAISE(ABORT, 'append-only: ledger_days rows are never deleted'); END;
--> statement-breakpoint
DROP INDEX `ledger_entries_business_date`;
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
DROP TRIGGER `receipts_gapless_book`;
--> statement-breakpoint
DROP TRIGGER `receipts_one_active_per_bill`;
--> statement-breakpoint
DROP TRIGGER `receipt_events_no_print_after_cancel`;
--> statement-breakpoint
DROP TRIGGER `receipts_not_after_close`;
--> statement-breakpoint
CREATE TABLE `__new_payment_requests` (
	`id` text NOT NULL,
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
	`entry_seq` integer PRIMARY KEY NOT NULL,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "payment_requests_amount_range" CHECK("__new_payment_requests"."amount_satang" BETWEEN 1 AND 9999999999),
	CONSTRAINT "payment_requests_payer_id_kind" CHECK(("__new_payment_requests"."payer_id_kind" IS NULL AND "__new_payment_requests"."payer_id" IS NULL) OR ("__new_payment_requests"."payer_id_kind" IN ('national-id','company-id') AND length("__new_payment_requests"."payer_id") = 13)),
	CONSTRAINT "payment_requests_type_known" CHECK("__new_payment_requests"."request_type" IN ('1','2')),
	CONSTRAINT "payment_requests_instalment" CHECK("__new_payment_requests"."instalment_no" IS NULL OR "__new_payment_requests"."instalment_no" BETWEEN 1 AND 99),
	CONSTRAINT "payment_requests_revenue_code_6_digits" CHECK(length("__new_payment_requests"."revenue_code") = 6 AND "__new_payment_requests"."revenue_code" NOT GLOB '*[^0-9]*')
);
--> statement-breakpoint
CREATE TRIGGER `payment_requests_entry_seq_given` BEFORE INSERT ON `__new_payment_requests` WHEN NEW.`entry_seq` IS NULL OR NEW.`entry_seq` < 1 BEGIN SELECT RAISE(ABORT, 'ledger: a payment_requests row names its ledger entry (entry_seq)'); END;
--> statement-breakpoint
INSERT INTO `__new_payment_requests`("id", "request_no", "request_type", "request_subtype", "payer_name", "payer_id_kind", "payer_id", "fine_order_no", "fine_issuing_officer", "is_manual_fine_entry", "revenue_code", "amount_satang", "instalment_no", "due_date", "business_date", "created_at_ms", "created_by_user_id", "place", "terminal_slot", "entry_seq") SELECT "id", "request_no", "request_type", "request_subtype", "payer_name", "payer_id_kind", "payer_id", "fine_order_no", "fine_issuing_officer", "is_manual_fine_entry", "revenue_code", "amount_satang", "instalment_no", "due_date", "business_date", "created_at_ms", "created_by_user_id", "place", "terminal_slot", "entry_seq" FROM `payment_requests`;
--> statement-breakpoint
DROP TABLE `payment_requests`;
--> statement-breakpoint
ALTER TABLE `__new_payment_requests` RENAME TO `payment_requests`;
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_requests_id_unique` ON `payment_requests` (`id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_requests_request_no_unique` ON `payment_requests` (`request_no`);
--> statement-breakpoint
CREATE TABLE `__new_bills` (
	`id` text NOT NULL,
	`request_id` text NOT NULL,
	`ref1` text NOT NULL,
	`ref2` text NOT NULL,
	`due_date` text NOT NULL,
	`amount_satang` integer NOT NULL,
	`created_at_ms` integer NOT NULL,
	`entry_seq` integer PRIMARY KEY NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `payment_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "bills_ref1_15_digits" CHECK(length("__new_bills"."ref1") = 15 AND "__new_bills"."ref1" NOT GLOB '*[^0-9]*'),
	CONSTRAINT "bills_ref2_15_digits" CHECK(length("__new_bills"."ref2") = 15 AND "__new_bills"."ref2" NOT GLOB '*[^0-9]*'),
	CONSTRAINT "bills_amount_range" CHECK("__new_bills"."amount_satang" BETWEEN 1 AND 9999999999)
);
--> statement-breakpoint
CREATE TRIGGER `bills_entry_seq_given` BEFORE INSERT ON `__new_bills` WHEN NEW.`entry_seq` IS NULL OR NEW.`entry_seq` < 1 BEGIN SELECT RAISE(ABORT, 'ledger: a bills row names its ledger entry (entry_seq)'); END;
--> statement-breakpoint
-- A bill is written by its request's own entry: with entry_seq unique, one bill per request (what bills_request_id_unique said). Checked on the rows copied here too.
--> statement-breakpoint
CREATE TRIGGER `bills_same_entry_as_request` BEFORE INSERT ON `__new_bills` WHEN NOT EXISTS (SELECT 1 FROM `payment_requests` r WHERE r.`id` = NEW.`request_id` AND r.`entry_seq` = NEW.`entry_seq`) BEGIN SELECT RAISE(ABORT, 'ledger: a bill is written by the entry of its request'); END;
--> statement-breakpoint
INSERT INTO `__new_bills`("id", "request_id", "ref1", "ref2", "due_date", "amount_satang", "created_at_ms", "entry_seq") SELECT "id", "request_id", "ref1", "ref2", "due_date", "amount_satang", "created_at_ms", "entry_seq" FROM `bills`;
--> statement-breakpoint
DROP TABLE `bills`;
--> statement-breakpoint
ALTER TABLE `__new_bills` RENAME TO `bills`;
--> statement-breakpoint
CREATE UNIQUE INDEX `bills_id_unique` ON `bills` (`id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `bills_ref1_unique` ON `bills` (`ref1`);
--> statement-breakpoint
CREATE TABLE `__new_receipts` (
	`id` text NOT NULL,
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
	`entry_seq` integer PRIMARY KEY NOT NULL,
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
CREATE TRIGGER `receipts_entry_seq_given` BEFORE INSERT ON `__new_receipts` WHEN NEW.`entry_seq` IS NULL OR NEW.`entry_seq` < 1 BEGIN SELECT RAISE(ABORT, 'ledger: a receipts row names its ledger entry (entry_seq)'); END;
--> statement-breakpoint
INSERT INTO `__new_receipts`("id", "book", "number", "is_paper", "business_date", "request_id", "bill_id", "payer_name", "payer_id", "items", "revenue_code", "amount_satang", "method", "method_detail", "payment_confirmation_id", "receiver_user_id", "receiver_name_th", "receiver_position_th", "issued_at_ms", "entry_seq") SELECT "id", "book", "number", "is_paper", "business_date", "request_id", "bill_id", "payer_name", "payer_id", "items", "revenue_code", "amount_satang", "method", "method_detail", "payment_confirmation_id", "receiver_user_id", "receiver_name_th", "receiver_position_th", "issued_at_ms", "entry_seq" FROM `receipts`;
--> statement-breakpoint
DROP TABLE `receipts`;
--> statement-breakpoint
ALTER TABLE `__new_receipts` RENAME TO `receipts`;
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_id_unique` ON `receipts` (`id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_book_number` ON `receipts` (`book`,`number`);
--> statement-breakpoint
CREATE INDEX `receipts_bill` ON `receipts` (`bill_id`);
--> statement-breakpoint
CREATE INDEX `receipts_business_date` ON `receipts` (`business_date`);
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
CREATE TRIGGER `receipts_gapless_book` BEFORE INSERT ON `receipts` WHEN NEW.`is_paper` = 0 AND NEW.`number` <> (SELECT coalesce(max(`number`), 0) + 1 FROM `receipts` WHERE `book` = NEW.`book`) BEGIN SELECT RAISE(ABORT, 'receipts: an electronic book is numbered without gaps'); END;
--> statement-breakpoint
CREATE TRIGGER `receipts_one_active_per_bill` BEFORE INSERT ON `receipts` WHEN NEW.`bill_id` IS NOT NULL AND EXISTS (SELECT 1 FROM `receipts` r WHERE r.`bill_id` = NEW.`bill_id` AND NOT EXISTS (SELECT 1 FROM `receipt_events` e WHERE e.`receipt_id` = r.`id` AND e.`kind` = 'cancelled')) BEGIN SELECT RAISE(ABORT, 'receipts: this bill already has a receipt that is not cancelled'); END;
--> statement-breakpoint
CREATE TRIGGER `receipt_events_no_print_after_cancel` BEFORE INSERT ON `receipt_events` WHEN NEW.`kind` = 'printed' AND EXISTS (SELECT 1 FROM `receipt_events` e WHERE e.`receipt_id` = NEW.`receipt_id` AND e.`kind` = 'cancelled') BEGIN SELECT RAISE(ABORT, 'receipts: a cancelled receipt is not printed as an original'); END;
--> statement-breakpoint
CREATE TRIGGER `receipts_not_after_close` BEFORE INSERT ON `receipts` WHEN NEW.`is_paper` = 0 AND EXISTS (SELECT 1 FROM `day_closes` WHERE `business_date` = NEW.`business_date` AND `kind` = 'close') BEGIN SELECT RAISE(ABORT, 'day closed: no receipt may carry a business date that is already closed'); END;

-- Ledger invariants the database enforces itself (issue 5; design.md "The ledger").
--> statement-breakpoint
-- Append-only tables: rows are never updated or deleted; states are new event rows.
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries` BEGIN SELECT RAISE(ABORT, 'append-only: ledger_entries rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_delete` BEFORE DELETE ON `ledger_entries` BEGIN SELECT RAISE(ABORT, 'append-only: ledger_entries rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `outbox_no_update` BEFORE UPDATE ON `outbox` BEGIN SELECT RAISE(ABORT, 'append-only: outbox rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `outbox_no_delete` BEFORE DELETE ON `outbox` BEGIN SELECT RAISE(ABORT, 'append-only: outbox rows are never deleted'); END;
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
CREATE TRIGGER `approval_keys_no_update` BEFORE UPDATE ON `approval_keys` BEGIN SELECT RAISE(ABORT, 'append-only: approval_keys rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `approval_keys_no_delete` BEFORE DELETE ON `approval_keys` BEGIN SELECT RAISE(ABORT, 'append-only: approval_keys rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `central_acks_no_update` BEFORE UPDATE ON `central_acks` BEGIN SELECT RAISE(ABORT, 'append-only: central_acks rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `central_acks_no_delete` BEFORE DELETE ON `central_acks` BEGIN SELECT RAISE(ABORT, 'append-only: central_acks rows are never deleted'); END;
--> statement-breakpoint
-- The chain: gapless sequence, each entry linked to the one before it.
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_chain_links` BEFORE INSERT ON `ledger_entries` WHEN NEW.`seq` <> (SELECT coalesce(max(`seq`), 0) + 1 FROM `ledger_entries`) OR NEW.`prev_hash` <> coalesce((SELECT `hash` FROM `ledger_entries` ORDER BY `seq` DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') BEGIN SELECT RAISE(ABORT, 'ledger: an entry must follow the head of the chain (gapless seq, prev_hash = head hash)'); END;
--> statement-breakpoint
-- Counters only ever move up by one and are never removed: nothing is renumbered or reused.
--> statement-breakpoint
CREATE TRIGGER `number_counters_step_one` BEFORE UPDATE ON `number_counters` WHEN NEW.`last_value` <> OLD.`last_value` + 1 OR NEW.`scope` <> OLD.`scope` BEGIN SELECT RAISE(ABORT, 'numbering: a counter only moves up by one'); END;
--> statement-breakpoint
CREATE TRIGGER `number_counters_no_delete` BEFORE DELETE ON `number_counters` BEGIN SELECT RAISE(ABORT, 'numbering: counters are never deleted'); END;
--> statement-breakpoint
-- Electronic books are gapless: the next number is exactly one more than the last.
--> statement-breakpoint
CREATE TRIGGER `receipts_gapless_book` BEFORE INSERT ON `receipts` WHEN NEW.`is_paper` = 0 AND NEW.`number` <> (SELECT coalesce(max(`number`), 0) + 1 FROM `receipts` WHERE `book` = NEW.`book`) BEGIN SELECT RAISE(ABORT, 'receipts: an electronic book is numbered without gaps'); END;
--> statement-breakpoint
-- A bill has at most one receipt that is not cancelled.
--> statement-breakpoint
CREATE TRIGGER `receipts_one_active_per_bill` BEFORE INSERT ON `receipts` WHEN NEW.`bill_id` IS NOT NULL AND EXISTS (SELECT 1 FROM `receipts` r WHERE r.`bill_id` = NEW.`bill_id` AND NOT EXISTS (SELECT 1 FROM `receipt_events` e WHERE e.`receipt_id` = r.`id` AND e.`kind` = 'cancelled')) BEGIN SELECT RAISE(ABORT, 'receipts: this bill already has a receipt that is not cancelled'); END;
--> statement-breakpoint
-- The original is printed once, and never after the receipt was cancelled.
--> statement-breakpoint
CREATE TRIGGER `receipt_events_no_print_after_cancel` BEFORE INSERT ON `receipt_events` WHEN NEW.`kind` = 'printed' AND EXISTS (SELECT 1 FROM `receipt_events` e WHERE e.`receipt_id` = NEW.`receipt_id` AND e.`kind` = 'cancelled') BEGIN SELECT RAISE(ABORT, 'receipts: a cancelled receipt is not printed as an original'); END;

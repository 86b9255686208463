-- Bank reconciliation facts are append-only (issue 9; design.md "The ledger"): a file imported, its
-- payments, their exceptions and resolutions are never updated or deleted. db/append-only.ts lists them.
CREATE TRIGGER `bank_files_no_update` BEFORE UPDATE ON `bank_files` BEGIN SELECT RAISE(ABORT, 'append-only: bank_files rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `bank_files_no_delete` BEFORE DELETE ON `bank_files` BEGIN SELECT RAISE(ABORT, 'append-only: bank_files rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `bank_payments_no_update` BEFORE UPDATE ON `bank_payments` BEGIN SELECT RAISE(ABORT, 'append-only: bank_payments rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `bank_payments_no_delete` BEFORE DELETE ON `bank_payments` BEGIN SELECT RAISE(ABORT, 'append-only: bank_payments rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `bank_exceptions_no_update` BEFORE UPDATE ON `bank_exceptions` BEGIN SELECT RAISE(ABORT, 'append-only: bank_exceptions rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `bank_exceptions_no_delete` BEFORE DELETE ON `bank_exceptions` BEGIN SELECT RAISE(ABORT, 'append-only: bank_exceptions rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `bank_exception_resolutions_no_update` BEFORE UPDATE ON `bank_exception_resolutions` BEGIN SELECT RAISE(ABORT, 'append-only: bank_exception_resolutions rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `bank_exception_resolutions_no_delete` BEFORE DELETE ON `bank_exception_resolutions` BEGIN SELECT RAISE(ABORT, 'append-only: bank_exception_resolutions rows are never deleted'); END;

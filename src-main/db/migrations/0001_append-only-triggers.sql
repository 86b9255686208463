-- Append-only tables (design.md "The ledger"): rows are never updated or deleted.
-- drizzle-kit table rebuilds drop hand-written triggers: db/append-only.ts lists every trigger that
-- must exist; opening the database, `doctor` and a test check them after all migrations.
CREATE TRIGGER `database_info_no_update` BEFORE UPDATE ON `database_info` BEGIN SELECT RAISE(ABORT, 'append-only: database_info is never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `database_info_no_delete` BEFORE DELETE ON `database_info` BEGIN SELECT RAISE(ABORT, 'append-only: database_info is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `terminal_binding_no_update` BEFORE UPDATE ON `terminal_binding` BEGIN SELECT RAISE(ABORT, 'append-only: terminal_binding rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `terminal_binding_no_delete` BEFORE DELETE ON `terminal_binding` BEGIN SELECT RAISE(ABORT, 'append-only: terminal_binding rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'append-only: audit_log rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'append-only: audit_log rows are never deleted'); END;

-- The laptop taken under a field order (issue 8; src-main/books/schema.ts): a ledger table (decision 0003),
-- its entry_seq key DEFERRABLE INITIALLY DEFERRED by hand (drizzle-kit cannot write it), append-only
-- (db/append-only.ts lists it).
CREATE TABLE `field_order_terminals` (
	`id` text PRIMARY KEY NOT NULL,
	`field_order_id` text NOT NULL,
	`terminal_slot` integer NOT NULL,
	`recorded_by_user_id` text NOT NULL,
	`recorded_at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`field_order_id`) REFERENCES `field_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "field_order_terminals_slot" CHECK("field_order_terminals"."terminal_slot" BETWEEN 1 AND 9)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `field_order_terminals_field_order_id_unique` ON `field_order_terminals` (`field_order_id`);--> statement-breakpoint
CREATE INDEX `field_order_terminals_entry_seq` ON `field_order_terminals` (`entry_seq`);
--> statement-breakpoint
CREATE TRIGGER `field_order_terminals_no_update` BEFORE UPDATE ON `field_order_terminals` BEGIN SELECT RAISE(ABORT, 'append-only: field_order_terminals rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `field_order_terminals_no_delete` BEFORE DELETE ON `field_order_terminals` BEGIN SELECT RAISE(ABORT, 'append-only: field_order_terminals rows are never deleted'); END;

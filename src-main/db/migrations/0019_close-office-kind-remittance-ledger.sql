ALTER TABLE `office` ADD `kind` text DEFAULT 'district' NOT NULL;--> statement-breakpoint
-- office.kind is 'district' or 'provincial' (issue 10: who remits bill payments). A trigger rather than
-- a CHECK, as in 0010: a CHECK would make drizzle-kit rebuild the office table.
CREATE TRIGGER `office_kind_known_insert` BEFORE INSERT ON `office` WHEN NEW.`kind` NOT IN ('district','provincial') BEGIN SELECT RAISE(ABORT, 'office.kind must be district or provincial'); END;
--> statement-breakpoint
CREATE TRIGGER `office_kind_known_update` BEFORE UPDATE OF `kind` ON `office` WHEN NEW.`kind` NOT IN ('district','provincial') BEGIN SELECT RAISE(ABORT, 'office.kind must be district or provincial'); END;
--> statement-breakpoint
-- Deduction rates and remittance records become ledger rows (issue 10, decision 0003): each is written
-- by a ledger entry (`deduction-rate.set`, `remittance.recorded`) whose hash covers it. The entry_seq key
-- is DEFERRABLE INITIALLY DEFERRED by hand (drizzle-kit cannot write it; the entry is written after its
-- row). Rows written before this migration have no entry (NULL) and stay outside the chain.
ALTER TABLE `deduction_rates` ADD `entry_seq` integer REFERENCES ledger_entries(seq) DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
CREATE INDEX `deduction_rates_entry_seq` ON `deduction_rates` (`entry_seq`);--> statement-breakpoint
ALTER TABLE `remittances` ADD `entry_seq` integer REFERENCES ledger_entries(seq) DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
CREATE INDEX `remittances_entry_seq` ON `remittances` (`entry_seq`);--> statement-breakpoint
CREATE TRIGGER `deduction_rates_need_entry` BEFORE INSERT ON `deduction_rates` WHEN NEW.`entry_seq` IS NULL BEGIN SELECT RAISE(ABORT, 'ledger: a deduction_rates row is written by its ledger entry (entry_seq)'); END;
--> statement-breakpoint
CREATE TRIGGER `remittances_need_entry` BEFORE INSERT ON `remittances` WHEN NEW.`entry_seq` IS NULL BEGIN SELECT RAISE(ABORT, 'ledger: a remittances row is written by its ledger entry (entry_seq)'); END;

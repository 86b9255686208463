-- Day close, deduction rates and remittances are append-only (issue 10; design.md "The ledger").
-- db/append-only.ts lists them.
CREATE TRIGGER `day_closes_no_update` BEFORE UPDATE ON `day_closes` BEGIN SELECT RAISE(ABORT, 'append-only: day_closes rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `day_closes_no_delete` BEFORE DELETE ON `day_closes` BEGIN SELECT RAISE(ABORT, 'append-only: day_closes rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `deduction_rates_no_update` BEFORE UPDATE ON `deduction_rates` BEGIN SELECT RAISE(ABORT, 'append-only: deduction_rates rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `deduction_rates_no_delete` BEFORE DELETE ON `deduction_rates` BEGIN SELECT RAISE(ABORT, 'append-only: deduction_rates rows are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `remittances_no_update` BEFORE UPDATE ON `remittances` BEGIN SELECT RAISE(ABORT, 'append-only: remittances rows are never updated'); END;
--> statement-breakpoint
CREATE TRIGGER `remittances_no_delete` BEFORE DELETE ON `remittances` BEGIN SELECT RAISE(ABORT, 'append-only: remittances rows are never deleted'); END;
--> statement-breakpoint
-- A closed day stays closed (design.md "The ledger"): once a date has its close, no electronic
-- receipt carries that date. Paper receipts keyed later go into a supplementary close of that day.
CREATE TRIGGER `receipts_not_after_close` BEFORE INSERT ON `receipts` WHEN NEW.`is_paper` = 0 AND EXISTS (SELECT 1 FROM `day_closes` WHERE `business_date` = NEW.`business_date` AND `kind` = 'close') BEGIN SELECT RAISE(ABORT, 'day closed: no receipt may carry a business date that is already closed'); END;

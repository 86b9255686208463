ALTER TABLE `office` ADD `kind` text DEFAULT 'district' NOT NULL;--> statement-breakpoint
-- office.kind is 'district' or 'provincial' (issue 10: who remits bill payments). A trigger rather than
-- a CHECK, as in 0010: a CHECK would make drizzle-kit rebuild the office table.
CREATE TRIGGER `office_kind_known_insert` BEFORE INSERT ON `office` WHEN NEW.`kind` NOT IN ('district','provincial') BEGIN SELECT RAISE(ABORT, 'office.kind must be district or provincial'); END;
--> statement-breakpoint
CREATE TRIGGER `office_kind_known_update` BEFORE UPDATE OF `kind` ON `office` WHEN NEW.`kind` NOT IN ('district','provincial') BEGIN SELECT RAISE(ABORT, 'office.kind must be district or provincial'); END;

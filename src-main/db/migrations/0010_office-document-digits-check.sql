-- office.document_digits is 'arabic' or 'thai' (design.md "Documents"). A trigger rather than a CHECK:
-- adding a CHECK makes drizzle-kit rebuild the office table (0009 only adds the column).
CREATE TRIGGER `office_document_digits_known_insert` BEFORE INSERT ON `office` WHEN NEW.`document_digits` NOT IN ('arabic','thai') BEGIN SELECT RAISE(ABORT, 'office.document_digits must be arabic or thai'); END;
--> statement-breakpoint
CREATE TRIGGER `office_document_digits_known_update` BEFORE UPDATE OF `document_digits` ON `office` WHEN NEW.`document_digits` NOT IN ('arabic','thai') BEGIN SELECT RAISE(ABORT, 'office.document_digits must be arabic or thai'); END;

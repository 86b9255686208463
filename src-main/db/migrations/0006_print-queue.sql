CREATE TABLE `print_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`document_kind` text NOT NULL,
	`receipt_id` text,
	`ref1` text,
	`purpose` text NOT NULL,
	`copy_no` integer,
	`adapter` text NOT NULL,
	`device_name` text,
	`paper` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer NOT NULL,
	`last_error` text,
	`created_by_user_id` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	`updated_at_ms` integer NOT NULL,
	`confirmed_by_user_id` text,
	`confirmed_at_ms` integer,
	CONSTRAINT "print_jobs_kind_known" CHECK("print_jobs"."document_kind" IN ('bill-slip','request-form','receipt')),
	CONSTRAINT "print_jobs_purpose_known" CHECK("print_jobs"."purpose" IN ('original','reprint','document')),
	CONSTRAINT "print_jobs_state_known" CHECK("print_jobs"."state" IN ('queued','sent','failed','confirmed')),
	CONSTRAINT "print_jobs_adapter_known" CHECK("print_jobs"."adapter" IN ('pdf-file','lp','electron')),
	CONSTRAINT "print_jobs_receipt_referenced" CHECK(("print_jobs"."document_kind" = 'receipt') = ("print_jobs"."receipt_id" IS NOT NULL)),
	CONSTRAINT "print_jobs_bill_referenced" CHECK("print_jobs"."document_kind" = 'receipt' OR "print_jobs"."ref1" IS NOT NULL),
	CONSTRAINT "print_jobs_receipt_purpose" CHECK(("print_jobs"."document_kind" = 'receipt') = ("print_jobs"."purpose" IN ('original','reprint'))),
	CONSTRAINT "print_jobs_reprint_numbered" CHECK(("print_jobs"."purpose" = 'reprint') = ("print_jobs"."copy_no" IS NOT NULL)),
	CONSTRAINT "print_jobs_confirmed_by" CHECK(("print_jobs"."state" = 'confirmed') = ("print_jobs"."confirmed_by_user_id" IS NOT NULL)),
	CONSTRAINT "print_jobs_attempts" CHECK("print_jobs"."attempts" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `print_jobs_one_original` ON `print_jobs` (`receipt_id`) WHERE "print_jobs"."purpose" = 'original';--> statement-breakpoint
CREATE UNIQUE INDEX `print_jobs_one_per_copy` ON `print_jobs` (`receipt_id`,`copy_no`) WHERE "print_jobs"."purpose" = 'reprint';--> statement-breakpoint
CREATE INDEX `print_jobs_state` ON `print_jobs` (`state`);--> statement-breakpoint
CREATE TABLE `printer_settings` (
	`document_kind` text PRIMARY KEY NOT NULL,
	`adapter` text NOT NULL,
	`device_name` text,
	`paper` text NOT NULL,
	`updated_by_user_id` text NOT NULL,
	`updated_at_ms` integer NOT NULL,
	CONSTRAINT "printer_settings_kind_known" CHECK("printer_settings"."document_kind" IN ('bill-slip','request-form','receipt')),
	CONSTRAINT "printer_settings_adapter_known" CHECK("printer_settings"."adapter" IN ('pdf-file','lp','electron')),
	CONSTRAINT "printer_settings_paper_known" CHECK("printer_settings"."paper" IN ('A4','A5','thermal-80'))
);

-- Day close (a ledger table, decision 0003: its entry_seq key is DEFERRABLE INITIALLY DEFERRED by hand,
-- drizzle-kit cannot write it), deduction rates and remittance records (issue 10).
CREATE TABLE `day_closes` (
	`id` text PRIMARY KEY NOT NULL,
	`business_date` text NOT NULL,
	`kind` text NOT NULL,
	`is_late` integer NOT NULL,
	`receiver_user_id` text,
	`receipt_count` integer NOT NULL,
	`total_satang` integer NOT NULL,
	`cash_expected_satang` integer NOT NULL,
	`cash_counted_satang` integer NOT NULL,
	`variance_satang` integer NOT NULL,
	`variance_reason` text,
	`counted` text NOT NULL,
	`unconfirmed_count` integer NOT NULL,
	`chain_head_seq` integer NOT NULL,
	`chain_head_hash` text NOT NULL,
	`closed_by_user_id` text NOT NULL,
	`at_ms` integer NOT NULL,
	`entry_seq` integer NOT NULL,
	FOREIGN KEY (`entry_seq`) REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "day_closes_kind_known" CHECK("day_closes"."kind" IN ('shift','close','supplementary')),
	CONSTRAINT "day_closes_shift_has_receiver" CHECK(("day_closes"."kind" = 'shift') = ("day_closes"."receiver_user_id" IS NOT NULL)),
	CONSTRAINT "day_closes_late_is_supplementary" CHECK("day_closes"."is_late" = ("day_closes"."kind" = 'supplementary')),
	CONSTRAINT "day_closes_variance" CHECK("day_closes"."variance_satang" = "day_closes"."cash_counted_satang" - "day_closes"."cash_expected_satang"),
	CONSTRAINT "day_closes_variance_reason" CHECK("day_closes"."variance_satang" = 0 OR length(trim("day_closes"."variance_reason")) > 0),
	CONSTRAINT "day_closes_counts" CHECK("day_closes"."receipt_count" >= 0 AND "day_closes"."unconfirmed_count" >= 0 AND "day_closes"."cash_counted_satang" >= 0 AND "day_closes"."cash_expected_satang" >= 0),
	CONSTRAINT "day_closes_head_hash" CHECK(length("day_closes"."chain_head_hash") = 64)
);
--> statement-breakpoint
CREATE INDEX `day_closes_entry_seq` ON `day_closes` (`entry_seq`);--> statement-breakpoint
CREATE INDEX `day_closes_business_date` ON `day_closes` (`business_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `day_closes_one_close` ON `day_closes` (`business_date`) WHERE "day_closes"."kind" = 'close';--> statement-breakpoint
CREATE TABLE `deduction_rates` (
	`id` text PRIMARY KEY NOT NULL,
	`revenue_code` text NOT NULL,
	`reward_basis_points` integer NOT NULL,
	`cost_basis_points` integer NOT NULL,
	`set_by_user_id` text NOT NULL,
	`at_ms` integer NOT NULL,
	CONSTRAINT "deduction_rates_range" CHECK("deduction_rates"."reward_basis_points" >= 0 AND "deduction_rates"."cost_basis_points" >= 0 AND "deduction_rates"."reward_basis_points" + "deduction_rates"."cost_basis_points" <= 10000)
);
--> statement-breakpoint
CREATE INDEX `deduction_rates_code` ON `deduction_rates` (`revenue_code`,`at_ms`);--> statement-breakpoint
CREATE TABLE `remittances` (
	`id` text PRIMARY KEY NOT NULL,
	`business_date` text NOT NULL,
	`scope` text NOT NULL,
	`amount_satang` integer NOT NULL,
	`deducted_satang` integer NOT NULL,
	`bank_reference` text NOT NULL,
	`remitted_at_ms` integer NOT NULL,
	`recorded_by_user_id` text NOT NULL,
	`at_ms` integer NOT NULL,
	CONSTRAINT "remittances_scope_known" CHECK("remittances"."scope" IN ('cash','bill-payment')),
	CONSTRAINT "remittances_amounts" CHECK("remittances"."amount_satang" >= 0 AND "remittances"."deducted_satang" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `remittances_one_per_day` ON `remittances` (`business_date`,`scope`);
-- The office side of sync (issue 11): enrollment and its key pair (saved before the request is sent), central's signed acks, pull cursors, pulled fine orders and approvals asked through central. Not ledger tables: sync writes no ledger entries.
--> statement-breakpoint
CREATE TABLE `central_ack_proofs` (
	`ack_id` text PRIMARY KEY NOT NULL,
	`key_id` text NOT NULL,
	`signature_base64` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `central_approval_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`action` text NOT NULL,
	`subject` text NOT NULL,
	`reason_code` text NOT NULL,
	`reason_text` text NOT NULL,
	`business_date` text NOT NULL,
	`requested_by_user_id` text NOT NULL,
	`requested_at_ms` integer NOT NULL,
	`is_sent` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`supervisor_username` text,
	`supervisor_name_th` text,
	`decided_at_ms` integer
);
--> statement-breakpoint
CREATE TABLE `central_fine_orders` (
	`order_no` text PRIMARY KEY NOT NULL,
	`place` text NOT NULL,
	`revenue_code` text NOT NULL,
	`offender_name` text NOT NULL,
	`offender_id` text,
	`amount_satang` integer NOT NULL,
	`issued_date` text NOT NULL,
	`law` text NOT NULL,
	`pulled_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_enrollments` (
	`id` text PRIMARY KEY NOT NULL,
	`server_url` text NOT NULL,
	`key_id` text NOT NULL,
	`place` text NOT NULL,
	`terminal_slot` integer NOT NULL,
	`private_key_pkcs8_base64` text NOT NULL,
	`public_key_spki_base64` text NOT NULL,
	`server_public_key_spki_base64` text NOT NULL,
	`enrolled_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_pending_keys` (
	`code_sha256` text PRIMARY KEY NOT NULL,
	`private_key_pkcs8_base64` text NOT NULL,
	`public_key_spki_base64` text NOT NULL,
	`created_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_pull_cursors` (
	`stream` text PRIMARY KEY NOT NULL,
	`after_cursor` integer NOT NULL
);

CREATE TABLE `central_ack_proofs` (
	`ack_id` text PRIMARY KEY NOT NULL,
	`key_id` text NOT NULL,
	`signature_base64` text NOT NULL
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

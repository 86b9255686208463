CREATE TABLE `sync_pending_keys` (
	`code_sha256` text PRIMARY KEY NOT NULL,
	`private_key_pkcs8_base64` text NOT NULL,
	`public_key_spki_base64` text NOT NULL,
	`created_at_ms` integer NOT NULL
);

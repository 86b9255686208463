-- Central's signature over each central_acks row is kept as that row is: never updated or deleted (issue 11).
CREATE TRIGGER `central_ack_proofs_no_update` BEFORE UPDATE ON `central_ack_proofs` BEGIN SELECT RAISE(ABORT, 'append-only: central_ack_proofs rows are never updated'); END;--> statement-breakpoint
CREATE TRIGGER `central_ack_proofs_no_delete` BEFORE DELETE ON `central_ack_proofs` BEGIN SELECT RAISE(ABORT, 'append-only: central_ack_proofs rows are never deleted'); END;

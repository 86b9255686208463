CREATE TABLE "central_confirmations" (
	"terminal_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"place" text NOT NULL,
	"confirmation_id" text NOT NULL,
	"bill_id" text NOT NULL,
	"source" text NOT NULL,
	"paid_at_ms" bigint NOT NULL,
	CONSTRAINT "central_confirmations_terminal_id_seq_pk" PRIMARY KEY("terminal_id","seq")
);
--> statement-breakpoint
CREATE TABLE "office_registry" (
	"place" text PRIMARY KEY NOT NULL,
	"province" text NOT NULL,
	"kind" text NOT NULL,
	"name_th" text,
	"set_by" text NOT NULL,
	"set_at_ms" bigint NOT NULL,
	CONSTRAINT "office_registry_kind" CHECK ("office_registry"."kind" IN ('district', 'provincial')),
	CONSTRAINT "office_registry_province" CHECK ("office_registry"."province" = substr("office_registry"."place", 1, 2))
);
--> statement-breakpoint
ALTER TABLE "central_receipts" ADD COLUMN "bill_id" text;--> statement-breakpoint
ALTER TABLE "central_receipts" ADD COLUMN "bank_date" text;--> statement-breakpoint
ALTER TABLE "central_confirmations" ADD CONSTRAINT "central_confirmations_terminal_id_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "central_confirmations_bill" ON "central_confirmations" USING btree ("terminal_id","bill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "office_registry_one_provincial" ON "office_registry" USING btree ("province") WHERE "office_registry"."kind" = 'provincial';--> statement-breakpoint
CREATE INDEX "central_receipts_bill" ON "central_receipts" USING btree ("terminal_id","bill_id") WHERE "central_receipts"."method" = 'bill-payment';--> statement-breakpoint
-- Bill payments' bank days for entries stored before this migration: the bill of each receipt, every payment confirmation (read from the stored payload text as src-server/facts.ts reads them at ingest) and the bank day of each bill payment (as storeFacts keeps it).
UPDATE "central_receipts" r SET "bill_id" = e.payload_text::jsonb->'receipt'->>'billId'
FROM "entries" e
WHERE e.terminal_id = r.terminal_id AND e.seq = r.seq AND jsonb_typeof(e.payload_text::jsonb->'receipt'->'billId') = 'string';--> statement-breakpoint
INSERT INTO "central_confirmations" ("terminal_id", "seq", "place", "confirmation_id", "bill_id", "source", "paid_at_ms")
SELECT e.terminal_id, e.seq, e.place, p.v->>'id', p.v->>'billId', p.v->>'source', (p.v->>'paidAtMs')::bigint
FROM "entries" e CROSS JOIN LATERAL (SELECT e.payload_text::jsonb->'confirmation' AS v) p
WHERE e.kind = 'payment.confirmed' AND jsonb_typeof(p.v->'id') = 'string' AND jsonb_typeof(p.v->'billId') = 'string' AND jsonb_typeof(p.v->'source') = 'string' AND jsonb_typeof(p.v->'paidAtMs') = 'number'
ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "central_receipts" r SET "bank_date" = d.day
FROM (SELECT c.terminal_id, c.bill_id, to_char(to_timestamp((coalesce(min(c.paid_at_ms) FILTER (WHERE c.source <> 'provisional'), min(c.paid_at_ms)) + 25200000) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
      FROM "central_confirmations" c GROUP BY 1, 2) d
WHERE r.terminal_id = d.terminal_id AND r.bill_id = d.bill_id AND r.method = 'bill-payment';

CREATE TABLE "central_cancellations" (
	"terminal_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"receipt_id" text NOT NULL,
	"place" text NOT NULL,
	"business_date" text NOT NULL,
	"at_ms" bigint NOT NULL,
	CONSTRAINT "central_cancellations_terminal_id_seq_pk" PRIMARY KEY("terminal_id","seq")
);
--> statement-breakpoint
CREATE TABLE "central_day_closes" (
	"terminal_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"place" text NOT NULL,
	"business_date" text NOT NULL,
	"kind" text NOT NULL,
	"total_satang" bigint NOT NULL,
	"at_ms" bigint NOT NULL,
	CONSTRAINT "central_day_closes_terminal_id_seq_pk" PRIMARY KEY("terminal_id","seq")
);
--> statement-breakpoint
CREATE TABLE "central_outages" (
	"terminal_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"outage_id" text NOT NULL,
	"place" text NOT NULL,
	"started_at_ms" bigint,
	"ended_at_ms" bigint,
	"cause" text,
	CONSTRAINT "central_outages_terminal_id_seq_pk" PRIMARY KEY("terminal_id","seq")
);
--> statement-breakpoint
CREATE TABLE "central_receipts" (
	"terminal_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"receipt_id" text NOT NULL,
	"place" text NOT NULL,
	"business_date" text NOT NULL,
	"revenue_code" text NOT NULL,
	"method" text NOT NULL,
	"amount_satang" bigint NOT NULL,
	"is_paper" boolean NOT NULL,
	CONSTRAINT "central_receipts_terminal_id_seq_pk" PRIMARY KEY("terminal_id","seq")
);
--> statement-breakpoint
CREATE TABLE "central_remittances" (
	"terminal_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"place" text NOT NULL,
	"business_date" text NOT NULL,
	"scope" text NOT NULL,
	"amount_satang" bigint NOT NULL,
	"bank_reference" text NOT NULL,
	"remitted_at_ms" bigint NOT NULL,
	CONSTRAINT "central_remittances_terminal_id_seq_pk" PRIMARY KEY("terminal_id","seq")
);
--> statement-breakpoint
ALTER TABLE "central_cancellations" ADD CONSTRAINT "central_cancellations_terminal_id_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "central_day_closes" ADD CONSTRAINT "central_day_closes_terminal_id_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "central_outages" ADD CONSTRAINT "central_outages_terminal_id_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "central_receipts" ADD CONSTRAINT "central_receipts_terminal_id_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "central_remittances" ADD CONSTRAINT "central_remittances_terminal_id_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "central_cancellations_receipt" ON "central_cancellations" USING btree ("terminal_id","receipt_id");--> statement-breakpoint
CREATE INDEX "central_outages_id" ON "central_outages" USING btree ("terminal_id","outage_id");--> statement-breakpoint
CREATE INDEX "central_receipts_id" ON "central_receipts" USING btree ("terminal_id","receipt_id");--> statement-breakpoint
CREATE INDEX "central_receipts_day" ON "central_receipts" USING btree ("place","business_date");--> statement-breakpoint
CREATE INDEX "central_remittances_day" ON "central_remittances" USING btree ("place","business_date");--> statement-breakpoint
-- Entries stored before this migration: their facts, read from the stored payload text (what src-server/facts.ts reads at ingest; rows without it are left out).
INSERT INTO "central_receipts" ("terminal_id", "seq", "receipt_id", "place", "business_date", "revenue_code", "method", "amount_satang", "is_paper")
SELECT e.terminal_id, e.seq, p.r->>'id', e.place, p.r->>'businessDate', p.r->>'revenueCode', p.r->>'method', (p.r->>'amountSatang')::bigint, (p.r->>'isPaper')::boolean
FROM "entries" e CROSS JOIN LATERAL (SELECT e.payload_text::jsonb->'receipt' AS r) p
WHERE e.kind IN ('receipt.issued', 'receipt.keyed') AND jsonb_typeof(p.r->'id') = 'string' AND jsonb_typeof(p.r->'businessDate') = 'string' AND jsonb_typeof(p.r->'revenueCode') = 'string'
  AND jsonb_typeof(p.r->'method') = 'string' AND jsonb_typeof(p.r->'amountSatang') = 'number' AND jsonb_typeof(p.r->'isPaper') = 'boolean'
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "central_cancellations" ("terminal_id", "seq", "receipt_id", "place", "business_date", "at_ms")
SELECT e.terminal_id, e.seq, p.v->>'receiptId', e.place, e.business_date, (p.v->>'atMs')::bigint
FROM "entries" e CROSS JOIN LATERAL (SELECT e.payload_text::jsonb->'event' AS v) p
WHERE e.kind = 'receipt.cancelled' AND jsonb_typeof(p.v->'receiptId') = 'string' AND jsonb_typeof(p.v->'atMs') = 'number'
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "central_remittances" ("terminal_id", "seq", "place", "business_date", "scope", "amount_satang", "bank_reference", "remitted_at_ms")
SELECT e.terminal_id, e.seq, e.place, p.v->>'businessDate', p.v->>'scope', (p.v->>'amountSatang')::bigint, p.v->>'bankReference', (p.v->>'remittedAtMs')::bigint
FROM "entries" e CROSS JOIN LATERAL (SELECT e.payload_text::jsonb->'remittance' AS v) p
WHERE e.kind = 'remittance.recorded' AND jsonb_typeof(p.v->'businessDate') = 'string' AND jsonb_typeof(p.v->'scope') = 'string' AND jsonb_typeof(p.v->'amountSatang') = 'number'
  AND jsonb_typeof(p.v->'bankReference') = 'string' AND jsonb_typeof(p.v->'remittedAtMs') = 'number'
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "central_day_closes" ("terminal_id", "seq", "place", "business_date", "kind", "total_satang", "at_ms")
SELECT e.terminal_id, e.seq, e.place, p.v->>'businessDate', p.v->>'kind', (p.v->>'totalSatang')::bigint, (p.v->>'atMs')::bigint
FROM "entries" e CROSS JOIN LATERAL (SELECT e.payload_text::jsonb->'close' AS v) p
WHERE e.kind = 'day.closed' AND jsonb_typeof(p.v->'businessDate') = 'string' AND jsonb_typeof(p.v->'kind') = 'string' AND jsonb_typeof(p.v->'totalSatang') = 'number' AND jsonb_typeof(p.v->'atMs') = 'number'
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "central_outages" ("terminal_id", "seq", "outage_id", "place", "started_at_ms", "ended_at_ms", "cause")
SELECT e.terminal_id, e.seq, coalesce(p.s->>'id', p.n->>'outageId'), e.place, (p.s->>'startedAtMs')::bigint, (p.n->>'endedAtMs')::bigint, p.s->>'cause'
FROM "entries" e CROSS JOIN LATERAL (SELECT e.payload_text::jsonb->'outage' AS s, e.payload_text::jsonb->'outageEnd' AS n) p
WHERE (e.kind = 'outage.started' AND jsonb_typeof(p.s->'id') = 'string' AND jsonb_typeof(p.s->'startedAtMs') = 'number')
   OR (e.kind = 'outage.ended' AND jsonb_typeof(p.n->'outageId') = 'string' AND jsonb_typeof(p.n->'endedAtMs') = 'number')
ON CONFLICT DO NOTHING;

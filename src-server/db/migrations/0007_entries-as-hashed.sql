-- An entry row is what the office hashed, and only that (issue 11): a receipt's amount and revenue
-- code are read from its payload into central_receipts (facts.ts), which 0004 filled for every
-- entry stored before it, so these two copies go. The ingest can then send a batch's entries before
-- their payloads are parsed, and checks them meanwhile (ingest.ts). DROP COLUMN only marks the
-- columns dropped: no table rewrite.
ALTER TABLE "entries" DROP COLUMN "receipt_satang";--> statement-breakpoint
ALTER TABLE "entries" DROP COLUMN "revenue_code";

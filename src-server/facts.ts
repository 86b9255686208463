import { z } from 'zod';
import { BANGKOK_UTC_OFFSET_MS } from '../src-shared/dates/business-date';
import { describeIssues } from '../src-shared/dates/holiday-calendar';
import { RECEIPT_METHODS } from '../src-shared/domain/reasons';
import type { SyncEntry } from '../src-shared/sync';
import type { Sql } from './db/client';
import { batchInsert, type BatchInsert, type Column } from './db/delimited';
import { CentralError } from './errors';

/**
 * The facts central reads out of the entries it stores (issues 8, 10, 11): receipts issued and keyed
 * (paper) with the bill they pay, payment confirmations (a bill payment's bank day), cancellations,
 * remittances, closes, outages. Read from each new entry's payload text (the rows the office hashed,
 * src-main/ledger/entry-payloads.ts, payload version 1) before anything is stored, and stored in the push's transaction after the entries (`central_*` tables): a payload of
 * one of these kinds that does not have what central reads is refused whole (BAD_INPUT), and since
 * only entries above the high-water mark reach here and every row is keyed by terminal and seq, a
 * repeated push stores nothing twice.
 */
const MAX_ID = 64;
const id = z.string().min(1).max(MAX_ID);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const satang = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const instantMs = z.number().int().min(0).max(2 ** 48);

/** The `receipt` part (payload key `receipt`): the columns central reads; the others pass. */
const receiptPart = z.object({ id, businessDate: day, revenueCode: z.string().regex(/^\d{6}$/), method: z.enum(RECEIPT_METHODS), amountSatang: satang, isPaper: z.boolean(), billId: id.nullish() });
const PAYLOADS = {
  'receipt.issued': z.object({ receipt: receiptPart }),
  'receipt.keyed': z.object({ receipt: receiptPart.extend({ isPaper: z.literal(true) }), keying: z.object({ receiptId: id }) }),
  'payment.confirmed': z.object({ confirmation: z.object({ id, billId: id, source: z.enum(['bank-file', 'central', 'provisional']), paidAtMs: instantMs }) }),
  'receipt.cancelled': z.object({ event: z.object({ receiptId: id, kind: z.literal('cancelled'), atMs: instantMs }) }),
  'remittance.recorded': z.object({
    remittance: z.object({ businessDate: day, scope: z.enum(['cash', 'bill-payment']), amountSatang: satang, bankReference: z.string().min(1).max(200), remittedAtMs: instantMs }),
  }),
  'day.closed': z.object({ close: z.object({ businessDate: day, kind: z.string().min(1).max(40), totalSatang: satang, atMs: instantMs }) }),
  'outage.started': z.object({ outage: z.object({ id, startedAtMs: instantMs, cause: z.string().max(2000) }) }),
  'outage.ended': z.object({ outageEnd: z.object({ outageId: id, endedAtMs: instantMs }) }),
} as const;
type FactKind = keyof typeof PAYLOADS;
/** The kinds whose payload central reads (every other kind is stored and hashed only). */
export const FACT_KINDS = Object.keys(PAYLOADS) as FactKind[];
const isFactKind = (kind: string): kind is FactKind => Object.hasOwn(PAYLOADS, kind);

interface Keyed {
  readonly seq: number;
  readonly place: string;
}
export interface ReceiptFactRow extends Keyed {
  readonly receiptId: string;
  readonly businessDate: string;
  readonly revenueCode: string;
  readonly method: string;
  readonly amountSatang: number;
  readonly isPaper: boolean;
  readonly billId: string | null;
}
export interface EntryFacts {
  readonly receipts: ReceiptFactRow[];
  readonly cancellations: (Keyed & { receiptId: string; businessDate: string; atMs: number })[];
  readonly confirmations: (Keyed & { confirmationId: string; billId: string; source: string; paidAtMs: number })[];
  readonly remittances: (Keyed & { businessDate: string; scope: string; amountSatang: number; bankReference: string; remittedAtMs: number })[];
  readonly closes: (Keyed & { businessDate: string; kind: string; totalSatang: number; atMs: number })[];
  readonly outages: (Keyed & { outageId: string; startedAtMs: number | null; endedAtMs: number | null; cause: string | null })[];
}

function parsed<K extends FactKind>(kind: K, entry: SyncEntry): z.infer<(typeof PAYLOADS)[K]> {
  if (entry.payloadVersion !== 1) throw new CentralError('BAD_INPUT', `entry ${entry.seq}: central reads ${kind} payload version 1, not ${entry.payloadVersion}`);
  let json: unknown;
  try {
    json = JSON.parse(entry.payloadText);
  } catch {
    throw new CentralError('BAD_INPUT', `entry ${entry.seq}: the payload is not JSON`);
  }
  // Receipts are most of the entries: checked by hand first; what this quick check does not accept goes to zod, which decides and says why.
  if ((kind === 'receipt.issued' || kind === 'receipt.keyed') && isReceiptPayload(json, kind === 'receipt.keyed')) return json as z.infer<(typeof PAYLOADS)[K]>;
  const result = PAYLOADS[kind].safeParse(json);
  if (!result.success) throw new CentralError('BAD_INPUT', `entry ${entry.seq}: a ${kind} payload lacks what central reads: ${describeIssues(result.error.issues)}`);
  return result.data as z.infer<(typeof PAYLOADS)[K]>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): boolean => typeof value === 'string' && value.length >= 1 && value.length <= MAX_ID;
const METHODS: ReadonlySet<unknown> = new Set(RECEIPT_METHODS);
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const REVENUE_CODE_PATTERN = /^\d{6}$/;

/**
 * Accepts only what `PAYLOADS['receipt.issued' | 'receipt.keyed']` accepts (never more: anything
 * else goes to zod), about 10× quicker; tests/sync/central-facts.test.ts compares the two.
 */
export function isReceiptPayload(json: unknown, isKeyed: boolean): boolean {
  if (!isRecord(json) || !isRecord(json['receipt'])) return false;
  const r = json['receipt'];
  const amount = r['amountSatang'];
  const isReceipt =
    isId(r['id']) &&
    typeof r['businessDate'] === 'string' &&
    DAY_PATTERN.test(r['businessDate']) &&
    typeof r['revenueCode'] === 'string' &&
    REVENUE_CODE_PATTERN.test(r['revenueCode']) &&
    METHODS.has(r['method']) &&
    typeof amount === 'number' &&
    Number.isSafeInteger(amount) &&
    amount >= 0 &&
    (isKeyed ? r['isPaper'] === true : typeof r['isPaper'] === 'boolean') &&
    (r['billId'] === undefined || r['billId'] === null || isId(r['billId']));
  if (!isReceipt) return false;
  return !isKeyed || (isRecord(json['keying']) && isId(json['keying']['receiptId']));
}

/** The zod check of a receipt payload (for the comparison in tests). */
export const receiptPayloadSchema = (isKeyed: boolean): z.ZodType => (isKeyed ? PAYLOADS['receipt.keyed'] : PAYLOADS['receipt.issued']);

/** Reads the facts of a batch's new entries; throws BAD_INPUT (before anything is stored) on a malformed payload of a kind central reads. */
export function factsOf(entries: readonly SyncEntry[]): EntryFacts {
  const facts: EntryFacts = { receipts: [], cancellations: [], confirmations: [], remittances: [], closes: [], outages: [] };
  for (const entry of entries) {
    if (!isFactKind(entry.kind)) continue;
    switch (entry.kind) {
      case 'receipt.issued':
      case 'receipt.keyed': {
        const payload = parsed(entry.kind, entry);
        const r = payload.receipt;
        if (entry.kind === 'receipt.keyed' && (payload as z.infer<(typeof PAYLOADS)['receipt.keyed']>).keying.receiptId !== r.id) {
          throw new CentralError('BAD_INPUT', `entry ${entry.seq}: a receipt.keyed payload's keying names another receipt`);
        }
        // Written out, not spread: receipts are most entries (a spread cost ~1 µs each).
        facts.receipts.push({ seq: entry.seq, place: entry.place, receiptId: r.id, businessDate: r.businessDate, revenueCode: r.revenueCode, method: r.method, amountSatang: r.amountSatang, isPaper: r.isPaper, billId: r.billId ?? null });
        break;
      }
      case 'payment.confirmed': {
        const { confirmation: c } = parsed(entry.kind, entry);
        facts.confirmations.push({ seq: entry.seq, place: entry.place, confirmationId: c.id, billId: c.billId, source: c.source, paidAtMs: c.paidAtMs });
        break;
      }
      case 'receipt.cancelled': {
        const { event } = parsed(entry.kind, entry);
        facts.cancellations.push({ seq: entry.seq, place: entry.place, receiptId: event.receiptId, businessDate: entry.businessDate, atMs: event.atMs });
        break;
      }
      case 'remittance.recorded': {
        const { remittance: r } = parsed(entry.kind, entry);
        facts.remittances.push({ seq: entry.seq, place: entry.place, businessDate: r.businessDate, scope: r.scope, amountSatang: r.amountSatang, bankReference: r.bankReference, remittedAtMs: r.remittedAtMs });
        break;
      }
      case 'day.closed': {
        const { close } = parsed(entry.kind, entry);
        facts.closes.push({ seq: entry.seq, place: entry.place, businessDate: close.businessDate, kind: close.kind, totalSatang: close.totalSatang, atMs: close.atMs });
        break;
      }
      case 'outage.started': {
        const { outage } = parsed(entry.kind, entry);
        facts.outages.push({ seq: entry.seq, place: entry.place, outageId: outage.id, startedAtMs: outage.startedAtMs, endedAtMs: null, cause: outage.cause });
        break;
      }
      case 'outage.ended': {
        const { outageEnd } = parsed(entry.kind, entry);
        facts.outages.push({ seq: entry.seq, place: entry.place, outageId: outageEnd.outageId, startedAtMs: null, endedAtMs: outageEnd.endedAtMs, cause: null });
        break;
      }
    }
  }
  return facts;
}

/**
 * The INSERTs of a batch's facts: one INSERT … SELECT FROM unnest(…) per table that has rows
 * (db/delimited.ts), keyed by terminal and seq. Only new entries have facts (above the high-water
 * mark, under the terminal's lock, in the transaction that stores the entry), so a fact row that
 * exists already is a fault: a plain INSERT fails the push on it rather than `ON CONFLICT DO
 * NOTHING` skipping it (and costs ~1.5 µs an entry less). Built while the entries are being stored
 * (ingest.ts), run by `storeFacts`.
 */
export function factInserts(terminalId: string, facts: EntryFacts): BatchInsert[] {
  const inserts: BatchInsert[] = [];
  const insertRows = <R extends Keyed>(table: string, rows: readonly R[], columns: readonly Column<R>[]): void => {
    if (rows.length === 0) return;
    const all: Column<R>[] = [{ name: 'seq', type: 'bigint', of: (r) => r.seq }, { name: 'place', type: 'text', of: (r) => r.place }, ...columns];
    inserts.push(batchInsert(table, [{ name: 'terminal_id', value: terminalId }], rows, all, '', `facts-${table}`));
  };
  insertRows('central_receipts', facts.receipts, [
    { name: 'receipt_id', type: 'text', of: (r) => r.receiptId },
    { name: 'business_date', type: 'text', of: (r) => r.businessDate },
    { name: 'revenue_code', type: 'text', of: (r) => r.revenueCode },
    { name: 'method', type: 'text', of: (r) => r.method },
    { name: 'amount_satang', type: 'bigint', of: (r) => r.amountSatang },
    { name: 'is_paper', type: 'boolean', of: (r) => r.isPaper },
    { name: 'bill_id', type: 'text', of: (r) => r.billId },
  ]);
  insertRows('central_confirmations', facts.confirmations, [
    { name: 'confirmation_id', type: 'text', of: (r) => r.confirmationId },
    { name: 'bill_id', type: 'text', of: (r) => r.billId },
    { name: 'source', type: 'text', of: (r) => r.source },
    { name: 'paid_at_ms', type: 'bigint', of: (r) => r.paidAtMs },
  ]);
  insertRows('central_cancellations', facts.cancellations, [
    { name: 'receipt_id', type: 'text', of: (r) => r.receiptId },
    { name: 'business_date', type: 'text', of: (r) => r.businessDate },
    { name: 'at_ms', type: 'bigint', of: (r) => r.atMs },
  ]);
  insertRows('central_remittances', facts.remittances, [
    { name: 'business_date', type: 'text', of: (r) => r.businessDate },
    { name: 'scope', type: 'text', of: (r) => r.scope },
    { name: 'amount_satang', type: 'bigint', of: (r) => r.amountSatang },
    { name: 'bank_reference', type: 'text', of: (r) => r.bankReference },
    { name: 'remitted_at_ms', type: 'bigint', of: (r) => r.remittedAtMs },
  ]);
  insertRows('central_day_closes', facts.closes, [
    { name: 'business_date', type: 'text', of: (r) => r.businessDate },
    { name: 'kind', type: 'text', of: (r) => r.kind },
    { name: 'total_satang', type: 'bigint', of: (r) => r.totalSatang },
    { name: 'at_ms', type: 'bigint', of: (r) => r.atMs },
  ]);
  insertRows('central_outages', facts.outages, [
    { name: 'outage_id', type: 'text', of: (r) => r.outageId },
    { name: 'started_at_ms', type: 'bigint', of: (r) => r.startedAtMs },
    { name: 'ended_at_ms', type: 'bigint', of: (r) => r.endedAtMs },
    { name: 'cause', type: 'text', of: (r) => r.cause },
  ]);
  return inserts;
}

/** Stores the facts of a batch (inside the push's transaction, after its entries), then the bank days of the bills they touch. */
export async function storeFacts(tx: Sql, terminalId: string, facts: EntryFacts, inserts: readonly BatchInsert[] = factInserts(terminalId, facts)): Promise<void> {
  for (const insert of inserts) await tx.query(insert.sql, insert.params, { prepared: insert.prepared });
  await keepBankDates(tx, terminalId, facts);
}

/**
 * A bill payment's bank day (`central_receipts.bank_date`): the Bangkok date of the earliest bank
 * payment of its bill among the terminal's confirmations (`bank-file`, `central`), else of the
 * payer's evidence (`provisional`). Kept for the bills this batch touches, a receipt's or a
 * confirmation's, whichever comes last: the provincial office remits bill payments by that day
 * (console/alarms.ts `overdueBillPayments`). The migration that made the column fills it the same way.
 */
async function keepBankDates(tx: Sql, terminalId: string, facts: EntryFacts): Promise<void> {
  const bills = new Set<string>();
  for (const r of facts.receipts) if (r.method === 'bill-payment' && r.billId !== null) bills.add(r.billId);
  for (const c of facts.confirmations) bills.add(c.billId);
  if (bills.size === 0) return;
  await tx.query(
    `UPDATE central_receipts r SET bank_date = d.day
     FROM (SELECT c.bill_id, to_char(to_timestamp((coalesce(min(c.paid_at_ms) FILTER (WHERE c.source <> 'provisional'), min(c.paid_at_ms)) + ${BANGKOK_UTC_OFFSET_MS}) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
           FROM central_confirmations c WHERE c.terminal_id = $1 AND c.bill_id = ANY($2::text[]) GROUP BY c.bill_id) d
     WHERE r.terminal_id = $1 AND r.method = 'bill-payment' AND r.bill_id = d.bill_id AND r.bank_date IS DISTINCT FROM d.day`,
    [terminalId, [...bills]],
  );
}

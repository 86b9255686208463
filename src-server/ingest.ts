import { canonicalEntryText, GENESIS_HASH } from '../src-shared/ledger-entry-text';
import type { DayCompleteness, PushRequest, PushResponse, SyncEntry } from '../src-shared/sync';
import type { CentralDb, Sql } from './db/client';
import { insertBatchCounted, type Column } from './db/delimited';
import { newId, sha256Hex, type ServerKey } from './crypto';
import { signAck } from './enrollment';
import { CentralError } from './errors';
import { FACT_KINDS, factsOf, storeFacts, type EntryFacts } from './facts';
import type { SignedBy } from './auth';

/** An alarm to record once the refused push has rolled back. */
interface AlarmRefusal {
  readonly kind: 'tamper' | 'chain-broken' | 'completeness';
  readonly seq: number | null;
}

class RefusedWithAlarm extends CentralError {
  readonly alarm: AlarmRefusal;
  constructor(code: 'TAMPERED' | 'CHAIN_BROKEN' | 'COMPLETENESS_MISMATCH', message: string, alarm: AlarmRefusal) {
    super(code, message);
    this.alarm = alarm;
  }
}

const entryHash = (prevHash: string, entry: SyncEntry): string => sha256Hex(prevHash + canonicalEntryText(entry, entry.payloadText));

interface ReceiptFacts {
  readonly receiptSatang: number | null;
  readonly revenueCode: string | null;
}

/** Every payload is JSON; those of the kinds central reads were parsed by `factsOf` already. */
function checkPayloadIsJson(entry: SyncEntry): void {
  if (FACT_KINDS_SET.has(entry.kind)) return;
  try {
    JSON.parse(entry.payloadText);
  } catch {
    throw new CentralError('BAD_INPUT', `entry ${entry.seq}: the payload is not JSON`);
  }
}
const FACT_KINDS_SET: ReadonlySet<string> = new Set(FACT_KINDS);

interface TerminalState {
  readonly place: string;
  readonly slot: number;
  readonly hw: number;
  readonly head: string;
  readonly chainSlot: number | null;
}

/**
 * Stores a batch of one terminal's chain (issue 11). Only the contiguous range after central's
 * high-water mark is new; entries at or below it are repeats and must hash to what is stored
 * ("already have it"; a different payload is TAMPERED and an alarm). Every new entry's hash is
 * recomputed and must continue the chain (CHAIN_BROKEN and an alarm otherwise). The completeness
 * of each business day is recounted from what is stored and must equal the terminal's.
 */
export async function ingest(db: CentralDb, serverKey: ServerKey, by: SignedBy, body: PushRequest, nowMs: number): Promise<PushResponse> {
  try {
    return await db.transaction((tx) => ingestInTransaction(tx, serverKey, by, body, nowMs));
  } catch (error) {
    if (error instanceof RefusedWithAlarm) {
      await db.query('INSERT INTO alarms (id, kind, terminal_id, seq, detail, at_ms) VALUES ($1, $2, $3, $4, $5, $6)', [newId(nowMs), error.alarm.kind, by.terminalId, error.alarm.seq, error.message, nowMs]);
    }
    throw error;
  }
}

async function ingestInTransaction(tx: Sql, serverKey: ServerKey, by: SignedBy, body: PushRequest, nowMs: number): Promise<PushResponse> {
  const t = (
    await tx.query<TerminalState>('SELECT place, slot, high_water_seq AS hw, head_hash AS head, chain_slot AS "chainSlot" FROM terminals WHERE id = $1 FOR UPDATE', [by.terminalId])
  )[0];
  if (t === undefined) throw new CentralError('NOT_FOUND', `Central knows no terminal ${by.terminalId}`);
  const first = body.entries[0]?.seq ?? 1;
  if (first > t.hw + 1) throw new CentralError('NOT_CONTIGUOUS', `Central holds this terminal's chain up to ${t.hw}; send from ${t.hw + 1}`, t.hw);
  const repeats = body.entries.filter((e) => e.seq <= t.hw);
  const fresh = body.entries.filter((e) => e.seq > t.hw);
  await checkRepeats(tx, by.terminalId, repeats);
  const { chainSlot, head } = checkFresh(t, fresh);
  // Receipts, cancellations, remittances, closes, outages (facts.ts): read before anything is stored, stored with the entries.
  const facts = factsOf(fresh);
  const rows = entryRows(fresh, facts);
  if (rows.length > 0) await insertEntries(tx, by.terminalId, rows, nowMs);
  await storeFacts(tx, by.terminalId, facts);
  const hw = t.hw + fresh.length;
  if (fresh.length > 0) {
    await tx.query('UPDATE terminals SET high_water_seq = $1, head_hash = $2, chain_slot = $3, last_push_at_ms = $4 WHERE id = $5', [hw, head, chainSlot, nowMs, by.terminalId]);
  }
  await checkCompleteness(tx, by.terminalId, body, { hwBefore: t.hw, fresh: rows }, nowMs);
  const ack = { place: t.place, terminalSlot: t.slot, keyId: by.keyId, highWaterSeq: hw, headHash: head, atMs: nowMs };
  return { accepted: fresh.length, repeated: repeats.length, signedAck: signAck(serverKey, ack) };
}

async function checkRepeats(tx: Sql, terminalId: string, repeats: readonly SyncEntry[]): Promise<void> {
  const firstRepeat = repeats[0];
  const lastRepeat = repeats[repeats.length - 1];
  if (firstRepeat === undefined || lastRepeat === undefined) return;
  const stored = new Map(
    (await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM entries WHERE terminal_id = $1 AND seq BETWEEN $2 AND $3', [terminalId, firstRepeat.seq - 1, lastRepeat.seq])).map((r) => [
      r.seq,
      r.hash,
    ]),
  );
  for (const entry of repeats) {
    const prev = entry.seq === 1 ? GENESIS_HASH : stored.get(entry.seq - 1);
    const had = stored.get(entry.seq);
    if (prev === undefined || had === undefined) throw new CentralError('INTERNAL', `entry ${entry.seq} is below the high-water mark but not stored`);
    if (entryHash(prev, entry) !== had || entry.hash !== had) {
      throw new RefusedWithAlarm('TAMPERED', `entry ${entry.seq} differs from the one central stored: the record was changed at the office`, { kind: 'tamper', seq: entry.seq });
    }
  }
}

/** An entry as stored: the entry itself and, for `receipt.issued`, its receipt's amount and revenue code (no spread: ~3 µs an entry). */
interface EntryRow extends ReceiptFacts {
  readonly entry: SyncEntry;
}

/** The new entries: each continues the chain, carries this office, and the slot the chain is under. */
function checkFresh(t: TerminalState, fresh: readonly SyncEntry[]): { chainSlot: number | null; head: string } {
  let head = t.head;
  let chainSlot = t.chainSlot;
  for (const entry of fresh) {
    if (entryHash(head, entry) !== entry.hash) {
      throw new RefusedWithAlarm('CHAIN_BROKEN', `entry ${entry.seq} does not hash to its stated hash after entry ${entry.seq - 1}: a record was changed at the office`, { kind: 'chain-broken', seq: entry.seq });
    }
    if (entry.place !== t.place) throw new CentralError('WRONG_TERMINAL', `entry ${entry.seq} is of office ${entry.place}, not ${t.place}`);
    chainSlot ??= entry.terminalSlot;
    if (entry.terminalSlot !== chainSlot) throw new CentralError('WRONG_TERMINAL', `entry ${entry.seq} carries slot ${entry.terminalSlot}; the chain is under slot ${chainSlot}`);
    // A re-bound database continues its chain under a new slot (design.md "Identity"): the
    // `terminal.rebound` entry carries the slot it leaves, every later entry the new one.
    if (entry.kind === 'terminal.rebound') chainSlot = reboundSlot(entry);
    head = entry.hash;
  }
  return { chainSlot, head };
}

/** The rows stored: each entry with, for `receipt.issued`, its receipt's amount and revenue code (from the facts, each payload parsed once). */
function entryRows(fresh: readonly SyncEntry[], facts: EntryFacts): EntryRow[] {
  const issued = new Map(facts.receipts.map((r) => [r.seq, r]));
  return fresh.map((entry) => {
    checkPayloadIsJson(entry);
    const receipt = entry.kind === 'receipt.issued' ? issued.get(entry.seq) : undefined;
    return { entry, receiptSatang: receipt?.amountSatang ?? null, revenueCode: receipt?.revenueCode ?? null };
  });
}

function reboundSlot(entry: SyncEntry): number {
  const slot = (JSON.parse(entry.payloadText) as { slot?: unknown }).slot;
  if (typeof slot !== 'number' || !Number.isInteger(slot) || slot < 1 || slot > 9) throw new CentralError('BAD_INPUT', `entry ${entry.seq}: a terminal.rebound payload names the new slot`);
  return slot;
}

/** The columns of an entry row, after the terminal id and the time received (`insertEntries`). */
const ENTRY_COLUMNS: readonly Column<EntryRow>[] = [
  { name: 'seq', type: 'bigint', of: (r) => r.entry.seq },
  { name: 'entry_id', type: 'text', of: (r) => r.entry.id },
  { name: 'kind', type: 'text', of: (r) => r.entry.kind },
  { name: 'payload_version', type: 'int', of: (r) => r.entry.payloadVersion },
  { name: 'at_ms', type: 'bigint', of: (r) => r.entry.atMs },
  { name: 'business_date', type: 'text', of: (r) => r.entry.businessDate },
  { name: 'place', type: 'text', of: (r) => r.entry.place },
  { name: 'terminal_slot', type: 'int', of: (r) => r.entry.terminalSlot },
  { name: 'user_id', type: 'text', of: (r) => r.entry.userId },
  { name: 'payload_text', type: 'text', of: (r) => r.entry.payloadText },
  { name: 'hash', type: 'text', of: (r) => r.entry.hash },
  { name: 'receipt_satang', type: 'bigint', of: (r) => r.receiptSatang },
  { name: 'revenue_code', type: 'text', of: (r) => r.revenueCode },
];

/**
 * One statement for the whole batch, `ON CONFLICT (terminal_id, seq) DO NOTHING RETURNING` (issue
 * 11), each column one delimited text parameter (db/delimited.ts: nothing escaped; measured ~2.5×
 * node-postgres's array literals for the JSON payloads, bench/README.md).
 */
async function insertEntries(tx: Sql, terminalId: string, rows: readonly EntryRow[], nowMs: number): Promise<void> {
  const inserted = await insertBatchCounted<EntryRow>(
    tx,
    'entries',
    [
      { name: 'terminal_id', value: terminalId },
      { name: 'received_at_ms', value: nowMs },
    ],
    rows,
    ENTRY_COLUMNS,
    'ON CONFLICT (terminal_id, seq) DO NOTHING RETURNING seq',
  );
  // The terminal row is locked FOR UPDATE and every seq is above its high-water mark: all are new.
  if (inserted !== rows.length) throw new CentralError('INTERNAL', `stored ${inserted} of ${rows.length} new entries`);
}

interface Counted {
  readonly day: string;
  readonly n: number;
  readonly satang: number;
  readonly lastSeq: number;
  readonly hash: string | null;
}

/**
 * Recounts each business day the terminal claims, from what central stores, and records it. Each
 * claim names the day's last entry in the batch. When a claim only adds this batch's new entries
 * to the day as last recorded, the count is that record plus those entries (every stored entry
 * was counted when it was stored: each batch carries a claim for every day it touches); otherwise
 * (a resend of older entries) the day is counted again from the stored rows.
 */
async function checkCompleteness(tx: Sql, terminalId: string, body: PushRequest, batch: { hwBefore: number; fresh: readonly EntryRow[] }, nowMs: number): Promise<void> {
  const lastInBatch = new Map<string, number>();
  for (const e of body.entries) lastInBatch.set(e.businessDate, e.seq);
  const claims = new Map(body.completeness.map((c) => [c.businessDate, c]));
  for (const [day, last] of lastInBatch) {
    if (claims.get(day)?.lastSeq !== last) throw new CentralError('BAD_INPUT', `the batch has entries of ${day} up to ${last}: its completeness names that day and that last seq`);
  }
  if (claims.size === 0) return;
  const claimed = [...claims.values()];
  const recorded = new Map(
    (
      await tx.query<{ day: string; n: number; satang: number; lastSeq: number }>(
        'SELECT business_date AS day, entry_count AS n, receipts_satang AS satang, last_seq AS "lastSeq" FROM day_completeness WHERE terminal_id = $1 AND business_date = ANY($2::text[])',
        [terminalId, claimed.map((c) => c.businessDate)],
      )
    ).map((r) => [r.day, r]),
  );
  const counted = new Map<string, Counted>();
  const recount: DayCompleteness[] = [];
  for (const claim of claimed) {
    const prior = recorded.get(claim.businessDate);
    const isIncremental = claim.lastSeq > batch.hwBefore && (prior === undefined || prior.lastSeq <= batch.hwBefore);
    if (!isIncremental) {
      recount.push(claim);
      continue;
    }
    const added = batch.fresh.filter((r) => r.entry.businessDate === claim.businessDate && r.entry.seq <= claim.lastSeq);
    const lastEntry = batch.fresh.find((r) => r.entry.seq === claim.lastSeq)?.entry;
    counted.set(claim.businessDate, {
      day: claim.businessDate,
      n: (prior?.n ?? 0) + added.length,
      satang: (prior?.satang ?? 0) + added.reduce((sum, r) => sum + (r.receiptSatang ?? 0), 0),
      lastSeq: claim.lastSeq,
      hash: lastEntry?.hash ?? null,
    });
  }
  if (recount.length > 0) {
    const rows = await tx.query<Counted>(
      `SELECT c.day, count(e.seq)::int AS n, coalesce(sum(e.receipt_satang), 0)::bigint AS satang, coalesce(max(e.seq), 0)::bigint AS "lastSeq",
              (SELECT h.hash FROM entries h WHERE h.terminal_id = $1 AND h.seq = c.last_seq) AS hash
       FROM unnest($2::text[], $3::bigint[]) AS c(day, last_seq)
       LEFT JOIN entries e ON e.terminal_id = $1 AND e.business_date = c.day AND e.seq <= c.last_seq
       GROUP BY c.day, c.last_seq`,
      [terminalId, recount.map((c) => c.businessDate), recount.map((c) => c.lastSeq)],
    );
    for (const r of rows) counted.set(r.day, r);
  }
  for (const claim of claimed) {
    const found = counted.get(claim.businessDate);
    if (found === undefined || !sameDay(claim, found)) {
      const what = found === undefined ? 'nothing' : `${found.n} entries, ${found.satang} satang of receipts, last seq ${found.lastSeq}`;
      throw new RefusedWithAlarm(
        'COMPLETENESS_MISMATCH',
        `${claim.businessDate}: the terminal counts ${claim.entryCount} entries, ${claim.receiptsSatang} satang of receipts, last seq ${claim.lastSeq}; central has ${what}`,
        { kind: 'completeness', seq: claim.lastSeq },
      );
    }
  }
  await tx.query(
    `INSERT INTO day_completeness (terminal_id, business_date, entry_count, receipts_satang, last_seq, head_hash, checked_at_ms)
     SELECT $1, u.* , $7 FROM unnest($2::text[], $3::int[], $4::bigint[], $5::bigint[], $6::text[]) AS u(business_date, entry_count, receipts_satang, last_seq, head_hash)
     ON CONFLICT (terminal_id, business_date) DO UPDATE SET entry_count = EXCLUDED.entry_count, receipts_satang = EXCLUDED.receipts_satang, last_seq = EXCLUDED.last_seq,
       head_hash = EXCLUDED.head_hash, checked_at_ms = EXCLUDED.checked_at_ms
     WHERE day_completeness.last_seq <= EXCLUDED.last_seq`,
    [terminalId, claimed.map((c) => c.businessDate), claimed.map((c) => c.entryCount), claimed.map((c) => c.receiptsSatang), claimed.map((c) => c.lastSeq), claimed.map((c) => c.headHash), nowMs],
  );
}

function sameDay(claim: DayCompleteness, found: { n: number; satang: number; lastSeq: number; hash: string | null }): boolean {
  return claim.entryCount === found.n && claim.receiptsSatang === Number(found.satang) && claim.lastSeq === Number(found.lastSeq) && claim.headHash === found.hash;
}

import { canonicalEntryText, GENESIS_HASH } from '../src-shared/ledger-entry-text';
import type { DayCompleteness, PushRequest, PushResponse, SyncEntry } from '../src-shared/sync';
import type { CentralDb, Sql } from './db/client';
import { batchInsert, runCounted, type BatchInsert, type Column } from './db/delimited';
import { newId, sha256Hex, type ServerKey } from './crypto';
import { signAck } from './enrollment';
import { CentralError } from './errors';
import { FACT_KINDS, factInserts, factsOf, storeFacts, type EntryFacts } from './facts';
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

/**
 * The new entries are sent to the database first, as the office hashed them; while it stores them,
 * their hashes, slots and payloads are checked here, on the other core (each check still decides
 * the push: a failure throws and the whole transaction rolls back, with nothing kept). Measured in
 * bench/README.md "What changed in the ingest": the checks are hidden behind the INSERTs.
 */
async function ingestInTransaction(tx: Sql, serverKey: ServerKey, by: SignedBy, body: PushRequest, nowMs: number): Promise<PushResponse> {
  const claims = claimedDays(body);
  const locked = settled(
    tx.query<TerminalState>('SELECT place, slot, high_water_seq AS hw, head_hash AS head, chain_slot AS "chainSlot" FROM terminals WHERE id = $1 FOR UPDATE', [by.terminalId], {
      prepared: 'ingest-terminal-lock',
    }),
  );
  // Queued behind the lock (a statement of its own, so it reads the days as the last push left them), and sent as soon as it is held.
  const recorded = settled(recordedDays(tx, by.terminalId, claims));
  // Meanwhile the first INSERT's parameters, for the usual push where every entry is new.
  const firstPrepared = prepareEntries(by.terminalId, body.entries.slice(0, FIRST_INSERT_ENTRIES), nowMs);
  await recorded.done;
  const t = (await locked.value)[0];
  if (t === undefined) throw new CentralError('NOT_FOUND', `Central knows no terminal ${by.terminalId}`);
  const first = body.entries[0]?.seq ?? 1;
  if (first > t.hw + 1) throw new CentralError('NOT_CONTIGUOUS', `Central holds this terminal's chain up to ${t.hw}; send from ${t.hw + 1}`, t.hw);
  const repeats = body.entries.filter((e) => e.seq <= t.hw);
  const fresh = repeats.length === 0 ? body.entries : body.entries.filter((e) => e.seq > t.hw);
  await checkRepeats(tx, by.terminalId, repeats);
  const stored = settled(storeEntries(tx, by.terminalId, fresh, repeats.length === 0 ? firstPrepared : undefined, nowMs));
  let checked: { chainSlot: number | null; head: string; facts: EntryFacts; inserts: readonly BatchInsert[] };
  try {
    const { chainSlot, head } = await checkFresh(t, fresh);
    // Receipts, cancellations, remittances, closes, outages (facts.ts), each payload parsed once.
    const facts = factsOf(fresh);
    for (const entry of fresh) checkPayloadIsJson(entry);
    checked = { chainSlot, head, facts, inserts: factInserts(by.terminalId, facts) };
  } finally {
    await stored.done;
    await recorded.done;
  }
  await stored.value;
  await storeFacts(tx, by.terminalId, checked.facts, checked.inserts);
  const hw = t.hw + fresh.length;
  const days = await checkCompleteness(tx, by.terminalId, claims, await recorded.value, { hwBefore: t.hw, fresh, facts: checked.facts });
  await recordPush(tx, by.terminalId, days, fresh.length > 0 ? { hw, head: checked.head, chainSlot: checked.chainSlot } : null, nowMs);
  const ack = { place: t.place, terminalSlot: t.slot, keyId: by.keyId, highWaterSeq: hw, headHash: checked.head, atMs: nowMs };
  return { accepted: fresh.length, repeated: repeats.length, signedAck: signAck(serverKey, ack) };
}

/**
 * A query left running while JavaScript works: `done` settles when it does and never rejects (so a
 * check that throws meanwhile can wait for it before the transaction rolls back, leaving no
 * rejection unhandled); `value` is its result or its error.
 */
function settled<T>(query: Promise<T>): { done: Promise<void>; value: Promise<T> } {
  return { done: query.then(() => undefined, () => undefined), value: query };
}

async function checkRepeats(tx: Sql, terminalId: string, repeats: readonly SyncEntry[]): Promise<void> {
  const firstRepeat = repeats[0];
  const lastRepeat = repeats[repeats.length - 1];
  if (firstRepeat === undefined || lastRepeat === undefined) return;
  const stored = new Map(
    (
      await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM entries WHERE terminal_id = $1 AND seq BETWEEN $2 AND $3', [terminalId, firstRepeat.seq - 1, lastRepeat.seq], {
        prepared: 'ingest-repeats',
      })
    ).map((r) => [
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

/**
 * Entries hashed between two turns of the event loop. The INSERT sent just before is ~400 KB, more
 * than the socket takes at once; the rest is written only when the loop turns, so hashing all 500
 * at once kept PostgreSQL waiting for the rows until the hashing was done (measured: the INSERT
 * then ended 18 µs an entry after the checks, ~6 µs with the loop turning; bench/README.md).
 */
const ENTRIES_PER_TURN = 50;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The new entries: each continues the chain, carries this office, and the slot the chain is under. */
async function checkFresh(t: TerminalState, fresh: readonly SyncEntry[]): Promise<{ chainSlot: number | null; head: string }> {
  let head = t.head;
  let chainSlot = t.chainSlot;
  for (const [i, entry] of fresh.entries()) {
    if (i % ENTRIES_PER_TURN === 0) await nextTurn();
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

function reboundSlot(entry: SyncEntry): number {
  const slot = (JSON.parse(entry.payloadText) as { slot?: unknown }).slot;
  if (typeof slot !== 'number' || !Number.isInteger(slot) || slot < 1 || slot > 9) throw new CentralError('BAD_INPUT', `entry ${entry.seq}: a terminal.rebound payload names the new slot`);
  return slot;
}

/** The columns of an entry row (exactly what the office hashed), after the terminal id and the time received (`insertEntries`). */
const ENTRY_COLUMNS: readonly Column<SyncEntry>[] = [
  { name: 'seq', type: 'bigint', of: (e) => e.seq },
  { name: 'entry_id', type: 'text', of: (e) => e.id },
  { name: 'kind', type: 'text', of: (e) => e.kind },
  { name: 'payload_version', type: 'int', of: (e) => e.payloadVersion },
  { name: 'at_ms', type: 'bigint', of: (e) => e.atMs },
  { name: 'business_date', type: 'text', of: (e) => e.businessDate },
  { name: 'place', type: 'text', of: (e) => e.place },
  { name: 'terminal_slot', type: 'int', of: (e) => e.terminalSlot },
  { name: 'user_id', type: 'text', of: (e) => e.userId },
  { name: 'payload_text', type: 'text', of: (e) => e.payloadText },
  { name: 'hash', type: 'text', of: (e) => e.hash },
];

/**
 * The entries of a batch go in by two statements: the first FIRST_INSERT_ENTRIES, sent as soon as
 * their parameters are built, and the rest, whose parameters are built while PostgreSQL stores the
 * first (measured ~5% of a push, bench/README.md). Each is `INSERT … ON CONFLICT (terminal_id,
 * seq) DO NOTHING RETURNING` (issue 11), each column one delimited text parameter (db/delimited.ts:
 * nothing escaped; ~2.5× node-postgres's array literals for the JSON payloads).
 */
const FIRST_INSERT_ENTRIES = 100;

function prepareEntries(terminalId: string, entries: readonly SyncEntry[], nowMs: number): BatchInsert {
  return batchInsert(
    'entries',
    [
      { name: 'terminal_id', value: terminalId },
      { name: 'received_at_ms', value: nowMs },
    ],
    entries,
    ENTRY_COLUMNS,
    'ON CONFLICT (terminal_id, seq) DO NOTHING RETURNING seq',
    'ingest-entries',
  );
}

/** Stores the new entries (`firstPrepared`: the first statement's parameters, built already for exactly `fresh`'s first entries). */
async function storeEntries(tx: Sql, terminalId: string, fresh: readonly SyncEntry[], firstPrepared: BatchInsert | undefined, nowMs: number): Promise<void> {
  if (fresh.length === 0) return;
  const first = fresh.slice(0, FIRST_INSERT_ENTRIES);
  const rest = fresh.slice(FIRST_INSERT_ENTRIES);
  const statements = [insertEntries(tx, firstPrepared ?? prepareEntries(terminalId, first, nowMs), first.length)];
  if (rest.length > 0) statements.push(insertEntries(tx, prepareEntries(terminalId, rest, nowMs), rest.length));
  await Promise.all(statements);
}

async function insertEntries(tx: Sql, insert: BatchInsert, expected: number): Promise<void> {
  const inserted = await runCounted(tx, insert);
  // The terminal row is locked FOR UPDATE and every seq is above its high-water mark: all are new.
  if (inserted !== expected) throw new CentralError('INTERNAL', `stored ${inserted} of ${expected} new entries`);
}

interface Counted {
  readonly day: string;
  readonly n: number;
  readonly satang: number;
  readonly lastSeq: number;
  readonly hash: string | null;
}

/** Each business day the batch claims: every day it has entries of must be claimed, up to its last entry in the batch (checked before anything is read). */
function claimedDays(body: PushRequest): DayCompleteness[] {
  const lastInBatch = new Map<string, number>();
  for (const e of body.entries) lastInBatch.set(e.businessDate, e.seq);
  const claims = new Map(body.completeness.map((c) => [c.businessDate, c]));
  for (const [day, last] of lastInBatch) {
    if (claims.get(day)?.lastSeq !== last) throw new CentralError('BAD_INPUT', `the batch has entries of ${day} up to ${last}: its completeness names that day and that last seq`);
  }
  return [...claims.values()];
}

type Recorded = ReadonlyMap<string, { n: number; satang: number; lastSeq: number }>;

/** The claimed days as last recorded. */
async function recordedDays(tx: Sql, terminalId: string, claims: readonly DayCompleteness[]): Promise<Recorded> {
  if (claims.length === 0) return new Map();
  const rows = await tx.query<{ day: string; n: number; satang: number; lastSeq: number }>(
    'SELECT business_date AS day, entry_count AS n, receipts_satang AS satang, last_seq AS "lastSeq" FROM day_completeness WHERE terminal_id = $1 AND business_date = ANY($2::text[])',
    [terminalId, claims.map((c) => c.businessDate)],
    { prepared: 'ingest-days-recorded' },
  );
  return new Map(rows.map((r) => [r.day, r]));
}

/**
 * Recounts each business day the terminal claims, from what central stores. Each claim names the
 * day's last entry in the batch. When a claim only adds this batch's new entries to the day as last
 * recorded, the count is that record plus those entries (every stored entry was counted when it was
 * stored: each batch carries a claim for every day it touches); otherwise (a resend of older
 * entries) the day is counted again from the stored rows. A day's receipts are its `receipt.issued`
 * entries' amounts (central_receipts, facts.ts). Answers the days to record.
 */
async function checkCompleteness(
  tx: Sql,
  terminalId: string,
  claimed: readonly DayCompleteness[],
  recorded: Recorded,
  batch: { hwBefore: number; fresh: readonly SyncEntry[]; facts: EntryFacts },
): Promise<readonly DayCompleteness[]> {
  if (claimed.length === 0) return claimed;
  const amounts = new Map<number, number>();
  for (const r of batch.facts.receipts) amounts.set(r.seq, r.amountSatang);
  const counted = new Map<string, Counted>();
  const recount: DayCompleteness[] = [];
  for (const claim of claimed) {
    const prior = recorded.get(claim.businessDate);
    const isIncremental = claim.lastSeq > batch.hwBefore && (prior === undefined || prior.lastSeq <= batch.hwBefore);
    if (!isIncremental) {
      recount.push(claim);
      continue;
    }
    let n = prior?.n ?? 0;
    let satang = prior?.satang ?? 0;
    let hash: string | null = null;
    for (const e of batch.fresh) {
      if (e.businessDate !== claim.businessDate || e.seq > claim.lastSeq) continue;
      n += 1;
      if (e.kind === 'receipt.issued') satang += amounts.get(e.seq) ?? 0;
      if (e.seq === claim.lastSeq) hash = e.hash;
    }
    counted.set(claim.businessDate, { day: claim.businessDate, n, satang, lastSeq: claim.lastSeq, hash });
  }
  if (recount.length > 0) {
    const rows = await tx.query<Counted>(
      `SELECT c.day, count(e.seq)::int AS n, coalesce(sum(r.amount_satang), 0)::bigint AS satang, coalesce(max(e.seq), 0)::bigint AS "lastSeq",
              (SELECT h.hash FROM entries h WHERE h.terminal_id = $1 AND h.seq = c.last_seq) AS hash
       FROM unnest($2::text[], $3::bigint[]) AS c(day, last_seq)
       LEFT JOIN entries e ON e.terminal_id = $1 AND e.business_date = c.day AND e.seq <= c.last_seq
       LEFT JOIN central_receipts r ON e.kind = 'receipt.issued' AND r.terminal_id = $1 AND r.seq = e.seq
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
  return claimed;
}

/**
 * One statement: the terminal's new high-water mark, head and slot (when the push added entries),
 * and each claimed day's completeness as checked (a day is never set back to an earlier last seq).
 */
async function recordPush(tx: Sql, terminalId: string, days: readonly DayCompleteness[], added: { hw: number; head: string; chainSlot: number | null } | null, nowMs: number): Promise<void> {
  const daysParams = [days.map((c) => c.businessDate), days.map((c) => c.entryCount), days.map((c) => c.receiptsSatang), days.map((c) => c.lastSeq), days.map((c) => c.headHash)];
  const upsertDays = `INSERT INTO day_completeness (terminal_id, business_date, entry_count, receipts_satang, last_seq, head_hash, checked_at_ms)
     SELECT $1, u.*, $2 FROM unnest($3::text[], $4::int[], $5::bigint[], $6::bigint[], $7::text[]) AS u(business_date, entry_count, receipts_satang, last_seq, head_hash)
     ON CONFLICT (terminal_id, business_date) DO UPDATE SET entry_count = EXCLUDED.entry_count, receipts_satang = EXCLUDED.receipts_satang, last_seq = EXCLUDED.last_seq,
       head_hash = EXCLUDED.head_hash, checked_at_ms = EXCLUDED.checked_at_ms
     WHERE day_completeness.last_seq <= EXCLUDED.last_seq`;
  if (added === null) {
    if (days.length > 0) await tx.query(upsertDays, [terminalId, nowMs, ...daysParams], { prepared: 'ingest-record-days' });
    return;
  }
  await tx.query(`WITH t AS (UPDATE terminals SET high_water_seq = $8, head_hash = $9, chain_slot = $10, last_push_at_ms = $2 WHERE id = $1) ${upsertDays}`, [
    terminalId,
    nowMs,
    ...daysParams,
    added.hw,
    added.head,
    added.chainSlot,
  ], { prepared: 'ingest-record-push' });
}

function sameDay(claim: DayCompleteness, found: { n: number; satang: number; lastSeq: number; hash: string | null }): boolean {
  return claim.entryCount === found.n && claim.receiptsSatang === Number(found.satang) && claim.lastSeq === Number(found.lastSeq) && claim.headHash === found.hash;
}

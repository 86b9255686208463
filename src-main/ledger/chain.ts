import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../src-shared/canonical-json';
import { prepared } from './statements';

export const GENESIS_HASH = '0'.repeat(64);
export const LEDGER_PAYLOAD_VERSION = 1;

/** What is hashed for one entry: every column but the hashes themselves (design.md). */
export interface ChainedEntry {
  readonly seq: number;
  readonly id: string;
  readonly kind: string;
  readonly payloadVersion: number;
  readonly atMs: number;
  readonly businessDate: string;
  readonly place: string;
  readonly terminalSlot: number;
  readonly userId: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** hash = SHA-256(prevHash ‖ canonical JSON of the entry), hex. */
export function entryHash(prevHash: string, entry: ChainedEntry): string {
  return hashText(prevHash, canonicalEntryText(entry, canonicalJson(entry.payload)));
}

function hashText(prevHash: string, text: string): string {
  return createHash('sha256').update(prevHash).update(text).digest('hex');
}

/**
 * RFC 8785 form of an entry whose payload is already canonical text: its keys are fixed, so they are
 * written in sorted order by hand, and the stored payload text is hashed exactly as stored. Equal to
 * `canonicalJson(entry)` (tested), and lets `verify` skip re-serialising every payload.
 */
export function canonicalEntryText(entry: Omit<ChainedEntry, 'payload'>, payloadText: string): string {
  return (
    `{"atMs":${entry.atMs},"businessDate":${JSON.stringify(entry.businessDate)},"id":${JSON.stringify(entry.id)},` +
    `"kind":${JSON.stringify(entry.kind)},"payload":${payloadText},"payloadVersion":${entry.payloadVersion},` +
    `"place":${JSON.stringify(entry.place)},"seq":${entry.seq},"terminalSlot":${entry.terminalSlot},"userId":${JSON.stringify(entry.userId)}}`
  );
}

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
  readonly atMs: number;
}

export function readHead(sqlite: Database.Database): ChainHead {
  const row = prepared(sqlite, 'SELECT seq, hash, at_ms AS atMs FROM ledger_entries ORDER BY seq DESC LIMIT 1').get() as ChainHead | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH, atMs: 0 };
}

/**
 * Appends one entry (and its outbox row) inside the caller's transaction. The caller's
 * transaction holds SQLite's write lock, so reading the head and appending cannot interleave.
 */
export function appendEntry(sqlite: Database.Database, entry: Omit<ChainedEntry, 'seq' | 'payloadVersion'>): { seq: number; hash: string } {
  if (!sqlite.inTransaction) throw new Error('appendEntry must run inside the business action’s transaction');
  const head = readHead(sqlite);
  const chained: ChainedEntry = { ...entry, seq: head.seq + 1, payloadVersion: LEDGER_PAYLOAD_VERSION };
  const payload = canonicalJson(chained.payload);
  const hash = hashText(head.hash, canonicalEntryText(chained, payload));
  prepared(
    sqlite,
    `INSERT INTO ledger_entries (seq, id, kind, payload_version, at_ms, business_date, place, terminal_slot, user_id, payload, prev_hash, hash)
     VALUES (@seq, @id, @kind, @payloadVersion, @atMs, @businessDate, @place, @terminalSlot, @userId, @payload, @prevHash, @hash)`,
  ).run({ ...chained, payload, prevHash: head.hash, hash });
  prepared(sqlite, 'INSERT INTO outbox (seq, entry_id, hash, payload_version, created_at_ms) VALUES (?, ?, ?, ?, ?)').run(
    chained.seq,
    chained.id,
    hash,
    chained.payloadVersion,
    chained.atMs,
  );
  return { seq: chained.seq, hash };
}

export interface ChainBreak {
  readonly seq: number;
  readonly reason: string;
}

export interface VerifyResult {
  readonly entries: number;
  readonly headHash: string;
  readonly firstBreak: ChainBreak | null;
}

interface StoredRow {
  seq: number;
  id: string;
  kind: string;
  payloadVersion: number;
  atMs: number;
  businessDate: string;
  place: string;
  terminalSlot: number;
  userId: string | null;
  payload: string;
  prevHash: string;
  hash: string;
}

/** Recomputes the chain from the first entry and reports the first broken one. */
export function verifyChain(sqlite: Database.Database): VerifyResult {
  const rows = sqlite
    .prepare(
      `SELECT seq, id, kind, payload_version AS payloadVersion, at_ms AS atMs, business_date AS businessDate, place,
              terminal_slot AS terminalSlot, user_id AS userId, payload, prev_hash AS prevHash, hash
       FROM ledger_entries ORDER BY seq`,
    )
    .iterate() as IterableIterator<StoredRow>;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    const failure = checkRow(row, expectedSeq, prevHash);
    if (failure !== null) return { entries: count, headHash: prevHash, firstBreak: { seq: row.seq, reason: failure } };
    prevHash = row.hash;
    expectedSeq += 1;
    count += 1;
  }
  const outboxBreak = sqlite
    .prepare(
      `SELECT coalesce(l.seq, o.seq) AS seq FROM ledger_entries l FULL OUTER JOIN outbox o ON o.seq = l.seq
       WHERE o.seq IS NULL OR l.seq IS NULL OR o.hash <> l.hash OR o.entry_id <> l.id ORDER BY 1 LIMIT 1`,
    )
    .get() as { seq: number } | undefined;
  if (outboxBreak !== undefined) {
    return { entries: count, headHash: prevHash, firstBreak: { seq: outboxBreak.seq, reason: 'the outbox row does not match its ledger entry (missing, extra or different hash)' } };
  }
  return { entries: count, headHash: prevHash, firstBreak: null };
}

function checkRow(row: StoredRow, expectedSeq: number, prevHash: string): string | null {
  if (row.seq !== expectedSeq) return `sequence gap: expected ${expectedSeq}, found ${row.seq}`;
  if (row.prevHash !== prevHash) return 'previous hash does not match the entry before it';
  if (hashText(prevHash, canonicalEntryText(row, row.payload)) !== row.hash) return 'hash does not match the entry (altered)';
  return null;
}

import { createHash, hash as oneShotHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../src-shared/canonical-json';
import { canonicalEntryText, GENESIS_HASH } from '../../src-shared/ledger-entry-text';
import { strictAssert } from '../../src-shared/result';
import { entryPayloadSql, entryTextSql, PAYLOAD_TABLES, payloadSql, ROW_PAYLOADS, rowPartsOf, rowPayloadText } from './entry-payloads';
import { startRangesInWorkers, verifyThreads } from './parallel-hashes';
import { prepared } from './statements';

/** One text for both sides (office and central): src-shared/ledger-entry-text.ts. */
export { canonicalEntryText, GENESIS_HASH };
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
function hashText(prevHash: string, text: string): string {
  return createHash('sha256').update(prevHash).update(text).digest('hex');
}

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
  readonly atMs: number;
}

/**
 * SQL: an entry's hash as lowercase hex. Stored as 32 bytes since migration 0004; a backup made
 * before it (still text) is read the same way, so backups of every version can be checked.
 */
export const HASH_HEX_SQL = `(CASE typeof(hash) WHEN 'blob' THEN lower(hex(hash)) ELSE hash END)`;

/** HASH_HEX_SQL of the entry aliased `alias`. */
function hashHexSql(alias: string): string {
  return `(CASE typeof(${alias}.hash) WHEN 'blob' THEN lower(hex(${alias}.hash)) ELSE ${alias}.hash END)`;
}

/**
 * SQL: `seq, hash (hex), text, kind` of entries `l` in seq order, where text (a BLOB: the UTF-8 bytes,
 * never decoded into a JavaScript string) is exactly what the entry's hash is over: the STORED hash of
 * entry seq − 1 (GENESIS_HASH for the first) followed by the entry's RFC 8785 text. One SHA-256 of it
 * per entry, no concatenation in JavaScript. Checking each hash over the stored one before it is
 * checking the chain: the stored hash before is itself checked one row earlier.
 */
export function chainRowsSql(where: string): string {
  return `SELECT l.seq, ${hashHexSql('l')} AS hash, CAST(coalesce(${hashHexSql('p')}, '${GENESIS_HASH}') || ${entryTextSql('l')} AS BLOB) AS text, l.kind
     FROM ledger_entries l LEFT JOIN ledger_entries p ON p.seq = l.seq - 1 ${where} ORDER BY l.seq`;
}

export function readHead(sqlite: Database.Database): ChainHead {
  const row = prepared(sqlite, `SELECT seq, ${HASH_HEX_SQL} AS hash, at_ms AS atMs FROM ledger_entries ORDER BY seq DESC LIMIT 1`).get() as ChainHead | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH, atMs: 0 };
}

/**
 * Appends one entry (and its outbox row) inside the caller's transaction. The caller's
 * transaction holds SQLite's write lock, so reading the head and appending cannot interleave.
 * For a kind in ROW_PAYLOADS the payload is not given: it is rebuilt from the rows the action has
 * just written (so what is hashed is exactly what is stored) and not stored a second time.
 */
export function appendEntry(
  sqlite: Database.Database,
  entry: Omit<ChainedEntry, 'seq' | 'payloadVersion' | 'payload'> & { readonly payload: Readonly<Record<string, unknown>> | undefined },
): { seq: number; hash: string } {
  if (!sqlite.inTransaction) throw new Error('appendEntry must run inside the business action’s transaction');
  const head = readHead(sqlite);
  const seq = head.seq + 1;
  const parts = rowPartsOf(entry.kind);
  strictAssert((parts === undefined) === (entry.payload !== undefined), `${entry.kind}: a payload is given exactly when the kind does not carry its rows`);
  const payloadText = parts === undefined ? canonicalJson(entry.payload) : rowPayloadText(sqlite, parts, seq);
  const stored = { ...entry, seq, payloadVersion: LEDGER_PAYLOAD_VERSION };
  const hash = hashText(head.hash, canonicalEntryText(stored, payloadText));
  prepared(
    sqlite,
    `INSERT INTO ledger_entries (seq, id, kind, payload_version, at_ms, business_date, place, terminal_slot, user_id, payload, hash)
     VALUES (@seq, @id, @kind, @payloadVersion, @atMs, @businessDate, @place, @terminalSlot, @userId, @payload, @hash)`,
  ).run({ ...stored, payload: parts === undefined ? payloadText : null, hash: Buffer.from(hash, 'hex') });
  prepared(sqlite, 'INSERT INTO outbox (seq) VALUES (?)').run(seq);
  return { seq, hash };
}

/** One ledger entry as sent to central: its columns and its payload text (stored or rebuilt from rows). */
export interface EntryForSync extends Omit<ChainedEntry, 'payload'> {
  readonly payloadText: string;
  readonly hash: string;
}

/** Entries `fromSeq`..`toSeq` with their payload texts, for the outbox drain (issue 11). */
export function readEntriesForSync(sqlite: Database.Database, fromSeq: number, toSeq: number): EntryForSync[] {
  return prepared(
    sqlite,
    `SELECT seq, id, kind, payload_version AS payloadVersion, at_ms AS atMs, business_date AS businessDate, place,
            terminal_slot AS terminalSlot, user_id AS userId, coalesce(${entryPayloadSql('l')}, 'null') AS payloadText, ${HASH_HEX_SQL} AS hash
     FROM ledger_entries l WHERE seq BETWEEN ? AND ? ORDER BY seq`,
  ).all(fromSeq, toSeq) as EntryForSync[];
}

export interface ChainProblem {
  readonly seq: number;
  /** `hash-chain` (sequence, link, hash, outbox) or `rows-match-entries` (an entry's rows missing, extra or different). */
  readonly rule: 'hash-chain' | 'rows-match-entries';
  readonly reason: string;
}

export interface VerifyResult {
  /** Entries verified before the first break (all of them when there is none). */
  readonly entries: number;
  readonly headHash: string;
  readonly firstBreak: ChainProblem | null;
  /** Every problem found (at most MAX_CHAIN_PROBLEMS), the first break among them. */
  readonly problems: readonly ChainProblem[];
}

/** At most this many chain problems are listed; the first is what matters. */
export const MAX_CHAIN_PROBLEMS = 100;

export interface VerifyOptions {
  /** Worker threads are used from this many entries on (default PARALLEL_MIN_ENTRIES); tests lower it. */
  readonly parallelFromEntries?: number;
}

/**
 * Recomputes the chain from the first entry: gapless seq, each hash over the previous hash and the
 * entry with its payload (stored, or rebuilt from its rows by SQL), every row belonging to exactly
 * one entry that carries it, and the outbox holding exactly the entries. Reports the first break.
 * `alongside` runs in this thread while worker threads hash (verify's other checks), before the answer.
 */
export function verifyChain(sqlite: Database.Database, options: VerifyOptions = {}, alongside?: () => void): VerifyResult {
  const problems: ChainProblem[] = [];
  const report = (problem: ChainProblem): void => {
    if (problems.length < MAX_CHAIN_PROBLEMS) problems.push(problem);
  };
  // The workers hash while this thread checks the rows, the outbox and whatever the caller adds.
  const parallel = startHashesInParallel(sqlite, options);
  const rows = rowProblems(sqlite);
  const outbox = outboxBreak(sqlite);
  alongside?.();
  const { count, headHash, hashBreak } = parallel?.() ?? verifyHashesInThisThread(sqlite);
  if (hashBreak !== null) report(hashBreak);
  for (const problem of rows) report(problem);
  if (outbox !== undefined) report({ seq: outbox.seq, rule: 'hash-chain', reason: 'the outbox row of this entry is missing, or names no entry' });
  const firstBreak = problems.reduce<ChainProblem | null>((first, p) => (first === null || p.seq < first.seq ? p : first), null);
  return { entries: count, headHash, firstBreak, problems: firstBreak === null ? [] : [firstBreak, ...problems.filter((p) => p !== firstBreak)] };
}

type HashesResult = { count: number; headHash: string; hashBreak: ChainProblem | null };

/**
 * The chain cut into one seq range per core (parallel-hashes.ts), started in worker threads; the
 * function returned waits for them. Only an intact chain is answered there; anything else (a gap, a
 * break, a worker that could not run) answers undefined and the one-thread pass finds and words the
 * first break.
 */
function startHashesInParallel(sqlite: Database.Database, options: VerifyOptions): (() => HashesResult | undefined) | undefined {
  const { n, hi } = prepared(sqlite, 'SELECT count(*) AS n, coalesce(max(seq), 0) AS hi FROM ledger_entries').get() as { n: number; hi: number };
  const threads = verifyThreads(sqlite, n, options.parallelFromEntries);
  if (threads < 2 || n !== hi) return undefined;
  const hashAt = (seq: number): string =>
    seq === 0 ? GENESIS_HASH : (prepared(sqlite, `SELECT ${HASH_HEX_SQL} AS hash FROM ledger_entries WHERE seq = ?`).get(seq) as { hash: string }).hash;
  const size = Math.ceil(n / threads);
  const ranges = Array.from({ length: threads }, (_, i) => ({ fromSeq: i * size + 1, toSeq: Math.min(n, (i + 1) * size) })).filter((r) => r.fromSeq <= r.toSeq);
  const rangeSql = chainRowsSql('WHERE l.seq BETWEEN ? AND ?');
  const wait = startRangesInWorkers(sqlite, rangeSql, ranges.map((r) => ({ ...r, prevHash: hashAt(r.fromSeq - 1) })));
  return () => (wait() === true ? { count: n, headHash: hashAt(n), hashBreak: null } : undefined);
}

function verifyHashesInThisThread(sqlite: Database.Database): HashesResult {
  const rows = prepared(sqlite, chainRowsSql('')).raw(true).iterate() as IterableIterator<[number, string, Buffer, string]>;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const [seq, hash, text, kind] of rows) {
    let reason: string | null = null;
    if (seq !== count + 1) reason = `sequence gap: expected ${count + 1}, found ${seq}`;
    else if (oneShotHash('sha256', text, 'hex') !== hash) {
      const parts = rowPartsOf(kind);
      reason =
        parts === undefined
          ? 'hash does not match the entry (altered, or the entry before it was)'
          : `hash does not match the entry and the ${parts.map((p) => p.table).join(' and ')} rows it wrote (one of them was altered, or the entry before it was)`;
    }
    if (reason !== null) {
      rows.return?.();
      return { count, headHash: prevHash, hashBreak: { seq, rule: 'hash-chain', reason } };
    }
    prevHash = hash;
    count += 1;
  }
  return { count, headHash: prevHash, hashBreak: null };
}

/** The first seq where the outbox and the entries differ. Counting first: seqs are unique integers, so equal counts and ends mean equal sets. */
function outboxBreak(sqlite: Database.Database): { seq: number } | undefined {
  const range = `SELECT count(*) AS n, coalesce(min(seq), 0) AS lo, coalesce(max(seq), 0) AS hi`;
  const entries = sqlite.prepare(`${range} FROM ledger_entries`).get() as { n: number; lo: number; hi: number };
  const outbox = sqlite.prepare(`${range} FROM outbox`).get() as { n: number; lo: number; hi: number };
  if (entries.n === outbox.n && entries.lo === outbox.lo && entries.hi === outbox.hi && entries.hi - entries.lo + 1 === entries.n) return undefined;
  return sqlite
    .prepare(`SELECT coalesce(l.seq, o.seq) AS seq FROM ledger_entries l FULL OUTER JOIN outbox o ON o.seq = l.seq WHERE o.seq IS NULL OR l.seq IS NULL ORDER BY 1 LIMIT 1`)
    .get() as { seq: number } | undefined;
}

/**
 * Rows that belong to no entry carrying them, entries missing a row or with two, stored payloads that differ from the rows.
 * A NULL entry_seq is a row written before its table joined the ledger (deduction_rates, remittances before 0019).
 */
function rowProblems(sqlite: Database.Database): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const kindsOf = (table: string): string =>
    Object.entries(ROW_PAYLOADS)
      .filter(([, parts]) => parts?.some((p) => p.table === table) === true)
      .map(([kind]) => `'${kind}'`)
      .join(', ');
  const kindCounts = new Map((sqlite.prepare(`SELECT kind, count(*) AS n FROM ledger_entries GROUP BY kind`).all() as { kind: string; n: number }[]).map((r) => [r.kind, r.n]));
  for (const part of PAYLOAD_TABLES) {
    const kinds = kindsOf(part.table);
    const stray = sqlite
      // In entry_seq order (its index): the entries are then read in order, 40% quicker than in rowid order.
      // Rows with no entry_seq are those written before their table joined the chain (remittances before 0019).
      .prepare(`SELECT r.entry_seq AS seq, r.id, l.kind FROM ${part.table} r LEFT JOIN ledger_entries l ON l.seq = r.entry_seq WHERE r.entry_seq IS NOT NULL AND (l.seq IS NULL OR l.kind NOT IN (${kinds})) ORDER BY r.entry_seq LIMIT ${MAX_CHAIN_PROBLEMS}`)
      .all() as { seq: number; id: string; kind: string | null }[];
    for (const r of stray) {
      const names = r.kind === null ? `entry ${r.seq}, which does not exist` : `entry ${r.seq} (${r.kind}), which carries no ${part.table} row`;
      problems.push({ seq: r.seq, rule: 'rows-match-entries', reason: `${part.table} row ${r.id} was not written by any ledger entry: it names ${names}` });
    }
    const twice = sqlite.prepare(`SELECT entry_seq AS seq, count(*) AS n FROM ${part.table} WHERE entry_seq IS NOT NULL GROUP BY entry_seq HAVING n > 1 LIMIT ${MAX_CHAIN_PROBLEMS}`).all() as { seq: number; n: number }[];
    for (const r of twice) problems.push({ seq: r.seq, rule: 'rows-match-entries', reason: `entry ${r.seq} has ${r.n} ${part.table} rows; it wrote one` });
    // With no stray rows, as many distinct entry_seqs as entries of these kinds means none is missing;
    // only otherwise are the entries searched one by one.
    const carried = (sqlite.prepare(`SELECT count(DISTINCT entry_seq) AS n FROM ${part.table}`).get() as { n: number }).n;
    const expected = [...kindCounts].filter(([kind]) => kinds.includes(`'${kind}'`)).reduce((sum, [, n]) => sum + n, 0);
    if (stray.length === 0 && carried === expected) continue;
    const missing = sqlite
      .prepare(`SELECT l.seq FROM ledger_entries l WHERE l.kind IN (${kinds}) AND NOT EXISTS (SELECT 1 FROM ${part.table} r WHERE r.entry_seq = l.seq) LIMIT ${MAX_CHAIN_PROBLEMS}`)
      .all() as { seq: number }[];
    for (const r of missing) problems.push({ seq: r.seq, rule: 'rows-match-entries', reason: `the ${part.table} row written by entry ${r.seq} is missing` });
  }
  // Entries written before the compaction (migration 0004) kept their payload: it must still be the rows.
  const cases = Object.entries(ROW_PAYLOADS)
    .map(([kind, parts]) => `WHEN '${kind}' THEN ${payloadSql(parts ?? [], 'l.seq')}`)
    .join(' ');
  const differing = sqlite
    .prepare(`SELECT seq, kind FROM ledger_entries l WHERE payload IS NOT NULL AND payload IS NOT (CASE kind ${cases} ELSE payload END) LIMIT ${MAX_CHAIN_PROBLEMS}`)
    .all() as { seq: number; kind: string }[];
  for (const r of differing) problems.push({ seq: r.seq, rule: 'rows-match-entries', reason: `the rows of entry ${r.seq} (${r.kind}) differ from the payload it recorded` });
  return problems.sort((a, b) => a.seq - b.seq);
}

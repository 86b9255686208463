import type Database from 'better-sqlite3';
import { CLOCK_TOLERANCE_MS } from './action';
import { verifyChain, type VerifyOptions } from './chain';

export interface LedgerProblem {
  /** The ledger entry concerned, when there is one. */
  readonly seq: number | null;
  /** The invariant broken, named as in the tests (issue 5). */
  readonly rule: string;
  readonly detail: string;
}

export interface LedgerReport {
  readonly entries: number;
  readonly headHash: string;
  readonly problems: readonly LedgerProblem[];
}

/** At most this many problems are listed; the first is what matters. */
export const MAX_PROBLEMS = 100;

/**
 * `ebill ledger verify` (issue 5): recomputes the hash chain and checks every invariant against the
 * rows — each business row equals what its chained entry recorded (so a row edited or deleted behind
 * the triggers' back is found), books are gapless, a bill has at most one receipt in force, receipt
 * dates are the dates they were issued, Ref1 counters match the bills, and time never went back
 * without a supervisor's acknowledgement.
 */
export function verifyLedger(sqlite: Database.Database, options: VerifyOptions = {}): LedgerReport {
  // The invariants are checked in this thread while worker threads hash the chain (chain.ts).
  let invariants: LedgerProblem[] = [];
  const chain = verifyChain(sqlite, options, () => {
    invariants = invariantProblems(sqlite);
  });
  const problems: LedgerProblem[] = [];
  const add = (problem: LedgerProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  // The chain pass also proves that every business row is the one its entry hashed (entry-payloads.ts).
  if (chain.firstBreak !== null) add({ seq: chain.firstBreak.seq, rule: chain.firstBreak.rule, detail: chain.firstBreak.reason });
  for (const problem of chain.problems) if (problem !== chain.firstBreak) add({ seq: problem.seq, rule: problem.rule, detail: problem.reason });
  for (const problem of invariants) add(problem);
  return { entries: chain.entries, headHash: chain.headHash, problems };
}

/** Every invariant but the chain's, in a fixed order (at most MAX_PROBLEMS). */
function invariantProblems(sqlite: Database.Database): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const add = (problem: LedgerProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  // Derived from the chain (0020): completeness per day (sync) counts a day's entries from here.
  checkSql(
    sqlite,
    add,
    'ledger-days-match-entries',
    `SELECT e.business_date AS d, e.first AS expected, l.first_seq AS stored FROM (SELECT business_date, min(seq) AS first FROM ledger_entries GROUP BY business_date) e
       LEFT JOIN ledger_days l ON l.business_date = e.business_date WHERE l.first_seq IS NOT e.first
     UNION ALL SELECT l.business_date, NULL, l.first_seq FROM ledger_days l WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.business_date = l.business_date)`,
    (r) => ({ seq: null, detail: `business date ${String(r['d'])}: first entry ${String(r['expected'])}, ledger_days says ${String(r['stored'])}` }),
  );
  checkSql(
    sqlite,
    add,
    'bill-written-with-its-request',
    `SELECT b.entry_seq AS seq, b.ref1 FROM bills b LEFT JOIN payment_requests r ON r.id = b.request_id WHERE r.entry_seq IS NOT b.entry_seq`,
    (r) => ({ seq: Number(r['seq']), detail: `bill ${String(r['ref1'])} was not written by the entry of its request` }),
  );
  checkSql(sqlite, add, 'gapless-books', `SELECT book, count(*) AS n, min(number) AS lo, max(number) AS hi FROM receipts WHERE is_paper = 0 GROUP BY book HAVING lo <> 1 OR hi <> n`, (r) => ({
    seq: null,
    detail: `book ${String(r['book'])} has ${String(r['n'])} receipts numbered ${String(r['lo'])}–${String(r['hi'])}`,
  }));
  checkSql(
    sqlite,
    add,
    'one-receipt-per-bill',
    `SELECT bill_id AS billId, count(*) AS n FROM receipts r WHERE bill_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM receipt_events e WHERE e.receipt_id = r.id AND e.kind = 'cancelled') GROUP BY bill_id HAVING n > 1`,
    (r) => ({ seq: null, detail: `bill ${String(r['billId'])} has ${String(r['n'])} receipts in force` }),
  );
  checkSql(
    sqlite,
    add,
    'receipt-date-is-issue-date',
    `SELECT r.entry_seq AS seq, r.book, r.number, r.business_date AS d, l.business_date AS e FROM receipts r JOIN ledger_entries l ON l.seq = r.entry_seq
     WHERE r.is_paper = 0 AND r.business_date <> l.business_date`,
    (r) => ({ seq: Number(r['seq']), detail: `receipt ${String(r['book'])}/${String(r['number'])} is dated ${String(r['d'])} but was issued on ${String(r['e'])}` }),
  );
  checkSql(
    sqlite,
    add,
    'bill-payment-confirmed',
    `SELECT r.entry_seq AS seq, r.book, r.number FROM receipts r LEFT JOIN payment_confirmations c ON c.id = r.payment_confirmation_id
     WHERE r.method = 'bill-payment' AND (c.id IS NULL OR c.amount_satang <> r.amount_satang OR c.bill_id IS NOT r.bill_id)`,
    (r) => ({ seq: Number(r['seq']), detail: `bill-payment receipt ${String(r['book'])}/${String(r['number'])} has no matching payment confirmation` }),
  );
  checkSql(
    sqlite,
    add,
    'ref1-counters-match-bills',
    `SELECT c.scope, c.last_value AS v,
            (SELECT count(*) FROM bills b WHERE substr(b.ref1, 8, 2) = substr(c.scope, 8, 2) AND substr(b.ref1, 10, 1) = substr(c.scope, 11)) AS n
     FROM number_counters c WHERE c.scope LIKE 'ref1:%' AND v <> n`,
    (r) => ({ seq: null, detail: `counter ${String(r['scope'])} is at ${String(r['v'])} but ${String(r['n'])} bills carry its numbers` }),
  );
  checkSql(
    sqlite,
    add,
    'time-never-goes-back',
    // The entry before each one by a seek (half the time of a lag() window over the whole chain).
    `SELECT l.seq, l.at_ms AS atMs, p.at_ms AS prev FROM ledger_entries l JOIN ledger_entries p ON p.seq = (SELECT max(x.seq) FROM ledger_entries x WHERE x.seq < l.seq)
     WHERE l.at_ms + ${CLOCK_TOLERANCE_MS} < p.at_ms AND l.kind <> 'clock.acknowledged'`,
    (r) => ({ seq: Number(r['seq']), detail: `entry time ${new Date(Number(r['atMs'])).toISOString()} is before the entry before it (${new Date(Number(r['prev'])).toISOString()})` }),
  );
  return problems;
}

function checkSql(
  sqlite: Database.Database,
  add: (problem: LedgerProblem) => void,
  rule: string,
  sql: string,
  describe: (row: Record<string, unknown>) => { seq: number | null; detail: string },
): void {
  for (const row of sqlite.prepare(sql).iterate() as IterableIterator<Record<string, unknown>>) add({ rule, ...describe(row) });
}

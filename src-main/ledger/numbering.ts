import type Database from 'better-sqlite3';
import { CodedError } from '../../src-shared/result';
import { prepared } from './statements';

/**
 * Gapless counters (design.md "Identity and numbering"). Each scope names what it numbers and
 * carries what makes it unique across terminals, e.g. `ref1:2569:1` (B.E. calendar year, slot) or
 * `receipt:E69-5401-1` (the electronic book). The increment runs inside the business action's
 * transaction: a number is used only if that transaction commits, so there is never a gap.
 */
export function nextNumber(sqlite: Database.Database, scope: string, max: number): number {
  if (!sqlite.inTransaction) throw new Error('nextNumber must run inside the business action’s transaction');
  const row = prepared(
    sqlite,
    `INSERT INTO number_counters (scope, last_value) VALUES (?, 1)
     ON CONFLICT(scope) DO UPDATE SET last_value = last_value + 1
     RETURNING last_value AS value`,
  ).get(scope) as { value: number };
  if (row.value > max) throw new CodedError('COUNTER_EXHAUSTED', `Numbers of ${scope} are used up (${max}); a new book or year is needed`);
  return row.value;
}

export function peekNumber(sqlite: Database.Database, scope: string): number {
  const row = prepared(sqlite, 'SELECT last_value AS value FROM number_counters WHERE scope = ?').get(scope) as { value: number } | undefined;
  return row?.value ?? 0;
}

import type { Sql } from './client';

/**
 * Batched INSERTs that send each column as ONE text parameter, its values joined by U+0001 (NULL as
 * U+0002), split back by `string_to_array` and `unnest`ed (issue 11, bench/README.md "the batch
 * INSERT"). Nothing is escaped on either side: node-postgres escapes every quote of every value into
 * an array literal for the server to parse back, which cost the ingest ~2.5× for entries' JSON
 * payloads. Neither mark can occur in a JSON payload (raw control characters are not JSON) nor in the
 * ids, dates, codes and hashes the protocol admits; a batch where one occurs anyway, or with an
 * empty text (a lone '' splits to no element at all), goes as arrays instead (`arraysSource`), stored
 * exactly the same. The same SQL runs on PGlite.
 */
export const SEPARATOR = '\u0001';
export const NULL_MARK = '\u0002';

export interface Column<R> {
  readonly name: string;
  /** A PostgreSQL type the text casts to: text, bigint, int, boolean. */
  readonly type: string;
  readonly of: (row: R) => string | number | boolean | null;
}

/**
 * One text parameter per column, or null when a value cannot travel delimited (it holds a mark, or
 * is the empty text). One pass over the values.
 */
export function delimitedParams<R>(rows: readonly R[], columns: readonly Column<R>[]): string[] | null {
  let fits = true;
  const text = (v: string | number | boolean | null): string => {
    if (v === null) return NULL_MARK;
    if (typeof v !== 'string') return String(v);
    if (v === '' || v.includes(SEPARATOR) || v.includes(NULL_MARK)) fits = false;
    return v;
  };
  const params = columns.map((c) => rows.map((row) => text(c.of(row))).join(SEPARATOR));
  return fits ? params : null;
}

/** `unnest(string_to_array($first::text, …)::type[], …) AS u(names)`: the columns from parameter `first` on. */
export function delimitedSource(columns: readonly Column<unknown>[], first: number): string {
  const arrays = columns.map((c, i) => `string_to_array($${first + i}::text, chr(1), chr(2))${c.type === 'text' ? '' : `::${c.type}[]`}`);
  return `unnest(${arrays.join(', ')}) AS u(${columns.map((c) => c.name).join(', ')})`;
}

/** The same source from one array parameter per column (node-postgres writes the array literals). */
export function arraysSource(columns: readonly Column<unknown>[], first: number): string {
  return `unnest(${columns.map((c, i) => `$${first + i}::${c.type}[]`).join(', ')}) AS u(${columns.map((c) => c.name).join(', ')})`;
}

/** A batch INSERT's statement and parameters, built before it is sent. */
export interface BatchInsert {
  readonly sql: string;
  readonly params: readonly unknown[];
  /** The prepared statement's name (client.ts `QueryOptions`), one per form the statement takes. */
  readonly prepared: string;
}

/**
 * The statement and its parameters: `INSERT INTO table (lead…, columns…) SELECT $1…, u.* FROM
 * <source> <tail>`. `lead` are values shared by every row (the terminal id), sent once as the first
 * parameters; `tail` is the conflict clause (and RETURNING).
 */
export function batchInsert<R>(
  table: string,
  lead: readonly { name: string; value: unknown }[],
  rows: readonly R[],
  columns: readonly Column<R>[],
  tail: string,
  prepared: string,
): BatchInsert {
  const first = lead.length + 1;
  const names = [...lead.map((l) => l.name), ...columns.map((c) => c.name)].join(', ');
  const delimited = delimitedParams(rows, columns);
  const source = delimited !== null ? delimitedSource(columns as readonly Column<unknown>[], first) : arraysSource(columns as readonly Column<unknown>[], first);
  const params = delimited ?? columns.map((c) => rows.map((row) => c.of(row)));
  const values = [...lead.map((_l, i) => `$${i + 1}`), 'u.*'].join(', ');
  return {
    sql: `INSERT INTO ${table} (${names}) SELECT ${values} FROM ${source} ${tail}`,
    params: [...lead.map((l) => l.value), ...params],
    prepared: `${prepared}-${delimited !== null ? 'delimited' : 'arrays'}`,
  };
}

/**
 * A batch INSERT whose `tail` ends in RETURNING, answered as one row with how many it returned:
 * the rows themselves are not sent back and parsed (measured ~8% of the ingest, bench/README.md).
 */
export async function runCounted(tx: Sql, insert: BatchInsert): Promise<number> {
  const counted = await tx.query<{ n: number }>(`WITH i AS (${insert.sql}) SELECT count(*)::int AS n FROM i`, insert.params, { prepared: `${insert.prepared}-counted` });
  return counted[0]?.n ?? 0;
}

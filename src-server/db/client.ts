import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

/**
 * Central's database behind one small interface: PGlite in the data folder by default, PostgreSQL
 * when DATABASE_URL is set (issue 11). Everything above it writes plain PostgreSQL SQL with $n
 * parameters, so both run the same statements; drizzle owns the schema and the migrations.
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
}

export interface QueryOptions {
  /**
   * A name under which PostgreSQL keeps the statement parsed, per connection (a named prepared
   * statement), for a statement run on every push: its parse and plan are not repeated (measured
   * ~1.5 µs an entry of the ingest, bench/README.md). One name, one text always (node-postgres
   * refuses another text under a name it has prepared). PGlite ignores it.
   */
  readonly prepared?: string;
}

export interface CentralDb extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** One transaction; a thrown error rolls it back. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** Connections of the PostgreSQL pool (PGlite has exactly one). */
const POOL_SIZE = 8;
const STATEMENT_TIMEOUT_MS = 30_000;

/** PGlite in `dir` (created if needed), or in memory when `dir` is undefined (tests). Migrated. */
export async function openPglite(dir: string | undefined): Promise<CentralDb> {
  if (dir !== undefined) mkdirSync(dir, { recursive: true });
  const lite = dir === undefined ? new PGlite() : new PGlite(dir);
  await lite.waitReady;
  await migratePglite(drizzlePglite(lite), { migrationsFolder: MIGRATIONS_DIR });
  const wrap = (q: Pick<PGlite, 'query'>): Sql => ({
    query: async <T>(text: string, params: readonly unknown[] = []) => (await q.query<T>(text, [...params])).rows,
  });
  return {
    kind: 'pglite',
    ...wrap(lite),
    transaction: <T>(work: (tx: Sql) => Promise<T>): Promise<T> => lite.transaction<T>((tx) => work(wrap(tx))),
    close: () => lite.close(),
  };
}

const INT8_OID = 20;
/** bigint columns come back as numbers, as PGlite gives them (every one is below 2^53: ms, seqs, satang). */
const parseInt8 = (value: string): number => Number(value);
const typeParser = ((oid: number, format?: 'text' | 'binary'): unknown =>
  oid === INT8_OID && format !== 'binary' ? parseInt8 : (pg.types.getTypeParser(oid, format ?? 'text') as unknown)) as typeof pg.types.getTypeParser;

/** PostgreSQL at `url` (a pool). Migrated. */
export async function openPostgres(url: string): Promise<CentralDb> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, statement_timeout: STATEMENT_TIMEOUT_MS, types: { getTypeParser: typeParser } });
  await migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_DIR });
  const wrap = (q: pg.Pool | pg.PoolClient): Sql => ({
    query: async <T>(text: string, params: readonly unknown[] = [], options?: QueryOptions) =>
      (options?.prepared === undefined ? await q.query(text, [...params]) : await q.query({ name: options.prepared, text, values: [...params] })).rows as T[],
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function openCentralDb(options: { readonly databaseUrl: string | undefined; readonly pgliteDir: string | undefined }): Promise<CentralDb> {
  return options.databaseUrl !== undefined && options.databaseUrl !== '' ? openPostgres(options.databaseUrl) : openPglite(options.pgliteDir);
}

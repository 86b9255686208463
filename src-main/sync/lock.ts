import type Database from 'better-sqlite3';

const tails = new WeakMap<Database.Database, Promise<unknown>>();

/**
 * Runs `work` after every other sync exchange on this database has finished (one at a time per
 * connection): the background round and the counter's on-demand pull or send never interleave,
 * so a pull page is never fetched and applied twice and cursors never step back.
 */
export function withSyncLock<T>(sqlite: Database.Database, work: () => Promise<T>): Promise<T> {
  const before = tails.get(sqlite) ?? Promise.resolve();
  const run = before.then(work, work);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(sqlite, tail);
  void tail.then(() => {
    if (tails.get(sqlite) === tail) tails.delete(sqlite);
  });
  return run;
}

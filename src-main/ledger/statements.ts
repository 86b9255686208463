import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Hot statements are prepared once per connection and reused (issue 5 "Hot statements prepared"). */
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (cache === undefined) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

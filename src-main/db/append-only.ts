import type Database from 'better-sqlite3';

/**
 * Tables whose rows are never updated or deleted, each guarded by two triggers
 * (`<table>_no_update`, `<table>_no_delete`). Features add their tables here with their migration.
 */
export const APPEND_ONLY_TABLES = ['database_info', 'terminal_binding', 'audit_log'] as const;

export function expectedTriggers(): string[] {
  return APPEND_ONLY_TABLES.flatMap((table) => [`${table}_no_update`, `${table}_no_delete`]);
}

/** Names of the append-only triggers that are missing (empty when all are there). */
export function missingAppendOnlyTriggers(sqlite: Database.Database): string[] {
  const present = new Set(
    (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string }[]).map((r) => r.name),
  );
  return expectedTriggers().filter((name) => !present.has(name));
}

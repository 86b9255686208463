import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { listTerminalBackups, type TerminalRef } from './backup-names';

/**
 * Keeps the newest `keep` backups of this terminal in the folder and deletes the older ones. Only
 * files named like our backups of this same terminal are ever considered, and the backup just made
 * is never deleted, whatever its name sorts as (a clock set back must not rotate it away).
 * Returns the files deleted.
 */
export function rotateBackups(dir: string, terminal: TerminalRef, keep: number, justMade: string): string[] {
  const kept = resolve(justMade);
  const others = listTerminalBackups(dir, terminal).filter((b) => resolve(b.file) !== kept);
  // The one just made takes one of the `keep` places.
  const surplus = others.slice(Math.max(0, keep - 1));
  for (const old of surplus) rmSync(old.file, { force: true });
  return surplus.map((b) => b.file);
}

import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { CodedError } from '../../src-shared/result';
import { HASH_HEX_SQL, readHead, verifyChain } from '../ledger/chain';
import { readIdentity } from '../ledger/identity';
import { hasTable, isCorruptionError, openReadonly, quickCheckProblem, type NativeBinding } from './sqlite-files';

/** What a database holds that backup and restore compare. */
export interface DatabaseFacts {
  readonly place: string | null;
  readonly terminalSlot: number | null;
  readonly boundMachineId: string | null;
  readonly isTraining: boolean;
  readonly headSeq: number;
  readonly headHash: string;
  /** The highest `central_acks.high_water_seq`: what central already has of this chain (0: nothing known). */
  readonly centralHighWater: number;
}

/** A backup that passed every check: quick_check, an unbroken chain, an office set up. */
export interface VerifiedBackup extends DatabaseFacts {
  readonly file: string;
  readonly place: string;
  readonly terminalSlot: number;
  readonly entries: number;
}

/** Reads the facts of an office database (tables that do not exist yet count as empty). */
export function readDatabaseFacts(sqlite: Database.Database): DatabaseFacts {
  const identity = hasTable(sqlite, 'office') && hasTable(sqlite, 'database_info') && hasTable(sqlite, 'terminal_binding') ? readIdentity(sqlite) : null;
  const head = hasTable(sqlite, 'ledger_entries') ? readHead(sqlite) : { seq: 0, hash: '0'.repeat(64) };
  return {
    place: identity?.place ?? null,
    terminalSlot: identity?.terminalSlot ?? null,
    boundMachineId: identity?.boundMachineId ?? null,
    isTraining: identity?.isTraining ?? isTrainingDatabase(sqlite),
    headSeq: head.seq,
    headHash: head.hash,
    centralHighWater: readCentralHighWater(sqlite),
  };
}

/**
 * Whether a database is a training database (`database_info.is_training = 1`, set by `init --training`).
 * Training databases are never synced as real data: the sync issue checks this before sending anything.
 */
export function isTrainingDatabase(sqlite: Database.Database): boolean {
  if (!hasTable(sqlite, 'database_info')) return false;
  const row = sqlite.prepare('SELECT is_training AS isTraining FROM database_info WHERE id = 1').get() as { isTraining: number } | undefined;
  return row?.isTraining === 1;
}

export function readCentralHighWater(sqlite: Database.Database): number {
  if (!hasTable(sqlite, 'central_acks')) return 0;
  const row = sqlite.prepare('SELECT max(high_water_seq) AS highWater FROM central_acks').get() as { highWater: number | null };
  return row.highWater ?? 0;
}

/** The hash of the entry at `seq` (the genesis hash for 0), or null when the chain has no such entry. */
export function entryHashAt(sqlite: Database.Database, seq: number): string | null {
  if (seq === 0) return '0'.repeat(64);
  if (!hasTable(sqlite, 'ledger_entries')) return null;
  const row = sqlite.prepare(`SELECT ${HASH_HEX_SQL} AS hash FROM ledger_entries WHERE seq = ?`).get(seq) as { hash: string } | undefined;
  return row?.hash ?? null;
}

/**
 * Verifies a backup file, opened read-only: `PRAGMA quick_check` is ok, it is an office database
 * that was set up, and its hash chain recomputes with no break. BACKUP_INVALID says which check failed.
 */
export function verifyBackupFile(file: string, nativeBinding?: NativeBinding): VerifiedBackup {
  if (!existsSync(file)) throw new CodedError('BACKUP_INVALID', `There is no file at ${file}`);
  let sqlite: Database.Database;
  try {
    sqlite = openReadonly(file, nativeBinding);
  } catch (error) {
    throw new CodedError('BACKUP_INVALID', `${file} cannot be opened as a database: ${(error as Error).message}`);
  }
  try {
    return verifyOpenBackup(sqlite, file);
  } catch (error) {
    if (error instanceof CodedError) throw error;
    if (isCorruptionError(error)) throw new CodedError('BACKUP_INVALID', `${file} is damaged or is not a database: ${(error as Error).message}`);
    throw new CodedError('BACKUP_INVALID', `${file} could not be read: ${(error as Error).message}`);
  } finally {
    sqlite.close();
  }
}

function verifyOpenBackup(sqlite: Database.Database, file: string): VerifiedBackup {
  const problem = quickCheckProblem(sqlite);
  if (problem !== null) throw new CodedError('BACKUP_INVALID', `${file} failed the integrity check (PRAGMA quick_check): ${problem}`);
  if (!hasTable(sqlite, 'ledger_entries') || !hasTable(sqlite, 'office')) {
    throw new CodedError('BACKUP_INVALID', `${file} is not an ebill-counter office database (it has no ledger)`);
  }
  const facts = readDatabaseFacts(sqlite);
  if (facts.place === null || facts.terminalSlot === null) throw new CodedError('BACKUP_INVALID', `${file} holds a database that was never set up (no office or terminal)`);
  const chain = verifyChain(sqlite);
  if (chain.firstBreak !== null) {
    throw new CodedError('BACKUP_INVALID', `${file}: the ledger's hash chain is broken at entry ${chain.firstBreak.seq} (${chain.firstBreak.reason})`);
  }
  if (chain.entries !== facts.headSeq || chain.headHash !== facts.headHash) {
    throw new CodedError('BACKUP_INVALID', `${file}: the chain verifies to entry ${chain.entries} but the head is entry ${facts.headSeq}`);
  }
  return { ...facts, file, place: facts.place, terminalSlot: facts.terminalSlot, entries: chain.entries };
}

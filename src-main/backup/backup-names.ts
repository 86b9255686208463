import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** How many backups of one terminal a backup folder keeps (rotation); backup-config.json may change it. */
export const DEFAULT_KEEP_BACKUPS = 30;
/** The most a configuration may ask to keep: a limit on everything (style.md §14). */
export const MAX_KEEP_BACKUPS = 1_000;

/** Which terminal a backup belongs to: the office, the slot, and whether it is the training database. */
export interface TerminalRef {
  readonly place: string;
  readonly terminalSlot: number;
  readonly isTraining: boolean;
}

export interface BackupName extends TerminalRef {
  /** `YYYYMMDD-HHmmss`, UTC. */
  readonly stamp: string;
  readonly headSeq: number;
}

export interface FoundBackup extends BackupName {
  readonly file: string;
}

/**
 * `ebill-<place>-<slot>-<YYYYMMDD-HHmmss UTC>-seq<head seq>.sqlite`; a training database's backups
 * start `ebill-training-` so that they never count towards (or rotate away) the office's own.
 */
const BACKUP_NAME = /^ebill-(training-)?(\d{4})-([1-9])-(\d{8}-\d{6})-seq(\d+)\.sqlite$/;

export function backupFileName(terminal: TerminalRef, atMs: number, headSeq: number): string {
  return `ebill-${terminal.isTraining ? 'training-' : ''}${terminal.place}-${terminal.terminalSlot}-${utcStamp(atMs)}-seq${headSeq}.sqlite`;
}

/** The parts of one of our backup names, or null for any other file (never touched by rotation). */
export function parseBackupFileName(name: string): BackupName | null {
  const match = BACKUP_NAME.exec(name);
  if (match === null) return null;
  const [, training, place, slot, stamp, seq] = match;
  if (place === undefined || slot === undefined || stamp === undefined || seq === undefined) return null;
  return { isTraining: training !== undefined, place, terminalSlot: Number(slot), stamp, headSeq: Number(seq) };
}

/** `YYYYMMDD-HHmmss` in UTC: sorts as text in time order and means the same on every PC. */
export function utcStamp(atMs: number): string {
  const iso = new Date(atMs).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/** Every file of the folder named like one of our backups, newest first (time, then head seq). */
export function listBackups(dir: string): FoundBackup[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: FoundBackup[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (parsed !== null) found.push({ ...parsed, file: join(dir, name) });
  }
  return found.sort(newestFirst);
}

/** The backups of one terminal in a folder, newest first. */
export function listTerminalBackups(dir: string, terminal: TerminalRef): FoundBackup[] {
  return listBackups(dir).filter((b) => isSameTerminal(b, terminal));
}

export function isSameTerminal(a: TerminalRef, b: TerminalRef): boolean {
  return a.place === b.place && a.terminalSlot === b.terminalSlot && a.isTraining === b.isTraining;
}

/** Sort order of backups: newest time first, then the higher head seq. */
export function newestFirst(a: BackupName, b: BackupName): number {
  if (a.stamp !== b.stamp) return a.stamp < b.stamp ? 1 : -1;
  return b.headSeq - a.headSeq;
}

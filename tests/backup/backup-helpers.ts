import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeBackup, type BackupResult } from '../../src-main/backup/make-backup';
import { readHead } from '../../src-main/ledger/chain';
import { dataPaths } from '../../src-main/platform/paths';
import type { TestOffice } from '../helpers/office';
import { makeLedgerOffice, type LedgerOffice } from '../ledger/ledger-helpers';

const dirs: string[] = [];

/** A temporary folder removed by `removeTempDirs` (afterAll / afterEach). */
export function tempDir(prefix = 'ebill-backup-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A real office in `dataDir` (set up, one user per role) with `receipts` cash receipts in its ledger. */
export async function officeWithReceipts(dataDir: string, receipts: number): Promise<LedgerOffice> {
  const office = await makeLedgerOffice({ dataDir });
  for (let i = 0; i < receipts; i += 1) await office.cashReceipt();
  return office;
}

export function headSeq(office: LedgerOffice): number {
  return readHead(office.host.services.database.sqlite).seq;
}

export function backUp(office: Pick<TestOffice, 'host' | 'dataDir' | 'clock'>, backupDir = dataPaths(office.dataDir).backupDir, keep?: number): Promise<BackupResult> {
  return makeBackup(office.host.services.database.sqlite, { backupDir, clock: office.clock, ...(keep === undefined ? {} : { keep }) });
}

/** The bytes of a data folder's database file (the "nothing changed" proof). */
export function databaseBytes(dataDir: string): Buffer {
  return readFileSync(dataPaths(dataDir).databaseFile);
}

/** Runs SQL on a file through a raw connection (a tamperer's view: no app, no checks). */
export function rawSql(file: string, sql: string): void {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.exec(sql);
  } finally {
    sqlite.close();
  }
}

/** What central acknowledged, as the sync issue records it (central_acks is append-only: insert only). */
export function recordCentralAck(office: LedgerOffice, highWaterSeq: number): void {
  office.host.services.database.sqlite
    .prepare('INSERT INTO central_acks (id, high_water_seq, head_hash, at_ms) VALUES (?, ?, ?, ?)')
    .run(`ack-${highWaterSeq}-${office.clock.nowMs()}`, highWaterSeq, 'f'.repeat(64), office.clock.nowMs());
}

/** Overwrites bytes in the middle of a file, as a failing disk does. */
export function damageMiddle(bytes: Buffer, length = 8_192): Buffer {
  const damaged = Buffer.from(bytes);
  const start = Math.floor(damaged.length / 2);
  for (let i = start; i < Math.min(damaged.length, start + length); i += 1) damaged[i] = 0xa5;
  return damaged;
}

import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup, type RestoreRefused } from '../../src-main/backup/restore';
import { openOfficeDatabase } from '../../src-main/db/open';
import { readHead } from '../../src-main/ledger/chain';
import { memoryLogger } from '../../src-main/platform/logger';
import { dataPaths, trainingDataDir } from '../../src-main/platform/paths';
import { makeTestOffice, MACHINE_ID, SETUP_INPUT, client, expectOk } from '../helpers/office';
import { backUp, databaseBytes, headSeq, officeWithReceipts, rawSql, recordCentralAck, removeTempDirs, tempDir } from './backup-helpers';

afterEach(removeTempDirs);

const logger = memoryLogger();

function refusal(run: () => unknown): RestoreRefused & { fields: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    return error as RestoreRefused & { fields: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
}

function headOf(dataDir: string): { seq: number; hash: string } {
  const paths = dataPaths(dataDir);
  const database = openOfficeDatabase({ file: paths.databaseFile, backupDir: paths.backupDir, clock: { nowMs: () => 0 }, logger });
  try {
    return readHead(database.sqlite);
  } finally {
    database.close();
  }
}

describe('restoreBackup refuses what it cannot trust', () => {
  it('a tampered backup (a receipt\'s amount changed behind a dropped trigger) is refused with BACKUP_INVALID and nothing changes', async () => {
    const dataDir = tempDir();
    const office = await officeWithReceipts(dataDir, 2);
    const backup = await backUp(office);
    office.close();
    const tampered = join(tempDir(), 'tampered.sqlite');
    copyFileSync(backup.file, tampered);
    rawSql(tampered, `DROP TRIGGER receipts_no_update; UPDATE receipts SET amount_satang = 1500 WHERE number = 1; CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts BEGIN SELECT RAISE(ABORT, 'x'); END;`);
    const before = databaseBytes(dataDir);

    const error = refusal(() => restoreBackup(dataDir, tampered, { logger }));
    expect(error).toMatchObject({ code: 'BACKUP_INVALID', message: expect.stringMatching(/hash chain is broken at entry 2 \(hash does not match the entry and the receipts rows it wrote/) });
    expect(databaseBytes(dataDir).equals(before)).toBe(true);
    expect(readdirSync(dataPaths(dataDir).backupDir).some((name) => name.startsWith('replaced-'))).toBe(false);
  });

  it('a file that is not a database at all is BACKUP_INVALID, and a missing file too', () => {
    const dataDir = tempDir();
    const junk = join(dataDir, 'junk.sqlite');
    copyFileSync(import.meta.filename, junk);
    expect(refusal(() => restoreBackup(dataDir, junk, { logger }))).toMatchObject({ code: 'BACKUP_INVALID', message: expect.stringMatching(/not a database/) });
    expect(refusal(() => restoreBackup(dataDir, join(dataDir, 'nope.sqlite'), { logger }))).toMatchObject({ code: 'BACKUP_INVALID', message: expect.stringMatching(/There is no file/) });
    expect(existsSync(dataPaths(dataDir).databaseFile)).toBe(false);
  });

  it('a backup older than the current head is refused with RESTORE_REFUSED, the numbers of what would be lost, and the current files unchanged', async () => {
    const dataDir = tempDir();
    const office = await officeWithReceipts(dataDir, 1);
    const backup = await backUp(office);
    await office.cashReceipt();
    const current = headSeq(office);
    office.close();
    const before = databaseBytes(dataDir);

    const error = refusal(() => restoreBackup(dataDir, backup.file, { logger }));
    expect(error.code).toBe('RESTORE_REFUSED');
    expect(error.fields).toMatchObject({ wouldLoseEntries: current - backup.headSeq, currentHeadSeq: current, backupHeadSeq: backup.headSeq, centralHighWater: 0, isSameChain: true });
    expect(error.message).toContain(`${current - backup.headSeq} ledger entries after the backup's last one (entries ${backup.headSeq + 1}–${current}`);
    expect(databaseBytes(dataDir).equals(before)).toBe(true);
    expect(headOf(dataDir).seq).toBe(current);
  });

  it('--force moves the current files aside (they still exist, byte for byte) and restores the backup', async () => {
    const dataDir = tempDir();
    const office = await officeWithReceipts(dataDir, 1);
    const backup = await backUp(office);
    await office.cashReceipt();
    const current = headSeq(office);
    office.close();
    const before = databaseBytes(dataDir);

    const result = restoreBackup(dataDir, backup.file, { force: true, logger, machineId: MACHINE_ID });
    expect(result).toMatchObject({ headSeq: backup.headSeq, headHash: backup.headHash, wouldLoseEntries: current - backup.headSeq, isBoundToThisMachine: true });
    expect(result.replacedDir).toMatch(/backups[/\\]replaced-\d{8}-\d{6}$/);
    expect(readFileSync(join(result.replacedDir ?? '', 'ebill.sqlite')).equals(before)).toBe(true);
    expect(headOf(dataDir)).toMatchObject({ seq: backup.headSeq, hash: backup.headHash });
    expect(result.message).toMatch(/moved to .*replaced-/);
    expect(result.message).toMatch(/Forced although/);
  });

  it('refuses when central_acks says central already has more than the backup, with both numbers', async () => {
    const dataDir = tempDir();
    const office = await officeWithReceipts(dataDir, 1);
    const older = await backUp(office);
    await office.cashReceipt();
    const acked = headSeq(office);
    recordCentralAck(office, acked);
    office.close();
    const before = databaseBytes(dataDir);
    const error = refusal(() => restoreBackup(dataDir, older.file, { logger }));
    expect(error.code).toBe('RESTORE_REFUSED');
    expect(error.fields).toMatchObject({ centralHighWater: acked, backupHeadSeq: older.headSeq, centralAheadBy: acked - older.headSeq });
    expect(error.message).toContain(`central has already acknowledged this terminal's entries up to ${acked} but the backup ends at entry ${older.headSeq}`);
    expect(databaseBytes(dataDir).equals(before)).toBe(true);
  });

  it('refuses on central_acks recorded in the backup itself when there is no current database to compare with', async () => {
    const dataDir = tempDir();
    const office = await officeWithReceipts(dataDir, 2);
    recordCentralAck(office, headSeq(office) + 5);
    const backup = await backUp(office);
    office.close();
    const empty = tempDir();
    const error = refusal(() => restoreBackup(empty, backup.file, { logger }));
    expect(error.fields).toMatchObject({ currentHeadSeq: null, centralHighWater: backup.headSeq + 5, centralAheadBy: 5 });
    expect(existsSync(dataPaths(empty).databaseFile)).toBe(false);
  });

  it('refuses to replace a different chain that has entries (another terminal’s database), and says how many', async () => {
    const mine = tempDir();
    const office = await officeWithReceipts(mine, 1);
    office.close();
    const theirs = tempDir();
    const other = await officeWithReceipts(theirs, 1);
    const backup = await backUp(other);
    other.close();
    const error = refusal(() => restoreBackup(mine, backup.file, { logger }));
    expect(error.fields).toMatchObject({ isSameChain: false, wouldLoseEntries: headOf(mine).seq });
    expect(error.message).toMatch(/different ledger chain/);
  });

  it('a training backup is never restored into the office’s folder, even with --force', async () => {
    const dataDir = tempDir();
    const real = await officeWithReceipts(dataDir, 0);
    real.close();
    const training = trainingDataDir(dataDir);
    mkdirSync(training);
    const office = makeTestOffice({ dataDir: training });
    await expectOk(office.call(client('setup'), 'setup.init', { ...SETUP_INPUT, isTraining: true }));
    const backup = await backUp(office);
    office.close();
    const before = databaseBytes(dataDir);
    expect(refusal(() => restoreBackup(dataDir, backup.file, { force: true, logger }))).toMatchObject({ code: 'RESTORE_REFUSED', message: expect.stringMatching(/is a training database/) });
    expect(databaseBytes(dataDir).equals(before)).toBe(true);
  });
});

describe('restoreBackup restores', () => {
  it('into an empty folder (a new PC): usable at once, and says it must be re-bound before issuing numbers', async () => {
    const office = await officeWithReceipts(tempDir(), 2);
    const backup = await backUp(office);
    office.close();
    const newPc = tempDir();
    const result = restoreBackup(newPc, backup.file, { logger, machineId: 'another-machine' });
    expect(result).toMatchObject({ replacedDir: null, isBoundToThisMachine: false, currentHeadSeq: null, wouldLoseEntries: 0 });
    expect(result.message).toMatch(/refuses to issue numbers here until an administrator re-binds it/);
    expect(headOf(newPc)).toMatchObject({ seq: backup.headSeq, hash: backup.headHash });
    expect(readdirSync(newPc).filter((name) => name.startsWith('.restore'))).toEqual([]);
  });

  it('a backup equal to the current head restores without --force (nothing is lost) and keeps the old files', async () => {
    const dataDir = tempDir();
    const office = await officeWithReceipts(dataDir, 1);
    const backup = await backUp(office);
    office.close();
    const result = restoreBackup(dataDir, backup.file, { logger });
    expect(result).toMatchObject({ wouldLoseEntries: 0, isSameChain: true });
    expect(existsSync(join(result.replacedDir ?? '', 'ebill.sqlite'))).toBe(true);
  });
});

describe('restoreBackup while the app is running', () => {
  it('refuses while another program has the database open, and moves nothing', async () => {
    const dataDir = tempDir();
    const office = await officeWithReceipts(dataDir, 1);
    try {
      const backup = await backUp(office);
      expect(refusal(() => restoreBackup(dataDir, backup.file, { logger }))).toMatchObject({ code: 'RESTORE_REFUSED', message: expect.stringMatching(/open in another program/) });
      expect(readdirSync(dataPaths(dataDir).backupDir).some((name) => name.startsWith('replaced-'))).toBe(false);
      expect(readdirSync(dataDir).filter((name) => name.startsWith('.restore'))).toEqual([]);
      expect(headSeq(office)).toBe(backup.headSeq);
    } finally {
      office.close();
    }
  });
});

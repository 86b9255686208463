import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_CONFIG_FILE_NAME, resolveBackupDir } from '../../src-main/backup/backup-config';
import { listTerminalBackups } from '../../src-main/backup/backup-names';
import { verifyBackupFile } from '../../src-main/backup/inspect';
import { makeBackup } from '../../src-main/backup/make-backup';
import { startBackupSchedule } from '../../src-main/backup/schedule';
import { readHead } from '../../src-main/ledger/chain';
import { manualClock } from '../../src-main/platform/clock';
import { memoryLogger } from '../../src-main/platform/logger';
import { dataPaths } from '../../src-main/platform/paths';
import { makeTestOffice, T0_MS } from '../helpers/office';
import { backUp, headSeq, officeWithReceipts, removeTempDirs, tempDir } from './backup-helpers';

afterEach(removeTempDirs);

const TERMINAL = { place: '5401', terminalSlot: 1, isTraining: false };

describe('makeBackup', () => {
  it('a backup is one verified file named ebill-<place>-<slot>-<UTC time>-seq<head>.sqlite whose head is the source head', async () => {
    const office = await officeWithReceipts(tempDir(), 2);
    try {
      const head = readHead(office.host.services.database.sqlite);
      expect(head.seq).toBeGreaterThan(0);
      const result = await backUp(office);
      expect(basename(result.file)).toBe(`ebill-5401-1-20261123-020000-seq${head.seq}.sqlite`);
      expect(result).toMatchObject({ headSeq: head.seq, headHash: head.hash, bytes: statSync(result.file).size, deleted: [] });
      const verified = verifyBackupFile(result.file);
      expect(verified).toMatchObject({ headSeq: head.seq, headHash: head.hash, entries: head.seq, place: '5401', terminalSlot: 1, isTraining: false });
      // One self-contained file: no -wal/-shm beside it, no temporary file left.
      expect(readdirSync(dataPaths(office.dataDir).backupDir)).toEqual([basename(result.file)]);
    } finally {
      office.close();
    }
  });

  it('a backup of a database with no ledger entries yet verifies too (seq0)', async () => {
    const office = await officeWithReceipts(tempDir(), 0);
    try {
      const result = await backUp(office);
      expect(result.headSeq).toBe(0);
      expect(basename(result.file)).toMatch(/-seq0\.sqlite$/);
      expect(verifyBackupFile(result.file).entries).toBe(0);
    } finally {
      office.close();
    }
  });

  it('rotation keeps the newest N backups of this terminal, never the other files in the folder', async () => {
    const office = await officeWithReceipts(tempDir(), 1);
    const usb = tempDir('ebill-usb-');
    const foreign = ['ebill-5401-2-20200101-000000-seq9.sqlite', 'notes.txt'];
    for (const name of foreign) writeFileSync(join(usb, name), 'not ours');
    try {
      const made: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        office.clock.advanceMs(1_000);
        if (i === 3) await office.cashReceipt();
        made.push((await backUp(office, usb, 3)).file);
      }
      const kept = listTerminalBackups(usb, TERMINAL).map((b) => b.file);
      expect(kept).toEqual(made.slice(2).reverse());
      expect(readdirSync(usb)).toEqual(expect.arrayContaining(foreign));
      for (const file of kept) expect(verifyBackupFile(file).headSeq).toBe(Number(/seq(\d+)/.exec(file)?.[1]));
    } finally {
      office.close();
    }
  });

  it('a database never set up is refused with BACKUP_FAILED and no file is written', async () => {
    const office = makeTestOffice({ dataDir: tempDir() });
    const target = tempDir('ebill-usb-');
    try {
      await expect(makeBackup(office.host.services.database.sqlite, { backupDir: target, clock: office.clock })).rejects.toMatchObject({
        code: 'BACKUP_FAILED',
        message: expect.stringMatching(/not been set up/),
      });
      expect(readdirSync(target)).toEqual([]);
    } finally {
      office.close();
    }
  });

  it('a backup folder that cannot be created (USB disk gone) fails with BACKUP_FAILED naming the folder', async () => {
    const office = await officeWithReceipts(tempDir(), 0);
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'x');
    try {
      await expect(backUp(office, join(blocker, 'backups'))).rejects.toMatchObject({ code: 'BACKUP_FAILED', message: expect.stringContaining(join(blocker, 'backups')) });
    } finally {
      office.close();
    }
  });

  it('the backup folder is --to, else backup-config.json "dir" (relative to the data folder), else <dataDir>/backups; a malformed config is BACKUP_FAILED', () => {
    const dataDir = tempDir();
    expect(resolveBackupDir(dataDir, undefined)).toBe(join(dataDir, 'backups'));
    writeFileSync(join(dataDir, BACKUP_CONFIG_FILE_NAME), JSON.stringify({ dir: 'usb' }));
    expect(resolveBackupDir(dataDir, undefined)).toBe(join(dataDir, 'usb'));
    expect(resolveBackupDir(dataDir, '/mnt/share')).toBe('/mnt/share');
    writeFileSync(join(dataDir, BACKUP_CONFIG_FILE_NAME), JSON.stringify({ keep: 0 }));
    expect(() => resolveBackupDir(dataDir, undefined)).toThrow(expect.objectContaining({ code: 'BACKUP_FAILED', message: expect.stringMatching(/keep/) }));
  });
});

describe('startBackupSchedule', () => {
  it('backs up only when the head seq moved since the last backup, and a failure is logged, never thrown', async () => {
    const office = await officeWithReceipts(tempDir(), 1);
    const logger = memoryLogger();
    const backupDir = join(tempDir(), 'backups');
    const schedule = startBackupSchedule({ sqlite: office.host.services.database.sqlite, dataDir: office.dataDir, clock: office.clock, logger, backupDir, intervalMinutes: 60 });
    try {
      const first = await schedule.runNow();
      expect(first?.headSeq).toBe(headSeq(office));
      office.clock.advanceMs(60_000);
      expect(await schedule.runNow()).toBeNull();
      await office.cashReceipt();
      office.clock.advanceMs(60_000);
      expect((await schedule.runNow())?.headSeq).toBe(headSeq(office));
      expect(readdirSync(backupDir)).toHaveLength(2);

      await office.cashReceipt();
      // The backup folder is now a file: the round fails, the app goes on.
      const blocked = join(tempDir(), 'blocked');
      writeFileSync(blocked, 'x');
      const failing = startBackupSchedule({ sqlite: office.host.services.database.sqlite, dataDir: office.dataDir, clock: office.clock, logger, backupDir: blocked });
      await expect(failing.runNow()).resolves.toBeNull();
      failing.stop();
      expect(logger.lines).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'error', message: 'scheduled backup failed' })]));
    } finally {
      schedule.stop();
      office.close();
    }
  });

  it('at start, the newest backup already in the folder counts as the last one', async () => {
    const office = await officeWithReceipts(tempDir(), 1);
    try {
      await backUp(office);
      const schedule = startBackupSchedule({ sqlite: office.host.services.database.sqlite, dataDir: office.dataDir, clock: office.clock, logger: memoryLogger() });
      expect(await schedule.runNow()).toBeNull();
      schedule.stop();
    } finally {
      office.close();
    }
  });

  it('skips a database that is not set up yet (first run) without logging an error', async () => {
    const office = makeTestOffice({ dataDir: tempDir() });
    const logger = memoryLogger();
    try {
      const schedule = startBackupSchedule({ sqlite: office.host.services.database.sqlite, dataDir: office.dataDir, clock: manualClock(T0_MS), logger });
      expect(await schedule.runNow()).toBeNull();
      schedule.stop();
      expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
      expect(existsSync(dataPaths(office.dataDir).backupDir)).toBe(false);
    } finally {
      office.close();
    }
  });
});

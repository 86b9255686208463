import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDatabaseAtStart, type DbCorrupt } from '../../src-main/backup/startup-check';
import { createOfficeHost } from '../../src-main/host/office-host';
import { manualClock } from '../../src-main/platform/clock';
import { memoryLogger } from '../../src-main/platform/logger';
import { dataPaths } from '../../src-main/platform/paths';
import { MACHINE_ID, T0_MS } from '../helpers/office';
import { backUp, damageMiddle, officeWithReceipts, removeTempDirs, tempDir } from './backup-helpers';

afterEach(removeTempDirs);

/** Opens the data folder the way every transport does (createOfficeHost → openOfficeDatabase). */
function openApp(dataDir: string): () => void {
  const host = createOfficeHost({ dataDir, clock: manualClock(T0_MS), logger: memoryLogger(), machineId: MACHINE_ID, appVersion: 'test' });
  return () => host.close();
}

function refusalOf(run: () => unknown): DbCorrupt {
  try {
    run();
  } catch (error) {
    return error as DbCorrupt;
  }
  throw new Error('expected DB_CORRUPT');
}

/** An office with two backups (the older one at fewer entries); the database file is then damaged. */
async function damagedOffice(): Promise<{ dataDir: string; newest: string; older: string; damaged: Buffer }> {
  const dataDir = tempDir();
  const office = await officeWithReceipts(dataDir, 3);
  const older = (await backUp(office)).file;
  office.clock.advanceMs(60_000);
  await office.cashReceipt();
  const newest = (await backUp(office)).file;
  office.close();
  const damaged = damageMiddle(readFileSync(dataPaths(dataDir).databaseFile), 16_384);
  writeFileSync(dataPaths(dataDir).databaseFile, damaged);
  return { dataDir, newest, older, damaged };
}

describe('startup integrity', () => {
  it('a database damaged in the middle is refused with DB_CORRUPT naming the newest valid backup and the restore command; the file stays byte-identical', async () => {
    const { dataDir, newest, damaged } = await damagedOffice();
    const error = refusalOf(() => openApp(dataDir));
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toContain(`The newest valid backup is ${newest}`);
    expect(error.message).toContain(`ebill restore "${newest}"`);
    expect(error.fields).toEqual({ database: dataPaths(dataDir).databaseFile, newestBackup: newest });
    expect(readFileSync(dataPaths(dataDir).databaseFile).equals(damaged)).toBe(true);
    // Nothing renamed, nothing new: no other database file appeared in the folder.
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.sqlite'))).toEqual(['ebill.sqlite']);
    // A second start is refused the same way: the app never replaced it with a new empty database.
    expect(refusalOf(() => openApp(dataDir)).code).toBe('DB_CORRUPT');
    expect(readFileSync(dataPaths(dataDir).databaseFile).equals(damaged)).toBe(true);
  });

  it('a damaged newest backup is skipped: the message names the newest one that verifies', async () => {
    const { dataDir, newest, older } = await damagedOffice();
    writeFileSync(newest, damageMiddle(readFileSync(newest), 16_384));
    expect(refusalOf(() => checkDatabaseAtStart(dataPaths(dataDir).databaseFile)).fields.newestBackup).toBe(older);
  });

  it('a file that is not a database at all ("file is not a database") is DB_CORRUPT too, and says when there is no backup', () => {
    const dataDir = tempDir();
    const junk = Buffer.alloc(65_536, 0x37);
    writeFileSync(dataPaths(dataDir).databaseFile, junk);
    const error = refusalOf(() => openApp(dataDir));
    expect(error).toMatchObject({ code: 'DB_CORRUPT', message: expect.stringMatching(/file is not a database.*No valid backup was found/) });
    expect(error.fields.newestBackup).toBeNull();
    expect(readFileSync(dataPaths(dataDir).databaseFile).equals(junk)).toBe(true);
  });

  it('a healthy database and a missing one (first run) pass', async () => {
    const dataDir = tempDir();
    const office = await officeWithReceipts(dataDir, 1);
    office.close();
    expect(() => checkDatabaseAtStart(dataPaths(dataDir).databaseFile)).not.toThrow();
    expect(() => checkDatabaseAtStart(join(tempDir(), 'ebill.sqlite'))).not.toThrow();
    const copy = join(tempDir(), 'ebill.sqlite');
    copyFileSync(dataPaths(dataDir).databaseFile, copy);
    openApp(join(copy, '..'))();
    expect(existsSync(copy)).toBe(true);
  });
});

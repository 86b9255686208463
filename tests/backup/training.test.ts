import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_CONFIG_FILE_NAME } from '../../src-main/backup/backup-config';
import { isTrainingDatabase, wipeTrainingData } from '../../src-main/backup/training';
import { dataPaths, isTrainingDataDir, trainingDataDir } from '../../src-main/platform/paths';
import { client, expectOk, makeTestOffice, SETUP_INPUT, type TestOffice } from '../helpers/office';
import { backUp, databaseBytes, officeWithReceipts, removeTempDirs, tempDir } from './backup-helpers';

afterEach(removeTempDirs);

async function trainingOffice(dataDir: string): Promise<TestOffice> {
  mkdirSync(dataDir, { recursive: true });
  const office = makeTestOffice({ dataDir });
  await expectOk(office.call(client('setup'), 'setup.init', { ...SETUP_INPUT, isTraining: true }));
  return office;
}

describe('the training folder', () => {
  it('is <dataDir>/training, an ordinary data folder that shares the office folder’s machine id', () => {
    const dataDir = tempDir();
    const training = trainingDataDir(dataDir);
    expect(training).toBe(join(dataDir, 'training'));
    expect(trainingDataDir(training)).toBe(training);
    expect(isTrainingDataDir(training)).toBe(true);
    expect(isTrainingDataDir(dataDir)).toBe(false);
    expect(dataPaths(training)).toMatchObject({ databaseFile: join(training, 'ebill.sqlite'), backupDir: join(training, 'backups'), machineIdFile: join(dataDir, 'machine-id') });
  });

  it('isTrainingDatabase is true only for a database set up for training (what sync checks)', async () => {
    const real = await officeWithReceipts(tempDir(), 0);
    const training = await trainingOffice(trainingDataDir(tempDir()));
    const blank = makeTestOffice({ dataDir: tempDir() });
    try {
      expect(isTrainingDatabase(real.host.services.database.sqlite)).toBe(false);
      expect(isTrainingDatabase(training.host.services.database.sqlite)).toBe(true);
      expect(isTrainingDatabase(blank.host.services.database.sqlite)).toBe(false);
    } finally {
      real.close();
      training.close();
      blank.close();
    }
  });
});

describe('wipeTrainingData', () => {
  it('refuses a real database with NOT_TRAINING and deletes nothing', async () => {
    const dataDir = tempDir();
    const office = await officeWithReceipts(dataDir, 1);
    await backUp(office);
    office.close();
    const before = databaseBytes(dataDir);
    const backups = readdirSync(dataPaths(dataDir).backupDir);
    expect(() => wipeTrainingData(dataDir, 'admin', office.clock)).toThrow(expect.objectContaining({ code: 'NOT_TRAINING', message: expect.stringMatching(/is not a training database: nothing was deleted/) }));
    expect(databaseBytes(dataDir).equals(before)).toBe(true);
    expect(readdirSync(dataPaths(dataDir).backupDir)).toEqual(backups);
    expect(existsSync(join(dataPaths(dataDir).logDir, 'training-wipes.log'))).toBe(false);
  });

  it('a folder with no database is NOT_TRAINING and says where training databases live', () => {
    const dataDir = tempDir();
    expect(() => wipeTrainingData(dataDir, 'admin', { nowMs: () => 0 })).toThrow(expect.objectContaining({ code: 'NOT_TRAINING', message: expect.stringContaining(join(dataDir, 'training')) }));
  });

  it('refuses while the training database is open in another program (the app), deleting nothing', async () => {
    const training = trainingDataDir(tempDir());
    const office = await trainingOffice(training);
    try {
      expect(() => wipeTrainingData(training, 'admin', office.clock)).toThrow(expect.objectContaining({ code: 'RESTORE_REFUSED', message: expect.stringMatching(/open in another program/) }));
      expect(existsSync(dataPaths(training).databaseFile)).toBe(true);
    } finally {
      office.close();
    }
  });

  it('deletes the database files and its backups (also training backups in a configured folder, never real ones) and logs outside them', async () => {
    const dataDir = tempDir();
    const training = trainingDataDir(dataDir);
    const usb = tempDir('ebill-usb-');
    const realBackup = join(usb, 'ebill-5401-1-20261123-020000-seq7.sqlite');
    writeFileSync(realBackup, 'a real backup');
    mkdirSync(training, { recursive: true });
    writeFileSync(join(training, BACKUP_CONFIG_FILE_NAME), JSON.stringify({ dir: usb }));
    const office = await trainingOffice(training);
    const onUsb = await backUp(office, usb);
    await backUp(office);
    office.close();

    const result = wipeTrainingData(training, 'admin', office.clock);
    expect(result).toMatchObject({ headSeq: 0, entries: 0, logFile: join(dataDir, 'logs', 'training-wipes.log') });
    expect(readdirSync(training).filter((name) => name.startsWith('ebill.sqlite'))).toEqual([]);
    expect(existsSync(dataPaths(training).backupDir)).toBe(false);
    expect(existsSync(onUsb.file)).toBe(false);
    expect(existsSync(realBackup)).toBe(true);
    const line = JSON.parse(readFileSync(result.logFile, 'utf8').trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ user: 'admin', headSeq: 0, entries: 0, atMs: office.clock.nowMs(), dataDir: training });
  });

  it('a training database in a folder that is not nested logs to that folder’s own logs/', async () => {
    const dataDir = tempDir();
    const office = await trainingOffice(dataDir);
    office.close();
    const result = wipeTrainingData(dataDir, 'admin', office.clock);
    expect(result.logFile).toBe(join(dataDir, 'logs', 'training-wipes.log'));
    expect(existsSync(result.logFile)).toBe(true);
    expect(existsSync(dataPaths(dataDir).databaseFile)).toBe(false);
  });
});

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataPaths, trainingDataDir } from '../../src-main/platform/paths';
import { CLI_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { PASSWORD as PASSWORD_OF_TEST_OFFICE } from '../helpers/office';
import { backUp, damageMiddle, officeWithReceipts, removeTempDirs, tempDir } from './backup-helpers';

/** cli.md `backup [--to DIR]` / `restore FILE`, `init --training`, `training wipe` through the real bin. */
afterAll(removeTempDirs);

const PASSWORD = 'demo1234\n';
const INIT = ['init', '--place', '5401', '--office-name', 'ที่ทำการปกครองอำเภอเมืองแพร่', '--terminal-slot', '1', '--admin-user', 'chief', '--password-stdin'];
const CHIEF_PASSWORD = 'Phrae-2569x\n';

function cli(dir: string) {
  return (args: readonly string[], stdin = '') => ebill(['--data-dir', dir, '--json', ...args], stdin);
}

function cashReceipt(run: ReturnType<typeof cli>): void {
  const created = run(['request', 'create', '--file', '-', '--user', 'operator', '--password-stdin'], `${PASSWORD}{"payerName":"นายสมหมาย ทดสอบ","revenueCode":"804001","amountSatang":150000}`);
  expect(created.status, created.stdout).toBe(0);
  expect(run(['receipt', 'issue', '--ref1', String(created.json['ref1']), '--method', 'cash', '--user', 'operator', '--password-stdin'], PASSWORD).status).toBe(0);
}

describe('ebill backup / restore', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('backup prints {ok, file, headSeq, bytes}; an older backup is refused (exit 3, the numbers); --force restores and keeps the old files', () => {
    const dir = tempDir();
    const run = cli(dir);
    expect(run(['demo']).status).toBe(0);
    cashReceipt(run);
    const usb = tempDir('ebill-usb-');
    const backup = run(['backup', '--to', usb]);
    expect(backup.status, backup.stdout).toBe(0);
    expect(backup.json).toMatchObject({ ok: true, file: expect.stringContaining(usb), bytes: expect.any(Number) });
    const backupSeq = Number(backup.json['headSeq']);
    expect(basename(String(backup.json['file']))).toMatch(new RegExp(`^ebill-5401-1-\\d{8}-\\d{6}-seq${backupSeq}\\.sqlite$`));

    cashReceipt(run);
    const ledgerBefore = run(['ledger', 'verify']).json;
    const currentSeq = Number(ledgerBefore['entries']);
    const refused = run(['restore', String(backup.json['file']), '--user', 'admin', '--password-stdin'], PASSWORD);
    expect(refused.status).toBe(3);
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'RESTORE_REFUSED' }, wouldLoseEntries: currentSeq - backupSeq, currentHeadSeq: currentSeq, backupHeadSeq: backupSeq, centralHighWater: 0 });
    // The administrator's login is audited in the current database; its ledger is untouched and nothing was moved.
    expect(run(['ledger', 'verify']).json).toEqual(ledgerBefore);
    expect(existsSync(join(dir, 'backups'))).toBe(false);

    const byOperator = run(['restore', String(backup.json['file']), '--force', '--user', 'operator', '--password-stdin'], PASSWORD);
    expect(byOperator).toMatchObject({ status: 3, json: { error: { code: 'FORBIDDEN' } } });

    const forced = run(['restore', String(backup.json['file']), '--force', '--user', 'admin', '--password-stdin'], PASSWORD);
    expect(forced.status, forced.stdout).toBe(0);
    expect(forced.json).toMatchObject({ ok: true, file: backup.json['file'], headSeq: backupSeq, isBoundToThisMachine: true });
    expect(existsSync(join(String(forced.json['replacedDir']), 'ebill.sqlite'))).toBe(true);
    expect(run(['ledger', 'verify']).json).toMatchObject({ ok: true, entries: backupSeq });
  });

  it('a damaged database: commands exit 3 with DB_CORRUPT naming the backup, and restore (logging in against the backup) brings it back', () => {
    const dir = tempDir();
    const run = cli(dir);
    expect(run(['demo']).status).toBe(0);
    cashReceipt(run);
    const backup = run(['backup']);
    expect(backup.status).toBe(0);
    const file = String(backup.json['file']);
    const damaged = damageMiddle(readFileSync(dataPaths(dir).databaseFile), 16_384);
    writeFileSync(dataPaths(dir).databaseFile, damaged);

    const verify = run(['ledger', 'verify']);
    expect(verify).toMatchObject({ status: 3, json: { ok: false, error: { code: 'DB_CORRUPT' }, newestBackup: file } });
    expect(String((verify.json['error'] as { message: string }).message)).toContain(`ebill restore "${file}"`);
    expect(run(['backup'])).toMatchObject({ status: 3, json: { error: { code: 'DB_CORRUPT' } } });

    const wrong = run(['restore', file, '--user', 'admin', '--password-stdin'], 'not-the-password\n');
    expect(wrong).toMatchObject({ status: 3, json: { error: { code: 'BAD_CREDENTIALS' } } });
    expect(readFileSync(dataPaths(dir).databaseFile).equals(damaged)).toBe(true);

    const restored = run(['restore', file, '--user', 'admin', '--password-stdin'], PASSWORD);
    expect(restored.status, restored.stdout).toBe(0);
    expect(restored.json).toMatchObject({ ok: true, file, currentHeadSeq: null, currentProblem: expect.any(String) });
    expect(readFileSync(join(String(restored.json['replacedDir']), 'ebill.sqlite')).equals(damaged)).toBe(true);
    expect(run(['ledger', 'verify']).json).toMatchObject({ ok: true, entries: backup.json['headSeq'] });
    expect(readdirSync(dir).filter((name) => name.startsWith('.restore'))).toEqual([]);
  });

  it('on a new PC whose app created an empty database, the administrator logs in against the backup and restore replaces it', async () => {
    const office = await officeWithReceipts(tempDir(), 1);
    const backup = await backUp(office);
    office.close();
    const dir = tempDir();
    const run = cli(dir);
    expect(run(['ledger', 'verify']).json).toMatchObject({ ok: true, entries: 0 });
    expect(existsSync(dataPaths(dir).databaseFile)).toBe(true);
    const restored = run(['restore', backup.file, '--user', 'admin', '--password-stdin'], `${PASSWORD_OF_TEST_OFFICE}\n`);
    expect(restored.status, restored.stdout).toBe(0);
    expect(restored.json).toMatchObject({ ok: true, headSeq: backup.headSeq, currentHeadSeq: 0, wouldLoseEntries: 0, isBoundToThisMachine: false });
    expect(String(restored.json['message'])).toMatch(/ebill terminal rebind/);
  });

  it('usage and refusals: restore without FILE exits 2, a file that is not a backup exits 3 BACKUP_INVALID, backup with no database exits 3 and creates none', () => {
    const dir = tempDir();
    const run = cli(dir);
    expect(run(['restore', '--user', 'admin', '--password-stdin'], PASSWORD)).toMatchObject({ status: 2, json: { error: { code: 'USAGE' } } });
    const notBackup = join(dir, 'notes.sqlite');
    writeFileSync(notBackup, 'hello');
    expect(run(['restore', notBackup, '--user', 'admin', '--password-stdin'], PASSWORD)).toMatchObject({ status: 3, json: { error: { code: 'BACKUP_INVALID' } } });
    expect(run(['backup'])).toMatchObject({ status: 3, json: { error: { code: 'BACKUP_FAILED' } } });
    expect(existsSync(dataPaths(dir).databaseFile)).toBe(false);
  });
});

describe('training mode', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('init --training sets up <data-dir>/training and leaves the data folder free for the real office', () => {
    const dir = tempDir();
    const training = run(dir, [...INIT, '--training'], CHIEF_PASSWORD);
    expect(training.status, training.stdout).toBe(0);
    expect(training.json).toMatchObject({ ok: true, place: '5401', terminalSlot: 1, isTraining: true, database: dataPaths(trainingDataDir(dir)).databaseFile });
    expect(existsSync(dataPaths(dir).databaseFile)).toBe(false);
    // The real office is then set up in the data folder itself; the training folder is an ordinary data folder.
    expect(run(dir, INIT, CHIEF_PASSWORD).status).toBe(0);
    const doctor = run(trainingDataDir(dir), ['doctor']);
    expect(doctor.json['checks']).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'machine', status: 'ok' })]));
    expect(run(trainingDataDir(dir), INIT, CHIEF_PASSWORD)).toMatchObject({ status: 3, json: { error: { code: 'BAD_INPUT' } } });
  });

  it('training wipe refuses a real database (NOT_TRAINING, nothing deleted) and wipes a training one with a log line outside it', () => {
    const dir = tempDir();
    expect(run(dir, INIT, CHIEF_PASSWORD).status).toBe(0);
    expect(run(dir, [...INIT, '--training', '--cost-centre', '5400100001', '--biller-id', '099999999999990'], CHIEF_PASSWORD).status).toBe(0);
    const trainingDir = trainingDataDir(dir);
    const trainee = run(trainingDir, ['user', 'add', 'operator', '--role', 'operator', '--full-name', 'นางสาวฝึก งาน', '--position', 'เจ้าพนักงานปกครองปฏิบัติงาน', '--user', 'chief', '--password-stdin'], `${CHIEF_PASSWORD}demo1234\n`);
    expect(trainee.status, trainee.stdout).toBe(0);
    cashReceipt(cli(trainingDir));
    const trainingHead = run(trainingDir, ['ledger', 'verify']).json;
    expect(run(trainingDir, ['backup']).status).toBe(0);
    const realBefore = readFileSync(dataPaths(dir).databaseFile);

    const refused = run(dir, ['training', 'wipe', '--user', 'chief', '--password-stdin'], CHIEF_PASSWORD);
    expect(refused).toMatchObject({ status: 3, json: { ok: false, error: { code: 'NOT_TRAINING' } } });
    expect(readFileSync(dataPaths(dir).databaseFile).equals(realBefore)).toBe(true);
    expect(existsSync(join(dataPaths(dir).logDir, 'training-wipes.log'))).toBe(false);

    const wiped = run(trainingDir, ['training', 'wipe', '--user', 'chief', '--password-stdin'], CHIEF_PASSWORD);
    expect(wiped.status, wiped.stdout).toBe(0);
    expect(existsSync(dataPaths(trainingDir).databaseFile)).toBe(false);
    expect(existsSync(dataPaths(trainingDir).backupDir)).toBe(false);
    expect(readFileSync(dataPaths(dir).databaseFile).equals(realBefore)).toBe(true);
    const lines = readFileSync(join(dataPaths(dir).logDir, 'training-wipes.log'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      user: 'chief',
      headSeq: trainingHead['entries'],
      headHash: trainingHead['headHash'],
      entries: trainingHead['entries'],
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(wiped.json).toMatchObject({ ok: true, entries: trainingHead['entries'], logFile: join(dataPaths(dir).logDir, 'training-wipes.log') });
  });
});

function run(dir: string, args: readonly string[], stdin = '') {
  return cli(dir)(args, stdin);
}

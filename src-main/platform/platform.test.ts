import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ID_PATTERN, idToUuid } from '../../src-shared/ids';
import { manualClock } from './clock';
import { idSequence } from './ids';
import { createFileLogger, LOG_LIMITS, maskValue } from './logger';
import { machineId } from './machine-id';
import { appDataDir, resolveDataDir } from './paths';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebill-platform-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('idSequence (ids for many rows at once)', () => {
  it('makes valid, unique UUID v7 ids in increasing order, within one millisecond and across them', () => {
    const clock = manualClock(1_790_000_000_000);
    const next = idSequence(clock);
    const ids: string[] = [];
    for (let i = 0; i < 5_000; i += 1) {
      ids.push(next());
      if (i % 1_000 === 999) clock.advanceMs(1);
    }
    for (const id of ids) {
      expect(id).toMatch(ID_PATTERN);
      expect(idToUuid(id)[14]).toBe('7');
      expect(idToUuid(id)[19]).toMatch(/[89ab]/);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('data folder', () => {
  it('takes --data-dir first, then EBILL_DATA_DIR, then the per-user app data folder', () => {
    expect(resolveDataDir('/flag', { EBILL_DATA_DIR: '/env' })).toBe('/flag');
    expect(resolveDataDir(undefined, { EBILL_DATA_DIR: '/env' })).toBe('/env');
    expect(resolveDataDir(undefined, { EBILL_DATA_DIR: '' }).endsWith('ebill-counter')).toBe(true);
  });
  it('uses XDG_CONFIG_HOME on Linux, like Electron', () => {
    expect(appDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg');
  });
  it("mirrors Electron's appData on Windows", () => {
    expect(appDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\a\\AppData\\Roaming');
  });
});

describe('machine id', () => {
  it('is stable on one machine and differs when the random id beside the database differs (a copy onto another PC)', () => {
    const a = machineId(join(dir, 'a', 'machine-id'));
    expect(machineId(join(dir, 'a', 'machine-id'))).toBe(a);
    expect(machineId(join(dir, 'b', 'machine-id'))).not.toBe(a);
  });
  it('replaces a damaged id file', () => {
    const file = join(dir, 'machine-id');
    writeFileSync(file, 'garbage');
    machineId(file);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('logger', () => {
  it('hides secrets and masks national IDs', () => {
    expect(maskValue('password', 'Secret123')).toBe('[hidden]');
    expect(maskValue('token', 'abc')).toBe('[hidden]');
    expect(maskValue('payer', 'ผู้ชำระ 1101700230708')).toBe('ผู้ชำระ 1-xxxxxxxxxxx-8');
  });
  it('writes JSON lines and rotates by size, keeping a bounded number of files', () => {
    const logger = createFileLogger({ logDir: dir, fileName: 'test' });
    const big = 'x'.repeat(64 * 1024);
    const linesToFillAll = Math.ceil((LOG_LIMITS.maxFileBytes * (LOG_LIMITS.keepFiles + 2)) / big.length);
    for (let i = 0; i < linesToFillAll; i += 1) logger.info('filler', { big });
    const files = readdirSync(dir).sort();
    expect(files).toContain('test.log');
    expect(files).toContain(`test.${LOG_LIMITS.keepFiles}.log`);
    expect(existsSync(join(dir, `test.${LOG_LIMITS.keepFiles + 1}.log`))).toBe(false);
    const last = readFileSync(join(dir, 'test.log'), 'utf8').trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({ level: 'info', msg: 'filler' });
  });
  it('drops lines below its level', () => {
    const logger = createFileLogger({ logDir: dir, fileName: 'quiet', level: 'warn' });
    logger.info('not kept');
    logger.warn('kept', { password: 'p' });
    const text = readFileSync(join(dir, 'quiet.log'), 'utf8');
    expect(text).not.toContain('not kept');
    expect(text).toContain('"password":"[hidden]"');
  });
});

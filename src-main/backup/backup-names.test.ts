import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName, listTerminalBackups, parseBackupFileName, utcStamp } from './backup-names';
import { rotateBackups } from './rotation';

const TERMINAL = { place: '5401', terminalSlot: 1, isTraining: false };
/** 2026-11-23 09:00:05 Asia/Bangkok = 02:00:05 UTC. */
const AT_MS = Date.UTC(2026, 10, 23, 2, 0, 5);

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const folder = (): string => (dir = mkdtempSync(join(tmpdir(), 'ebill-names-')));

describe('backup file names', () => {
  it('name = ebill-<place>-<slot>-<YYYYMMDD-HHmmss UTC>-seq<head seq>.sqlite, and parses back', () => {
    const name = backupFileName(TERMINAL, AT_MS, 42);
    expect(name).toBe('ebill-5401-1-20261123-020005-seq42.sqlite');
    expect(parseBackupFileName(name)).toEqual({ ...TERMINAL, stamp: '20261123-020005', headSeq: 42 });
  });

  it('a training database’s backups are named apart, so they never count as the office’s', () => {
    const name = backupFileName({ ...TERMINAL, isTraining: true }, AT_MS, 3);
    expect(name).toBe('ebill-training-5401-1-20261123-020005-seq3.sqlite');
    expect(parseBackupFileName(name)?.isTraining).toBe(true);
  });

  it.each(['ebill.sqlite', 'ebill-5401-1-20261123-020005-seq42.sqlite-wal', 'before-migration-0002-1.sqlite', 'ebill-5401-0-20261123-020005-seq1.sqlite', 'ebill-540-1-20261123-020005-seq1.sqlite', '.ebill-backup-x.partial'])(
    'a file not named like our backups (%s) is not one',
    (name) => {
      expect(parseBackupFileName(name)).toBeNull();
    },
  );

  it('the UTC stamp does not depend on the time zone of the PC', () => {
    expect(utcStamp(Date.UTC(2027, 0, 1, 23, 59, 59))).toBe('20270101-235959');
  });
});

describe('rotation', () => {
  const make = (name: string) => writeFileSync(join(dir ?? '', name), 'x');

  it('keeps the newest N backups of this terminal and never touches other terminals’, training or foreign files', () => {
    const dir = folder();
    for (let second = 0; second < 6; second += 1) make(backupFileName(TERMINAL, AT_MS + second * 1_000, second));
    const others = ['ebill-5401-2-20200101-000000-seq1.sqlite', 'ebill-training-5401-1-20200101-000000-seq1.sqlite', 'notes.txt', 'ebill-5401-1-old.sqlite'];
    for (const name of others) make(name);
    const newest = join(dir, backupFileName(TERMINAL, AT_MS + 5_000, 5));
    const deleted = rotateBackups(dir, TERMINAL, 3, newest);
    expect(deleted).toHaveLength(3);
    expect(listTerminalBackups(dir, TERMINAL).map((b) => b.headSeq)).toEqual([5, 4, 3]);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(others));
  });

  it('never deletes the backup just made, even when its name sorts oldest (clock set back)', () => {
    const dir = folder();
    for (let second = 1; second <= 3; second += 1) make(backupFileName(TERMINAL, AT_MS + second * 1_000, 10 + second));
    const justMade = join(dir, backupFileName(TERMINAL, AT_MS - 3_600_000, 14));
    make(justMade.slice(dir.length + 1));
    rotateBackups(dir, TERMINAL, 2, justMade);
    expect(listTerminalBackups(dir, TERMINAL).map((b) => b.headSeq).sort()).toEqual([13, 14]);
  });
});

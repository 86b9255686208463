import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, ebill, ebillFromBin } from '../helpers/cli';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ebill-cli-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const INIT = ['init', '--place', '5401', '--office-name', 'ที่ทำการปกครองอำเภอเมืองแพร่', '--terminal-slot', '1', '--admin-user', 'chief', '--password-stdin'];

describe('ebill init and doctor', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it('init sets up the terminal and prints exactly one JSON object', () => {
    const run = ebill(['--data-dir', dir, '--json', ...INIT, '--cost-centre', '5400100001', '--biller-id', '099999999999990'], 'Phrae-2569x\n');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.json).toMatchObject({ ok: true, place: '5401', terminalSlot: 1 });
  });

  it('doctor then reports ok with its checks and the database path', () => {
    const run = ebill(['--data-dir', dir, '--json', 'doctor']);
    expect(run.status).toBe(0);
    expect(run.json).toMatchObject({ ok: true, database: join(dir, 'ebill.sqlite') });
    const names = (run.json['checks'] as { name: string; status: string }[]).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['database', 'schema', 'append-only', 'set-up', 'machine', 'clock', 'fonts', 'printers', 'disk']));
  });

  it('the checkout bin (bin/ebill.mjs through tsx, as `npm run ebill`) answers doctor exactly as the bundle does', () => {
    const fromBin = ebillFromBin(['--data-dir', dir, '--json', 'doctor']);
    expect(fromBin.status).toBe(0);
    const names = (run: Record<string, unknown>) => (run['checks'] as { name: string; status: string }[]).map((c) => `${c.name}:${c.status}`);
    expect(names(fromBin.json)).toEqual(names(ebill(['--data-dir', dir, '--json', 'doctor']).json));
  });

  it('a second init is refused with exit 3 and ALREADY_SET_UP', () => {
    const run = ebill(['--data-dir', dir, '--json', ...INIT], 'Phrae-2569x\n');
    expect(run.status).toBe(3);
    expect(run.json).toEqual({ ok: false, error: { code: 'ALREADY_SET_UP', message: 'This terminal is already set up' } });
  });

  it('doctor fails on a database copied to another machine (a different machine id)', () => {
    const other = tempDir();
    copyFileSync(join(dir, 'ebill.sqlite'), join(other, 'ebill.sqlite'));
    const run = ebill(['--data-dir', other, '--json', 'doctor']);
    expect(run.status).toBe(3);
    expect(run.json).toMatchObject({ ok: false, error: { code: 'CHECKS_FAILED' } });
    expect(run.json['checks']).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'machine', status: 'fail' })]));
  });

  it('doctor fails where there is no database, without creating one', () => {
    const empty = tempDir();
    const run = ebill(['--data-dir', empty, '--json', 'doctor']);
    expect(run.status).toBe(3);
    expect(run.json['checks']).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'database', status: 'fail' })]));
  });
});

describe('usage and refusals', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it.each([
    [['--json', 'frobnicate'], 2, 'USAGE', /unknown command "frobnicate"/],
    [['--json', 'init', '--place', '5401'], 2, 'USAGE', /--office-name is required/],
    [['--json', 'init', '--bogus'], 2, 'USAGE', /Unknown option '--bogus'/],
    [['--json', ...INIT.map((a) => (a === '1' ? '0' : a))], 3, 'BAD_INPUT', /slot must be a digit 1–9/],
    [['--json', ...INIT.map((a) => (a === '5401' ? '0001' : a))], 3, 'BAD_INPUT', /give --province/],
  ])('%j exits %i with %s', (args, status, code, message) => {
    const run = ebill(['--data-dir', tempDir(), ...args], 'Phrae-2569x\n');
    expect(run.status).toBe(status);
    expect(run.json).toMatchObject({ ok: false, error: { code } });
    expect((run.json['error'] as { message: string }).message).toMatch(message);
  });

  it('init without a password on stdin is a usage error and creates no office', () => {
    const dir = tempDir();
    const run = ebill(['--data-dir', dir, '--json', ...INIT], '');
    expect(run.status).toBe(2);
    expect(ebill(['--data-dir', dir, '--json', 'doctor']).json['ok']).toBe(false);
  });

  it('init with a weak password is refused with WEAK_PASSWORD', () => {
    const run = ebill(['--data-dir', tempDir(), '--json', ...INIT], 'abcdefgh\n');
    expect(run.status).toBe(3);
    expect(run.json).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
  });
});

describe('ebill demo and user administration', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it('demo creates the demo office with its six users', () => {
    const run = ebill(['--data-dir', dir, '--json', 'demo']);
    expect(run.status).toBe(0);
    expect(run.json).toMatchObject({ ok: true, place: '5401', terminalSlot: 1 });
    const users = run.json['users'] as { username: string; role: string }[];
    expect(users.map((u) => `${u.username}:${u.role}`).sort()).toEqual([
      'admin:admin', 'auditor:auditor', 'finance:finance', 'head:head', 'operator:operator', 'supervisor:supervisor',
    ]);
  });

  it('demo again replaces the previous demo', () => {
    expect(ebill(['--data-dir', dir, '--json', 'demo']).status).toBe(0);
  });

  it('user add / list / disable go through the same roles as the app', () => {
    const add = ebill(['--data-dir', dir, '--json', 'user', 'add', 'clerk2', '--role', 'operator', '--full-name', 'นางสาวมณี ขยัน', '--position', 'เจ้าพนักงานปกครองปฏิบัติงาน', '--user', 'admin', '--password-stdin'], 'demo1234\nMani-pass-2569\n');
    expect(add.status).toBe(0);
    expect(add.json).toMatchObject({ ok: true, user: { username: 'clerk2', role: 'operator', isDisabled: false, isCentrallyApproved: false } });

    const forbidden = ebill(['--data-dir', dir, '--json', 'user', 'disable', 'clerk2', '--reason', 'ทดสอบ', '--user', 'operator', '--password-stdin'], 'demo1234\n');
    expect(forbidden.status).toBe(3);
    expect(forbidden.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const disable = ebill(['--data-dir', dir, '--json', 'user', 'disable', 'clerk2', '--reason', 'ย้ายสำนักงาน', '--user', 'admin', '--password-stdin'], 'demo1234\n');
    expect(disable.json).toMatchObject({ ok: true, user: { username: 'clerk2', isDisabled: true } });

    const list = ebill(['--data-dir', dir, '--json', 'user', 'list', '--user', 'auditor', '--password-stdin'], 'demo1234\n');
    expect((list.json['users'] as { username: string }[]).map((u) => u.username)).not.toContain('clerk2');
    const all = ebill(['--data-dir', dir, '--json', 'user', 'list', '--all', '--user', 'auditor', '--password-stdin'], 'demo1234\n');
    expect((all.json['users'] as { username: string }[]).map((u) => u.username)).toContain('clerk2');
  });

  it('a wrong password is refused with BAD_CREDENTIALS', () => {
    const run = ebill(['--data-dir', dir, '--json', 'user', 'list', '--user', 'admin', '--password-stdin'], 'not-the-password\n');
    expect(run.status).toBe(3);
    expect(run.json).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  });

  it('demo refuses to replace a real office database', () => {
    const real = tempDir();
    expect(ebill(['--data-dir', real, '--json', ...INIT], 'Phrae-2569x\n').status).toBe(0);
    const run = ebill(['--data-dir', real, '--json', 'demo']);
    expect(run.status).toBe(3);
    expect(run.json).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
  });
});

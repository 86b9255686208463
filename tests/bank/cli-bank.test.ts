import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { ktb256File } from '../fixtures/bank/generate';

/** cli.md `bank import FILE [--format auto|ktb256|csv] --user U --password-stdin` → `{ok, lines, matched, exceptions, duplicates}`. */
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const PASSWORD = 'demo1234\n';

describe('ebill bank import', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('imports, re-imports as duplicates, refuses a broken file whole (exit 3) and a wrong role (exit 3), usage mistakes exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ebill-bank-cli-'));
    dirs.push(dir);
    const run = (args: readonly string[], stdin = '') => ebill(['--data-dir', join(dir, 'data'), '--json', ...args], stdin);
    expect(run(['demo']).status).toBe(0);
    const created = run(['request', 'create', '--file', '-', '--user', 'operator', '--password-stdin'], `${PASSWORD}{"payerName":"นายสมหมาย ทดสอบ","revenueCode":"804001","amountSatang":150000}`);
    expect(created.status, created.stdout).toBe(0);
    const bill = { ref1: String(created.json['ref1']), ref2: String(created.json['ref2']) };
    const line = { paymentDate: '2026-11-23', paymentTime: '08:45:10', customerName: 'นายสมหมาย ทดสอบ', ...bill };
    const file = join(dir, 'ktb.txt');
    writeFileSync(file, ktb256File([{ ...line, amountSatang: 150_000 }, { ...line, paymentTime: '09:00:00', amountSatang: 1_000 }]));

    const imported = run(['bank', 'import', file, '--user', 'finance', '--password-stdin'], PASSWORD);
    expect(imported.status, imported.stdout + imported.stderr).toBe(0);
    expect(imported.json).toMatchObject({ ok: true, lines: 2, matched: 1, exceptions: 1, duplicates: 0 });
    const again = run(['bank', 'import', file, '--format', 'ktb256', '--user', 'finance', '--password-stdin'], PASSWORD);
    expect(again.json).toMatchObject({ ok: true, lines: 2, matched: 0, exceptions: 0, duplicates: 2 });
    expect(run(['bill', 'show', bill.ref1]).json).toMatchObject({ status: 'paid' });

    const broken = join(dir, 'broken.txt');
    writeFileSync(broken, ktb256File([{ ...line, paymentTime: '10:00:00', amountSatang: 150_000 }]).subarray(0, 300));
    const refused = run(['bank', 'import', broken, '--user', 'finance', '--password-stdin'], PASSWORD);
    expect(refused).toMatchObject({ status: 3, json: { ok: false, error: { code: 'BANK_FILE_INVALID', message: expect.stringMatching(/line 2 record: 42 characters, expected 256/) as string } } });
    expect(run(['bank', 'import', file, '--user', 'operator', '--password-stdin'], PASSWORD)).toMatchObject({ status: 3, json: { error: { code: 'FORBIDDEN' } } });
    expect(run(['bank', 'import', '--user', 'finance', '--password-stdin'], PASSWORD)).toMatchObject({ status: 2, json: { error: { code: 'USAGE' } } });
    expect(run(['bank', 'import', file, '--format', 'xls', '--user', 'finance', '--password-stdin'], PASSWORD)).toMatchObject({ status: 2 });
    expect(run(['bank', 'import', join(dir, 'none.txt'), '--user', 'finance', '--password-stdin'], PASSWORD)).toMatchObject({ status: 3, json: { error: { code: 'NOT_FOUND' } } });
    expect(run(['ledger', 'verify']).json).toMatchObject({ ok: true });
  });
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED, CLI_TEST_TIMEOUT_MS, ebill, ROOT } from '../helpers/cli';

/**
 * cli.md's sync commands through the real bins: `ebill-central serve` prints its URL, `enroll-code`
 * goes through the running server (PGlite has one connection), and `ebill sync enroll|push|status|pull`
 * answer with their fixed JSON fields.
 */
let dir: string;
let server: ChildProcess | undefined;
let url = '';
const office = (args: readonly string[], stdin = '') => ebill(['--data-dir', join(dir, 'office'), '--json', ...args], stdin);
const central = (args: readonly string[]) => {
  const result = spawnSync(process.execPath, [BUNDLED.central, '--data-dir', join(dir, 'central'), '--json', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, DATABASE_URL: '' } });
  return { status: result.status, json: JSON.parse(result.stdout || '{}') as Record<string, unknown> };
};
const PASSWORD = 'demo1234\n';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ebill-sync-cli-'));
  const child = spawn(process.execPath, [BUNDLED.central, '--data-dir', join(dir, 'central'), 'serve', '--port', '0'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'ignore'] });
  server = child;
  url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const found = /EBILL_CENTRAL_URL=(\S+)/.exec(text);
      if (found?.[1] !== undefined) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`ebill-central serve ended with ${code}`)));
  });
}, CLI_TEST_TIMEOUT_MS);

afterAll(() => {
  if (server?.pid !== undefined) process.kill(server.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('ebill sync / ebill-central', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('enrolls through a code made via the running server, pushes, reports status and pulls', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const made = central(['enroll-code', '--place', '5401', '--slot', '1']);
    expect(made.status).toBe(0);
    expect(made.json).toMatchObject({ ok: true, code: expect.stringMatching(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/) as unknown });
    const badSlot = central(['enroll-code', '--place', '5401', '--slot', '0']);
    expect([badSlot.status, (badSlot.json['error'] as { code: string }).code]).toEqual([2, 'USAGE']);

    expect(office(['demo']).status).toBe(0);
    const notEnrolled = office(['sync', 'push']);
    expect([notEnrolled.status, notEnrolled.json['error']]).toEqual([3, expect.objectContaining({ code: 'SYNC_NOT_ENROLLED' })]);
    const enrolled = office(['sync', 'enroll', '--server', url, '--code', String(made.json['code'])]);
    expect(enrolled.json, enrolled.stdout).toMatchObject({ ok: true, place: '5401', terminalSlot: 1, approvalKeysInstalled: 1 });

    const file = join(dir, 'request.json');
    writeFileSync(file, JSON.stringify({ payerName: 'นายสมหมาย ทดสอบ', revenueCode: '804001', amountSatang: 150000 }));
    const created = office(['request', 'create', '--file', file, '--user', 'operator', '--password-stdin'], PASSWORD);
    expect(office(['receipt', 'issue', '--ref1', String(created.json['ref1']), '--method', 'cash', '--user', 'operator', '--password-stdin'], PASSWORD).json).toMatchObject({ ok: true });

    const before = office(['sync', 'status']);
    expect(before.json).toMatchObject({ ok: true, centralHighWater: 0 });
    expect(before.json['pending']).toBe(before.json['localSeq']);
    const pushed = office(['sync', 'push']);
    expect(pushed.json).toMatchObject({ ok: true, sent: before.json['localSeq'], pulled: 0 });
    expect(office(['sync', 'status']).json).toMatchObject({ ok: true, localSeq: before.json['localSeq'], centralHighWater: before.json['localSeq'], pending: 0 });
    expect(office(['sync', 'pull']).json).toMatchObject({ ok: true, sent: 0, pulled: 0 });
  });

  it('receipt reprint --ask-central, approved at central, sync pull, then --central-approval ID records it once', async () => {
    const file = join(dir, 'request-2.json');
    writeFileSync(file, JSON.stringify({ payerName: 'นายสมหมาย ทดสอบ', revenueCode: '804001', amountSatang: 20000 }));
    const created = office(['request', 'create', '--file', file, '--user', 'operator', '--password-stdin'], PASSWORD);
    const issued = office(['receipt', 'issue', '--ref1', String(created.json['ref1']), '--method', 'cash', '--user', 'operator', '--password-stdin'], PASSWORD);
    const receipt = ['--book', String(issued.json['receiptBook']), '--no', String(issued.json['receiptNo']), '--reason', 'ผู้ชำระทำหาย', '--reason-code', 'payer-lost'];
    const mixed = office(['receipt', 'reprint', ...receipt, '--ask-central', '--supervisor', 'supervisor', '--password-stdin'], PASSWORD);
    expect([mixed.status, (mixed.json['error'] as { code: string }).code]).toEqual([2, 'USAGE']);
    const asked = office(['receipt', 'reprint', ...receipt, '--ask-central', '--user', 'operator', '--password-stdin'], PASSWORD);
    expect(asked.json, asked.stdout + asked.stderr).toMatchObject({ ok: true, status: 'pending', isSent: true, approvalRequestId: expect.stringMatching(/^[0-9A-Z]{26}$/) as unknown });
    const id = String(asked.json['approvalRequestId']);
    const early = office(['receipt', 'reprint', ...receipt, '--central-approval', id, '--user', 'operator', '--password-stdin'], PASSWORD);
    expect([early.status, (early.json['error'] as { code: string }).code]).toEqual([3, 'APPROVAL_REQUIRED']);

    const { adminToken } = JSON.parse(readFileSync(join(dir, 'central', 'server.json'), 'utf8')) as { adminToken: string };
    const decided = await fetch(new URL('/admin/approval-requests/decide', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ id, isApproved: true, supervisorUsername: 'supervisor', supervisorNameTh: 'หัวหน้า' }),
    });
    expect(decided.status).toBe(200);
    expect(office(['sync', 'pull']).json).toMatchObject({ ok: true, approvals: 1 });
    const used = office(['receipt', 'reprint', ...receipt, '--central-approval', id, '--user', 'operator', '--password-stdin'], PASSWORD);
    expect(used.json, used.stdout + used.stderr).toMatchObject({ ok: true, copyNo: 1 });
    const twice = office(['receipt', 'reprint', ...receipt, '--central-approval', id, '--user', 'operator', '--password-stdin'], PASSWORD);
    expect([twice.status, (twice.json['error'] as { code: string }).code]).toEqual([3, 'BAD_APPROVAL']);
  });
});

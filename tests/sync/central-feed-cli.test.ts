import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src-server/db/client';
import { BUNDLED, CLI_TEST_TIMEOUT_MS, ROOT } from '../helpers/cli';

/**
 * `ebill-central feed publish --file F [--place P]` through the bundled bin: on a data folder with
 * no server it opens the database itself; while `serve` holds the folder it goes through the running
 * server. A bad file is refused whole (exit 3, nothing stored), a bad option is a usage error (exit 2).
 */
let dir: string;
let server: ChildProcess | undefined;
const HOLIDAYS_2027 = JSON.parse(readFileSync(join(ROOT, 'resources', 'holidays', '2570.json'), 'utf8')) as unknown;
const FEE_TYPE = { revenueCode: '801001', nameTh: 'ค่าธรรมเนียมทดสอบ', nameEn: 'Test fee', fund: 'state-revenue', defaultAmountSatang: 2_000, active: true };
const BOOK = { stream: 'book', bookNo: 'P70-001', firstLeaf: 1, lastLeaf: 50, terminalSlot: null, assignedAtMs: Date.UTC(2026, 11, 2) };

const central = (args: readonly string[]) => {
  const result = spawnSync(process.execPath, [BUNDLED.central, '--data-dir', join(dir, 'central'), '--json', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, DATABASE_URL: '' } });
  return { status: result.status, json: JSON.parse(result.stdout || '{}') as Record<string, unknown>, stdout: result.stdout };
};
const file = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const errorOf = (r: { status: number | null; json: Record<string, unknown> }) => [r.status, (r.json['error'] as { code?: string } | undefined)?.code];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebill-central-feed-cli-'));
});
afterAll(() => {
  if (server?.pid !== undefined) process.kill(server.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('ebill-central feed publish', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('refuses a bad file or option with its code and stores nothing; publishes all or nothing by opening the database', () => {
    const good = file('good.json', [{ stream: 'catalog', version: 2, data: { feeTypes: [FEE_TYPE] } }, { stream: 'holidays', calendarYear: 2027, data: HOLIDAYS_2027 }]);
    expect(errorOf(central(['feed', 'publish']))).toEqual([2, 'USAGE']);
    expect(errorOf(central(['feed', 'send', '--file', good]))).toEqual([2, 'USAGE']);
    expect(errorOf(central(['feed', 'publish', '--file', good, '--place', '54']))).toEqual([2, 'USAGE']);
    expect(errorOf(central(['feed', 'publish', '--file', join(dir, 'missing.json')]))).toEqual([3, 'NOT_FOUND']);
    expect(errorOf(central(['feed', 'publish', '--file', file('text.json', '[{"stream":')]))).toEqual([3, 'BAD_INPUT']);
    const notArray = central(['feed', 'publish', '--file', file('object.json', { stream: 'catalog' })]);
    expect([...errorOf(notArray), (notArray.json['error'] as { message: string }).message]).toEqual([3, 'BAD_INPUT', expect.stringContaining('a JSON array of feed bodies') as unknown]);
    const badShape = central(['feed', 'publish', '--file', file('shape.json', [{ stream: 'rumour' }])]);
    expect(errorOf(badShape)).toEqual([3, 'BAD_INPUT']);
    // One bad item refuses the whole file: the good book in it is not stored (it is new below).
    const mixed = central(['feed', 'publish', '--place', '5401', '--file', file('mixed.json', [BOOK, { ...BOOK, bookNo: 'P70-002', firstLeaf: 50, lastLeaf: 1 }])]);
    expect([...errorOf(mixed), (mixed.json['error'] as { message: string }).message]).toEqual([3, 'BAD_INPUT', expect.stringContaining('lastLeaf is before firstLeaf') as unknown]);
    const user = { stream: 'user', username: 'somchai', fullNameTh: 'นายสมชาย', positionTh: 'เจ้าพนักงาน', role: 'operator', isDisabled: false, orderRef: 'กค 0402/1', approvedAtMs: 1 };
    expect(errorOf(central(['feed', 'publish', '--file', file('user.json', [user])]))).toEqual([3, 'BAD_INPUT']);

    const published = central(['feed', 'publish', '--file', good]);
    expect(published.json, published.stdout).toEqual({ ok: true, published: 2, duplicates: 0 });
    expect(central(['feed', 'publish', '--place', '5401', '--file', file('book.json', [BOOK])]).json).toEqual({ ok: true, published: 1, duplicates: 0 });
    // A user account published by the CLI is kept at central with who published it (the login running it); the body is unchanged.
    expect(central(['feed', 'publish', '--place', '5401', '--file', file('user-5401.json', [user])]).json).toEqual({ ok: true, published: 1, duplicates: 0 });
  });

  it('cli-feed-approved-by: central_users keeps cli:<login> as who approved the account; the feed body has no such field', async () => {
    const db = await openPglite(join(dir, 'central', 'pgdata'));
    try {
      expect(await db.query(`SELECT username, place, approved_by AS by FROM central_users`)).toEqual([{ username: 'somchai', place: '5401', by: `cli:${userInfo().username}` }]);
      const [item] = await db.query<{ body: string }>(`SELECT body FROM feed_items WHERE stream = 'user'`);
      expect(Object.keys(JSON.parse(item?.body ?? '{}') as object).sort()).toEqual(['approvedAtMs', 'fullNameTh', 'isDisabled', 'orderRef', 'positionTh', 'role', 'stream', 'username']);
    } finally {
      await db.close();
    }
  });

  it('goes through the running server while serve holds the data folder', async () => {
    const child = spawn(process.execPath, [BUNDLED.central, '--data-dir', join(dir, 'central'), 'serve', '--port', '0'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'ignore'] });
    server = child;
    await new Promise<void>((resolve, reject) => {
      let text = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.includes('EBILL_CENTRAL_URL=')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`ebill-central serve ended with ${code}`)));
    });
    const again = file('again.json', [{ stream: 'catalog', version: 2, data: { feeTypes: [FEE_TYPE] } }, { ...BOOK, bookNo: 'P70-003' }]);
    expect(central(['feed', 'publish', '--place', '5401', '--file', again]).json).toEqual({ ok: true, published: 1, duplicates: 1 });
    // Refused by the server's own check: a user needs its office.
    expect(errorOf(central(['feed', 'publish', '--file', file('user2.json', [{ stream: 'user', username: 'wanna', fullNameTh: 'นางวรรณา', positionTh: 'นักวิชาการ', role: 'finance', isDisabled: false, orderRef: 'กค 1', approvedAtMs: 1 }])]))).toEqual([3, 'BAD_INPUT']);
    // Through the server the CLI still says who it is (approvedBy in the body of /admin/feed), not admin-token.
    const wanna = { stream: 'user', username: 'wanna', fullNameTh: 'นางวรรณา', positionTh: 'นักวิชาการ', role: 'finance', isDisabled: false, orderRef: 'กค 2', approvedAtMs: 2 };
    expect(central(['feed', 'publish', '--place', '5401', '--file', file('user3.json', [wanna])]).json).toEqual({ ok: true, published: 1, duplicates: 0 });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    server = undefined;
    const db = await openPglite(join(dir, 'central', 'pgdata'));
    try {
      expect(await db.query(`SELECT username, approved_by AS by FROM central_users ORDER BY username`)).toEqual([
        { username: 'somchai', by: `cli:${userInfo().username}` },
        { username: 'wanna', by: `cli:${userInfo().username}` },
      ]);
    } finally {
      await db.close();
    }
  });
});

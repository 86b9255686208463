import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src-main/platform/clock';
import { dataPaths } from '../../src-main/platform/paths';
import { applyFeedPage, checkFeedPage } from '../../src-main/sync/feed-apply';
import type { FeedItem } from '../../src-shared/sync';
import { th } from '../../src-renderer/i18n/th';
import { E2E_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { type RunningShell } from '../helpers/web-shell';
import { pageKit, SHOTS, startHarness, stopHarness } from './page-helpers';

/**
 * The books central assigned (issue 11) on the books screen, in real Chromium against `start:web`
 * with the demo office (terminal slot 1). Central's list is applied to the database the way a pull
 * applies it (`checkFeedPage` + `applyFeedPage`) before the shell starts; three books were
 * registered here offline before it came. Checked with axe and shot in Thai and English.
 */
const PASSWORD = 'demo1234';
const c = th.books.central;

let browser: Browser;
let shell: RunningShell;
let dataDir: string;
let sqlite: Database.Database;
const kit = pageKit(() => browser, () => shell.url);
const { newPage, login, logout, seen, capture } = kit;

function registerHere(bookNo: string, first: number, last: number): void {
  const run = ebill(['--data-dir', dataDir, '--json', 'book', 'register', '--book', bookNo, '--first', String(first), '--last', String(last), '--fiscal-year', '2570', '--user', 'finance', '--password-stdin'], `${PASSWORD}\n`);
  expect(run.status, run.stderr).toBe(0);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ebill-e2e-books-central-'));
  const demo = ebill(['--data-dir', dataDir, '--json', 'demo']);
  expect(demo.status, demo.stderr).toBe(0);
  registerHere('P70-002', 1, 50);
  registerHere('P70-003', 1, 40);
  registerHere('P70-900', 1, 20);
  const assignedAtMs = Date.now() - 86_400_000;
  const bodies: FeedItem['body'][] = [
    { stream: 'book', bookNo: 'P70-001', firstLeaf: 1, lastLeaf: 50, terminalSlot: null, assignedAtMs },
    { stream: 'book', bookNo: 'P70-002', firstLeaf: 1, lastLeaf: 50, terminalSlot: 1, assignedAtMs },
    { stream: 'book', bookNo: 'P70-003', firstLeaf: 1, lastLeaf: 50, terminalSlot: null, assignedAtMs },
    { stream: 'book', bookNo: 'P70-004', firstLeaf: 1, lastLeaf: 50, terminalSlot: 2, assignedAtMs },
    { stream: 'book', bookNo: 'P70-BIG', firstLeaf: 1, lastLeaf: 1001, terminalSlot: 1, assignedAtMs },
  ];
  const items = bodies.map((body, i) => ({ cursor: i + 1, body }));
  const writable = new Database(dataPaths(dataDir).databaseFile);
  checkFeedPage(items);
  writable.transaction(() => applyFeedPage({ sqlite: writable, clock: systemClock, machineId: 'e2e' }, items))();
  writable.close();
  ({ shell, browser, sqlite } = await startHarness(dataDir));
}, 120_000);

afterAll(() => stopHarness({ shell, browser, sqlite }, kit, dataDir));

function counts(): string {
  const tables = ['ledger_entries', 'receipt_books', 'receipt_book_assignments', 'central_book_assignments'];
  return JSON.stringify(tables.map((t) => (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n));
}

describe('books central assigned, on the books screen (issue 11)', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('finance sees each book’s state against the register here, registers one as central assigned it, and a refusal changes nothing', async () => {
    const page = await newPage();
    await login(page, 'finance');
    await page.keyboard.press('F1');
    await seen(page, c.heading);
    const row = (bookNo: string) => page.getByTestId(`central-book-${bookNo}`);
    await expect.poll(() => row('P70-001').getAttribute('data-state')).toBe('not-registered');
    expect(await row('P70-001').textContent()).toContain(c.states.notRegistered);
    expect(await row('P70-002').getAttribute('data-state')).toBe('registered');
    expect(await row('P70-002').textContent()).toContain(c.toThisTerminal(1));
    // The conflict: red, with both ranges.
    expect(await row('P70-003').getAttribute('data-state')).toBe('range-differs');
    expect(await row('P70-003').textContent()).toContain(c.bothRanges('1–50', '1–40'));
    expect(await row('P70-003').getAttribute('class')).toBe('table__row--conflict');
    // Registered here offline, unknown to central: flagged, still in the register with its actions.
    expect(await row('P70-900').getAttribute('data-state')).toBe('unknown-to-central');
    expect(await row('P70-900').getAttribute('class')).toBe('table__row--flagged');
    expect(await page.getByRole('button', { name: th.books.markOf('P70-900') }).count()).toBe(1);
    // Another terminal's book is not this terminal's to register.
    expect(await row('P70-004').count()).toBe(0);
    // Only the book not registered yet has the action.
    expect(await page.getByRole('button', { name: c.registerOf('P70-002') }).count()).toBe(0);
    expect(await page.getByRole('button', { name: c.registerOf('P70-003') }).count()).toBe(0);
    await page.getByTestId('central-books').scrollIntoViewIfNeeded();
    await capture(page, 'books-central');

    // Central's range of 1,001 leaves: the registration's own refusal, nothing written.
    const before = counts();
    await page.getByRole('button', { name: c.registerOf('P70-BIG') }).click();
    await seen(page, th.errors.BOOK_RANGE_INVALID);
    expect(counts()).toBe(before);
    await capture(page, 'books-central-refused');

    await page.getByRole('button', { name: c.registerOf('P70-001') }).click();
    await seen(page, c.registered('P70-001', '1–50'));
    await expect.poll(() => row('P70-001').getAttribute('data-state')).toBe('registered');
    expect(sqlite.prepare(`SELECT first_leaf AS f, last_leaf AS l, fiscal_year_be AS fy FROM receipt_books WHERE book_no = 'P70-001'`).get()).toEqual({ f: 1, l: 50, fy: expect.any(Number) as number });
    expect(sqlite.prepare(`SELECT a.holder_kind AS kind FROM receipt_book_assignments a JOIN receipt_books b ON b.id = a.book_id WHERE b.book_no = 'P70-001'`).all()).toEqual([{ kind: 'office' }]);
    await expect.poll(() => page.getByTestId('book-list').getByText('P70-001').isVisible()).toBe(true);
    await capture(page, 'books-central-registered');
    await logout(page);
  });

  it('the operator sees central’s list without the register action', async () => {
    const page = await newPage();
    await login(page, 'operator');
    await page.keyboard.press('F1');
    await seen(page, c.heading);
    await expect.poll(() => page.getByTestId('central-book-P70-BIG').getAttribute('data-state')).toBe('not-registered');
    expect(await page.getByRole('button', { name: c.registerOf('P70-BIG') }).count()).toBe(0);
    await capture(page, 'books-central-operator');
    await logout(page);
  });
});

import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beTextFromIso, isoFromBeText } from '../../src-renderer/forms/be-date';
import { th } from '../../src-renderer/i18n/th';
import { E2E_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { type RunningShell } from '../helpers/web-shell';
import { pageKit, SHOTS, startHarness, stopHarness } from './page-helpers';

/**
 * The paper-book screens end to end (issue 8) in real Chromium against `start:web` with the demo
 * office: one server and one browser, tests in order (each builds on the records of the one
 * before). Each new screen is checked with axe-core and shot at 1366×768 in Thai and English into
 * test-results/screens/.
 */
const PASSWORD = 'demo1234';
/** Registered and given to the office before the browser starts (the books screen registers its own later). */
const BOOK = 'P70-001';
const CAUSE = 'ไฟฟ้าดับทั้งอาคาร';

let browser: Browser;
let shell: RunningShell;
let dataDir: string;
let sqlite: Database.Database;
const kit = pageKit(() => browser, () => shell.url);
const { newPage, login, logout, seen, capture } = kit;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ebill-e2e-books-'));
  const demo = ebill(['--data-dir', dataDir, '--json', 'demo']);
  expect(demo.status, demo.stderr).toBe(0);
  const register = ebill(['--data-dir', dataDir, '--json', 'book', 'register', '--book', BOOK, '--first', '1', '--last', '50', '--fiscal-year', '2570', '--user', 'finance', '--password-stdin'], `${PASSWORD}\n`);
  expect(register.status, register.stderr).toBe(0);
  const assign = ebill(['--data-dir', dataDir, '--json', 'book', 'assign', '--book', BOOK, '--office', '--user', 'finance', '--password-stdin'], `${PASSWORD}\n`);
  expect(assign.status, assign.stderr).toBe(0);
  ({ shell, browser, sqlite } = await startHarness(dataDir));
}, 120_000);

afterAll(() => stopHarness({ shell, browser, sqlite }, kit, dataDir));

function count(table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function counts(): string {
  const tables = ['ledger_entries', 'receipts', 'paper_receipt_keyings', 'outages', 'outage_ends', 'paper_leaf_ranges', 'receipt_books', 'receipt_book_assignments'];
  return JSON.stringify(tables.map(count));
}

describe('paper receipt books, outages and field collection in a real browser (issue 8)', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('an outage is started (home shows its banner) and ended with the leaves written on paper', async () => {
    const page = await newPage();
    await login(page, 'operator');
    await expect.poll(() => page.getByTestId('outage-state').textContent()).toBe(th.homeCounter.outageNone);
    await page.keyboard.press('F6');
    await seen(page, th.outage.intro);
    await capture(page, 'outage-start');

    await page.getByLabel(th.outage.cause).fill(CAUSE);
    await page.getByRole('button', { name: th.outage.start }).click();
    await seen(page, th.outage.started);
    expect(count('outages')).toBe(1);
    await expect.poll(() => page.getByTestId('outage-open').isVisible()).toBe(true);

    await page.keyboard.press('Alt+KeyH');
    await expect.poll(() => page.getByTestId('outage-banner').isVisible()).toBe(true);
    expect(await page.getByTestId('outage-banner').textContent()).toContain(CAUSE);
    await capture(page, 'home-outage');

    await page.keyboard.press('F6');
    await seen(page, th.outage.endHeading);
    await page.keyboard.press('Alt+KeyA');
    await page.getByLabel(th.outage.book).fill(BOOK);
    await page.getByLabel(th.outage.firstLeaf).fill('1');
    await page.getByLabel(th.outage.lastLeaf).fill('3');
    await page.getByLabel(th.outage.note).fill('ไฟกลับมาแล้ว');
    await capture(page, 'outage-end');
    await page.getByRole('button', { name: th.outage.end }).click();
    await seen(page, th.outage.ended(1));
    expect(count('outage_ends')).toBe(1);
    expect(count('paper_leaf_ranges')).toBe(1);
    await seen(page, th.outage.startHeading);
    await page.keyboard.press('Alt+KeyH');
    await expect.poll(() => page.getByTestId('outage-state').textContent()).toBe(th.homeCounter.outageNone);
    expect(await page.getByTestId('outage-banner').count()).toBe(0);
    await logout(page);
  });

  it('a paper receipt is keyed; a paper date outside the outage is refused with its message and changes nothing', async () => {
    const page = await newPage();
    await login(page, 'operator');
    await page.keyboard.press('F5');
    await seen(page, th.paperReceipt.intro);
    // The source defaults to the latest outage (the one just ended).
    await expect.poll(() => page.getByLabel(th.paperReceipt.source).inputValue()).toMatch(/^outage:/);
    await capture(page, 'paper-receipt');

    // The paper date is typed in the Buddhist era (dd/mm/yyyy); the form keeps it ISO inside.
    const today = await page.getByLabel(th.paperReceipt.paperDate).inputValue();
    const todayIso = isoFromBeText(today) ?? '';
    expect(todayIso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const yesterday = beTextFromIso(new Date(Date.parse(`${todayIso}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel(th.paperReceipt.paperDate).fill(yesterday);
    await page.getByLabel(th.paperReceipt.book).fill(BOOK);
    await page.getByLabel(th.paperReceipt.leaf).fill('1');
    await page.getByLabel(th.paperReceipt.payerName).fill('นายสมชาย ใจดี');
    await page.getByLabel(th.paperReceipt.revenueCode).selectOption('804001');
    await page.getByLabel(th.paperReceipt.amount).fill('12.345');
    const before = counts();
    await page.getByRole('button', { name: th.paperReceipt.save }).click();
    // Strict satang: three decimals never reach main.
    await expect.poll(() => page.getByLabel(th.paperReceipt.amount).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel(th.paperReceipt.amount).fill('200.00');
    await page.getByRole('button', { name: th.paperReceipt.save }).click();
    await seen(page, th.errors.PAPER_DATE_OUTSIDE_OUTAGE);
    await capture(page, 'paper-receipt-refused');
    expect(counts()).toBe(before);

    await page.getByLabel(th.paperReceipt.paperDate).fill(today);
    await page.getByRole('button', { name: th.paperReceipt.save }).click();
    await seen(page, th.paperReceipt.keyed(BOOK, 1));
    expect(count('paper_receipt_keyings')).toBe(1);
    expect(sqlite.prepare('SELECT book, number, amount_satang AS amount, is_paper AS isPaper FROM receipts WHERE is_paper = 1').all()).toEqual([{ book: BOOK, number: 1, amount: 20_000, isPaper: 1 }]);
    // The next leaf of the same book is offered for the next paper.
    expect(await page.getByLabel(th.paperReceipt.leaf).inputValue()).toBe('2');
    await logout(page);
  });

  it('finance registers and assigns a book, spoils a leaf, and a close is refused listing the unused leaves', async () => {
    const page = await newPage();
    await login(page, 'finance');
    await page.keyboard.press('F1');
    await seen(page, th.books.registerHeading);
    await page.getByLabel(th.books.bookNo, { exact: true }).fill('p70-002');
    await page.getByLabel(th.books.firstLeaf, { exact: true }).fill('1');
    await page.getByLabel(th.books.lastLeaf, { exact: true }).fill('10');
    await page.getByLabel(th.books.fiscalYear, { exact: true }).fill('2570');
    await page.getByRole('button', { name: th.books.register }).click();
    await seen(page, th.books.registered('P70-002'));
    expect(count('receipt_books')).toBe(2);
    await capture(page, 'books');

    await page.getByRole('button', { name: th.books.assignOf('P70-002') }).click();
    await seen(page, th.books.assignTitle('P70-002'));
    await page.getByLabel(th.books.holder, { exact: true }).selectOption('terminal');
    await page.getByLabel(th.books.terminalSlot, { exact: true }).fill('1');
    await capture(page, 'books-assign');
    await page.getByRole('dialog').getByRole('button', { name: th.books.assign }).click();
    await seen(page, th.books.assigned('P70-002'));
    expect(count('receipt_book_assignments')).toBe(2);
    await expect.poll(() => page.getByTestId('book-list').getByText(th.books.holderTerminal(1)).isVisible()).toBe(true);

    await page.getByRole('button', { name: th.books.markOf('P70-002') }).click();
    await page.getByLabel(th.books.leaf, { exact: true }).fill('10');
    await page.getByLabel(th.books.reason, { exact: true }).fill('เขียนผิด');
    await page.getByRole('dialog').getByRole('button', { name: th.books.mark }).click();
    await seen(page, th.books.marked('P70-002', 10));
    await expect.poll(() => page.getByTestId('book-list').getByText(th.books.counts(9, 0, 1, 0)).isVisible()).toBe(true);

    const before = counts();
    await page.getByRole('button', { name: th.books.closeOf('P70-002') }).click();
    await seen(page, th.errors.BOOK_HAS_UNUSED_LEAVES);
    expect(await page.getByTestId('unused-leaves').textContent()).toBe(th.books.unusedLeaves('1–9'));
    expect(counts()).toBe(before);
    await capture(page, 'books-close-refused');
    await logout(page);
  });

  it('the auditor sees the outages but no start or end, renders the same-day manual receipts report, and sees the books without actions', async () => {
    const page = await newPage();
    await login(page, 'auditor');
    await page.keyboard.press('F6');
    await seen(page, th.outage.listHeading);
    await expect.poll(() => page.getByTestId('outage-list').getByText(CAUSE).isVisible()).toBe(true);
    expect(await page.getByLabel(th.outage.cause).count()).toBe(0);

    // The same-day manual receipts report: the one paper receipt keyed above, as a PDF to save.
    await page.keyboard.press('Alt+KeyM');
    await expect.poll(() => page.getByTestId('manual-report-result').isVisible(), { timeout: 120_000 }).toBe(true);
    expect(await page.getByTestId('manual-report-result').textContent()).toContain(th.manualReport.result(1, '200.00', 1));
    await capture(page, 'outage-report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^บันทึกแฟ้ม/ }).click()]);
    const pdf = join(SHOTS, 'manual-receipts.pdf');
    await download.saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.keyboard.press('Alt+KeyH');
    await page.keyboard.press('F1');
    await expect.poll(() => page.getByTestId('book-list').getByText('P70-002').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: th.books.closeOf('P70-002') }).count()).toBe(0);
    expect(await page.getByLabel(th.books.bookNo, { exact: true }).count()).toBe(0);
    await logout(page);
  }, 180_000);
});

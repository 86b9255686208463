import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBusinessDate } from '../../src-renderer/i18n/format';
import { beTextFromIso } from '../../src-renderer/forms/be-date';
import { th } from '../../src-renderer/i18n/th';
import { E2E_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { pdfText } from '../documents/pdf-tools';
import { type RunningShell } from '../helpers/web-shell';
import { pageKit, SHOTS, startHarness, stopHarness } from './page-helpers';

/**
 * Day close, reports and remittance end to end (issue 10) in real Chromium against `start:web` with
 * the demo office: tests in order, each building on the one before. Before the browser starts, the
 * CLI writes what a real day leaves behind: an outage a week ago with a paper receipt keyed for that
 * day (cash never remitted: the home screen's overdue banner), a leaf written today and not keyed,
 * and a cash receipt of today whose original was never printed (both stop the close).
 */
const PASSWORD = 'demo1234';
const BOOK = 'P70-001';
const DAY_MS = 86_400_000;
const bangkokDate = (ms: number): string => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
const TODAY = bangkokDate(Date.now());
/** A week ago: its 09:30 next-business-day deadline is past whatever the holidays in between. */
const PAST = bangkokDate(Date.now() - 7 * DAY_MS);

let browser: Browser;
let shell: RunningShell;
let dataDir: string;
let sqlite: Database.Database;
let unprinted: { book: string; number: number };
const kit = pageKit(() => browser, () => shell.url);
const { pages, newPage, login, logout, seen, capture } = kit;

function run(args: readonly string[], stdin = `${PASSWORD}\n`): Record<string, unknown> {
  const result = ebill(['--data-dir', dataDir, '--json', ...args], stdin);
  expect(result.status, `${args.join(' ')}: ${result.stdout} ${result.stderr}`).toBe(0);
  return result.json;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ebill-e2e-close-'));
  run(['demo'], '');
  run(['book', 'register', '--book', BOOK, '--first', '1', '--last', '50', '--fiscal-year', '2570', '--user', 'finance', '--password-stdin']);
  run(['book', 'assign', '--book', BOOK, '--office', '--user', 'finance', '--password-stdin']);
  const outage = run(['outage', 'start', '--cause', 'ไฟฟ้าดับทั้งอำเภอ', '--at', `${PAST}T09:00+07:00`, '--user', 'operator', '--password-stdin']);
  const outageId = String(outage['outageId']);
  run(['outage', 'end', '--outage', outageId, '--leaves', `${BOOK}:1-1@${PAST}`, '--leaves', `${BOOK}:2-2@${TODAY}`, '--user', 'operator', '--password-stdin']);
  run(['book', 'key', '--outage', outageId, '--book', BOOK, '--leaf', '1', '--date', PAST, '--payer', 'นายย้อน หลัง', '--revenue-code', '804001', '--amount-satang', '50000', '--method', 'cash', '--user', 'operator', '--password-stdin']);
  const request = run(['request', 'create', '--file', '-', '--user', 'operator', '--password-stdin'], `${PASSWORD}\n{"payerName":"นายสมหมาย ทดสอบ","revenueCode":"804001","amountSatang":150050}`);
  const receipt = run(['receipt', 'issue', '--ref1', String(request['ref1']), '--method', 'cash', '--user', 'operator', '--password-stdin']);
  unprinted = { book: String(receipt['receiptBook']), number: Number(receipt['receiptNo']) };
  ({ shell, browser, sqlite } = await startHarness(dataDir));
}, 180_000);

afterAll(() => stopHarness({ shell, browser, sqlite }, kit, dataDir));

function count(table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** A request through the page's own contract connection (the tab's token and session), as a screen would send it. */
async function call(page: Page, name: string, input: unknown): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string } }> {
  return page.evaluate(
    async ([n, body]) => {
      const response = await fetch(`/api/${n}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ebill-token': sessionStorage.getItem('ebill.token') ?? '', 'x-ebill-client': sessionStorage.getItem('ebill.client') ?? '' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
    },
    [name, input] as const,
  );
}

describe('day close, reports and remittance in a real browser (issue 10)', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('home shows the overdue remittance banner; the operator has no close, report or remittance tile', async () => {
    const page = await newPage();
    await login(page, 'operator');
    await expect.poll(() => page.getByTestId('remittance-overdue').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: new RegExp(th.homeCounter.tiles.dayClose[0] ?? '') }).count()).toBe(0);
    expect(await page.getByRole('button', { name: new RegExp(th.homeCounter.tiles.reports[0] ?? '') }).count()).toBe(0);
    // The operator now prints nothing, so the close stays refused until the test prints it below.
    const finance = await newPage();
    await login(finance, 'finance');
    await expect.poll(() => finance.getByTestId('remittance-overdue').isVisible()).toBe(true);
    expect(await finance.getByTestId('remittance-overdue').textContent()).toContain('500.00');
    await capture(finance, 'home-remittance-overdue');
  });

  it('the close is refused with both lists (unprinted original, unkeyed leaf) and changes nothing', async () => {
    const page = pages[1] as Page;
    const before = count('day_closes');
    await page.keyboard.press('Alt+KeyK');
    await seen(page, th.dayClose.intro);
    await expect.poll(() => page.getByTestId('close-blocked').isVisible()).toBe(true);
    expect(await page.getByTestId('unprinted-list').textContent()).toContain(th.dayClose.receiptRef(unprinted.book, unprinted.number, '1,500.50'));
    expect(await page.getByTestId('unkeyed-list').textContent()).toContain(th.dayClose.leafRef(BOOK, 2));
    expect(await page.getByRole('button', { name: th.dayClose.close, exact: true }).isDisabled()).toBe(true);
    await capture(page, 'day-close-refused');
    // main refuses it too, whatever the screen shows: the same lists, nothing written.
    const refused = await call(page, 'close.day', { businessDate: TODAY, pieces: { '1000': 0, '500': 0, '100': 0, '50': 0, '20': 0, '10': 0, '5': 0, '2': 0, '1': 0, '0.50': 0, '0.25': 0 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PAPER_LEAVES_UNKEYED' } });
    expect(count('day_closes')).toBe(before);
  });

  it('after printing and keying, the cash is counted by note and coin, a variance needs its reason, the close is confirmed and its record shown', async () => {
    const operator = pages[0] as Page;
    expect(await call(operator, 'receipt.markPrinted', unprinted)).toMatchObject({ ok: true });
    const leaf = await call(operator, 'paperReceipt.key', {
      outageId: (sqlite.prepare(`SELECT id FROM outages`).get() as { id: string }).id,
      bookNo: BOOK,
      leaf: 2,
      paperDate: TODAY,
      payerName: 'นางสาวกระดาษ วันนี้',
      revenueCode: '804001',
      amountSatang: 20_000,
      payment: { method: 'cash' },
    });
    expect(leaf, JSON.stringify(leaf)).toMatchObject({ ok: true });
    // A receipt issued on the payer's bank evidence: listed at the close, not a reason to refuse it.
    const billRequest = await call(operator, 'request.create', { payerName: 'นายโอน ธนาคาร', revenueCode: '804001', amountSatang: 70_000 });
    const ref1 = String(billRequest.value?.['ref1']);
    expect(await call(operator, 'payment.recordEvidence', { ref1, bankCode: '006', paidAtMs: Date.now() - 60_000, bankReference: 'SLIP9', amountSatang: 70_000 })).toMatchObject({ ok: true });
    const evidence = await call(operator, 'receipt.issue', { ref1, payment: { method: 'bill-payment' } });
    expect(evidence).toMatchObject({ ok: true });
    expect(await call(operator, 'receipt.markPrinted', { book: evidence.value?.['receiptBook'], number: evidence.value?.['receiptNo'] })).toMatchObject({ ok: true });

    const page = pages[1] as Page;
    await page.keyboard.press('Alt+KeyR');
    await expect.poll(() => page.getByTestId('close-blocked').count()).toBe(0);
    expect(await page.getByTestId('cash-expected').textContent()).toBe('1,700.50 บาท');
    expect(await page.getByTestId('unconfirmed-list').textContent()).toContain('700.00');
    await page.getByLabel(th.dayClose.piecesOf(th.dayClose.note('1,000'))).fill('1');
    await page.getByLabel(th.dayClose.piecesOf(th.dayClose.note('500'))).fill('1');
    await page.getByLabel(th.dayClose.piecesOf(th.dayClose.note('100'))).fill('2');
    await page.getByLabel(th.dayClose.piecesOf(th.dayClose.coinSatang('25'))).fill('1');
    await expect.poll(() => page.getByTestId('counted-total').textContent()).toBe('1,700.25 บาท');
    expect(await page.getByTestId('variance').textContent()).toBe(th.dayClose.short('0.25'));
    // A variance without its reason cannot be sent.
    expect(await page.getByRole('button', { name: th.dayClose.close, exact: true }).isDisabled()).toBe(true);
    await page.getByLabel(th.dayClose.reason).fill('เหรียญ 25 สตางค์ตกหาย');
    await capture(page, 'day-close-count');

    await page.getByRole('button', { name: th.dayClose.close, exact: true }).click();
    await seen(page, th.dayClose.confirmTitle);
    await capture(page, 'day-close-confirm');
    await page.getByRole('button', { name: th.dayClose.confirm }).click();
    await seen(page, th.dayClose.closedDone);
    await expect.poll(() => page.getByTestId('close-records').isVisible()).toBe(true);
    await seen(page, th.dayClose.nothingToClose);
    const row = sqlite.prepare(`SELECT kind, cash_expected_satang AS expected, cash_counted_satang AS counted, variance_satang AS variance, variance_reason AS reason, unconfirmed_count AS unconfirmed FROM day_closes`).get();
    expect(row).toEqual({ kind: 'close', expected: 170_050, counted: 170_025, variance: -25, reason: 'เหรียญ 25 สตางค์ตกหาย', unconfirmed: 1 });
    expect(await page.getByTestId('close-records').textContent()).toContain('นางวิไล มั่นคง');
    await capture(page, 'day-close-closed');
  });

  it('remittance: today per revenue code (bill payments remitted by the province), the past day overdue, recorded with the bank reference; the banner goes', async () => {
    const page = pages[1] as Page;
    await page.keyboard.press('Alt+KeyH');
    await page.keyboard.press('Alt+KeyU');
    await seen(page, th.remittance.intro);
    await expect.poll(() => page.getByTestId('remittance-lines').isVisible()).toBe(true);
    expect(await page.getByTestId('remit-total-cash').textContent()).toBe('1,700.50');
    expect(await page.getByTestId('remit-total-bill-payment').textContent()).toBe('700.00');
    expect(await page.getByTestId('office-kind').textContent()).toBe(th.remittance.officeKinds.district);
    // A district never records the bill payments: only its cash is offered.
    expect(await page.getByLabel(th.remittance.scope).locator('option').allTextContents()).toEqual([th.remittance.scopes.cash]);
    await capture(page, 'remittance-day');

    // Typed key by key over a cleared field, as a clerk does: the unfinished date is kept, never reset to today.
    await page.getByLabel(th.remittance.date).fill('');
    await page.getByLabel(th.remittance.date).pressSequentially(beTextFromIso(PAST));
    await expect.poll(() => page.getByTestId('remittance-deadline').textContent()).toContain(th.remittance.overdue);
    const before = count('remittances');
    await page.getByLabel(th.remittance.bankReference).fill('KTB 0001');
    await page.getByRole('button', { name: th.remittance.save }).click();
    await seen(page, th.errors.BAD_INPUT);
    expect(count('remittances')).toBe(before);
    await page.getByLabel(th.remittance.bankReference).fill('KTB-0001');
    await page.getByRole('button', { name: th.remittance.save }).click();
    await seen(page, th.remittance.saved);
    expect(sqlite.prepare(`SELECT business_date AS d, scope, amount_satang AS amount, bank_reference AS ref FROM remittances`).all()).toEqual([{ d: PAST, scope: 'cash', amount: 50_000, ref: 'KTB-0001' }]);
    await expect.poll(() => page.getByTestId('remittance-records').textContent()).toContain('KTB-0001');
    await capture(page, 'remittance-recorded');

    await page.keyboard.press('Alt+KeyH');
    await seen(page, th.homeCounter.todayHeading);
    expect(await call(page, 'remittance.overdue', {})).toMatchObject({ ok: true, value: { overdue: [], calendarMissing: false } });
    await page.keyboard.press('Alt+KeyR');
    await expect.poll(() => page.getByTestId('outage-state').textContent()).toBe(th.homeCounter.outageNone);
    expect(await page.getByTestId('remittance-overdue').count()).toBe(0);
    await logout(page);
  });

  it('reports: the auditor makes the cash register as PDF and GFMIS as CSV and saves them; the close and the remittance are read-only', async () => {
    const page = await newPage();
    await login(page, 'auditor');
    await page.keyboard.press('Alt+KeyQ');
    await seen(page, th.reports.intro);
    await page.getByLabel(th.reports.report, { exact: true }).selectOption('register-cash');
    await page.getByLabel(th.reports.from, { exact: true }).fill(beTextFromIso(TODAY));
    await capture(page, 'reports');
    await page.getByRole('button', { name: th.reports.produce }).click();
    await expect.poll(() => page.getByTestId('report-result').isVisible(), { timeout: 120_000 }).toBe(true);
    const day = formatBusinessDate(TODAY, 'th');
    expect(await page.getByTestId('report-result').textContent()).toContain(th.reports.result(2, '1,700.50', th.reports.period(day, day)));
    await capture(page, 'reports-done');
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^บันทึกแฟ้ม/ }).click()]);
    const pdf = join(SHOTS, 'register-cash.pdf');
    await pdfDownload.saveAs(pdf);
    expect(pdfText(pdf)).toContain('1,700.50');

    await page.getByLabel(th.reports.report, { exact: true }).selectOption('gfmis');
    await page.getByLabel(th.reports.formats.csv).check();
    await page.getByRole('button', { name: th.reports.produce }).click();
    await expect.poll(() => page.getByTestId('report-result').isVisible(), { timeout: 60_000 }).toBe(true);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^บันทึกแฟ้ม/ }).click()]);
    const csv = join(SHOTS, 'gfmis.csv');
    await csvDownload.saveAs(csv);
    expect(readFileSync(csv, 'utf8')).toContain(`${TODAY},5400100001,804,001,`);
    expect(readFileSync(csv, 'utf8')).toContain(',3,2400.50');

    await page.keyboard.press('Alt+KeyH');
    await page.keyboard.press('Alt+KeyK');
    await expect.poll(() => page.getByTestId('close-records').isVisible()).toBe(true);
    await seen(page, th.dayClose.readOnly);
    expect(await page.getByTestId('cash-count').count()).toBe(0);
    await page.keyboard.press('Alt+KeyH');
    await page.keyboard.press('Alt+KeyU');
    await seen(page, th.remittance.readOnly);
    expect(await page.getByLabel(th.remittance.bankReference).count()).toBe(0);
    expect(await call(page, 'remittance.record', { businessDate: TODAY, scope: 'cash', bankReference: 'KTB-9', remittedAtMs: Date.now() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await logout(page);
  }, 240_000);
});

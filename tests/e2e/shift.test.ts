import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { th } from '../../src-renderer/i18n/th';
import { E2E_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { type RunningShell } from '../helpers/web-shell';
import { pageKit, SHOTS, startHarness, stopHarness } from './page-helpers';

/**
 * The shift close end to end (issue 10) in real Chromium against `start:web` with the demo office:
 * the operator's own drawer. Before the browser starts the CLI leaves a cash receipt of the operator
 * whose original was never printed (it stops the shift close) and a request the operator pays in
 * cash at the counter in the browser, printing its original.
 */
const PASSWORD = 'demo1234';

let browser: Browser;
let shell: RunningShell;
let dataDir: string;
let sqlite: Database.Database;
let unprinted: { book: string; number: number };
let ref1: string;
const kit = pageKit(() => browser, () => shell.url);
const { pages, newPage, login, logout, seen, capture } = kit;

function run(args: readonly string[], stdin = `${PASSWORD}\n`): Record<string, unknown> {
  const result = ebill(['--data-dir', dataDir, '--json', ...args], stdin);
  expect(result.status, `${args.join(' ')}: ${result.stdout} ${result.stderr}`).toBe(0);
  return result.json;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ebill-e2e-shift-'));
  run(['demo'], '');
  const first = run(['request', 'create', '--file', '-', '--user', 'operator', '--password-stdin'], `${PASSWORD}\n{"payerName":"นายลืม พิมพ์","revenueCode":"804001","amountSatang":50000}`);
  const receipt = run(['receipt', 'issue', '--ref1', String(first['ref1']), '--method', 'cash', '--user', 'operator', '--password-stdin']);
  unprinted = { book: String(receipt['receiptBook']), number: Number(receipt['receiptNo']) };
  const second = run(['request', 'create', '--file', '-', '--user', 'operator', '--password-stdin'], `${PASSWORD}\n{"payerName":"นายสมหมาย ทดสอบ","revenueCode":"804001","amountSatang":150050}`);
  ref1 = String(second['ref1']);
  ({ shell, browser, sqlite } = await startHarness(dataDir));
}, 180_000);

afterAll(() => stopHarness({ shell, browser, sqlite }, kit, dataDir));

/** The whole close table and the ledger's length: a refusal must leave both as they were. */
function snapshot(): { closes: unknown[]; entries: number } {
  return {
    closes: sqlite.prepare(`SELECT * FROM day_closes ORDER BY entry_seq`).all(),
    entries: (sqlite.prepare(`SELECT count(*) AS n FROM ledger_entries`).get() as { n: number }).n,
  };
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

const TODAY_PIECES = { '1000': 0, '500': 0, '100': 0, '50': 0, '20': 0, '10': 0, '5': 0, '2': 0, '1': 0, '0.50': 0, '0.25': 0 };

describe('shift close in a real browser (issue 10)', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('the operator takes cash at the counter and prints the original', async () => {
    const page = await newPage();
    await login(page, 'operator');
    await page.getByLabel(th.homeCounter.scanLabel).fill(ref1);
    await page.getByRole('button', { name: th.homeCounter.scanOpen }).click();
    await seen(page, th.bill.cash);
    await page.keyboard.press('Alt+KeyC');
    await seen(page, th.bill.confirmCash);
    await page.getByRole('button', { name: th.bill.confirmCash }).click();
    await seen(page, /ออกใบเสร็จเล่มที่ .* เลขที่ \d+ แล้ว/);
    await expect.poll(() => page.getByRole('button', { name: th.print.confirm }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: th.print.confirm }).click();
    await seen(page, th.print.confirmed);
  });

  it('the shift close is refused while the operator’s own original is unprinted, with the list; main refuses it too and nothing changes', async () => {
    const page = pages[0] as Page;
    await page.keyboard.press('Alt+KeyH');
    await seen(page, th.homeCounter.todayHeading);
    await page.keyboard.press('Alt+KeyJ');
    await seen(page, th.shiftClose.intro);
    await expect.poll(() => page.getByTestId('shift-blocked').isVisible()).toBe(true);
    expect(await page.getByTestId('unprinted-list').textContent()).toBe(th.dayClose.receiptRef(unprinted.book, unprinted.number, '500.00'));
    expect(await page.getByTestId('cash-expected').textContent()).toBe('2,000.50 บาท');
    expect(await page.getByRole('button', { name: th.shiftClose.close, exact: true }).isDisabled()).toBe(true);
    await capture(page, 'shift-close-refused');
    const before = snapshot();
    const refused = await call(page, 'close.shift', { businessDate: String(sqlite.prepare(`SELECT business_date AS d FROM receipts LIMIT 1`).pluck().get()), pieces: { ...TODAY_PIECES, '1000': 2, '0.50': 1 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNPRINTED_ORIGINALS' } });
    expect(snapshot()).toEqual(before);
  });

  it('after printing, the drawer is counted by note and coin; a variance without its reason changes nothing; with the reason the shift is closed and its record shown', async () => {
    const page = pages[0] as Page;
    expect(await call(page, 'receipt.markPrinted', unprinted)).toMatchObject({ ok: true });
    await page.keyboard.press('Alt+KeyR');
    await expect.poll(() => page.getByTestId('shift-blocked').count()).toBe(0);
    await page.getByLabel(th.dayClose.piecesOf(th.dayClose.note('1,000'))).fill('2');
    await expect.poll(() => page.getByTestId('counted-total').textContent()).toBe('2,000.00 บาท');
    expect(await page.getByTestId('variance').textContent()).toBe(th.dayClose.short('0.50'));
    // No reason: the screen does not send it, and main refuses it and writes nothing.
    expect(await page.getByRole('button', { name: th.shiftClose.close, exact: true }).isDisabled()).toBe(true);
    const before = snapshot();
    const date = String(sqlite.prepare(`SELECT business_date AS d FROM receipts LIMIT 1`).pluck().get());
    expect(await call(page, 'close.shift', { businessDate: date, pieces: { ...TODAY_PIECES, '1000': 2 } })).toMatchObject({ ok: false, error: { code: 'VARIANCE_REASON_REQUIRED' } });
    expect(snapshot()).toEqual(before);
    expect(before.closes).toEqual([]);

    await page.getByLabel(th.dayClose.reason).fill('เหรียญ 50 สตางค์ทอนเกิน');
    await capture(page, 'shift-close-count');
    await page.getByRole('button', { name: th.shiftClose.close, exact: true }).click();
    await seen(page, th.shiftClose.confirmTitle);
    await capture(page, 'shift-close-confirm');
    await page.getByRole('button', { name: th.shiftClose.confirm }).click();
    await seen(page, th.shiftClose.closedDone);
    await expect.poll(() => page.getByTestId('shift-done').isVisible()).toBe(true);
    expect(await page.getByTestId('shift-done').textContent()).toContain(th.dayClose.short('0.50'));
    const rows = sqlite.prepare(`SELECT kind, receipt_count AS n, cash_expected_satang AS expected, cash_counted_satang AS counted, variance_satang AS variance, variance_reason AS reason FROM day_closes`).all();
    expect(rows).toEqual([{ kind: 'shift', n: 2, expected: 200_050, counted: 200_000, variance: -50, reason: 'เหรียญ 50 สตางค์ทอนเกิน' }]);
    // The next shift starts empty; the record of this one stays on the screen.
    expect(await page.getByTestId('cash-expected').textContent()).toBe('0.00 บาท');
    expect(await page.getByTestId('close-records').textContent()).toContain('เหรียญ 50 สตางค์ทอนเกิน');
    await capture(page, 'shift-close-closed');
  });

  it('the auditor has no shift close tile and main refuses their shift status', async () => {
    await logout(pages[0] as Page);
    const page = await newPage();
    await login(page, 'auditor');
    expect(await page.getByRole('button', { name: new RegExp(th.homeCounter.tiles.shiftClose[0] ?? '') }).count()).toBe(0);
    expect(await call(page, 'close.shiftStatus', { businessDate: '2026-12-02' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await logout(page);
  });

  it('every role of close.shift has the tile, and Alt+J opens the screen', async () => {
    const page = pages[1] as Page;
    for (const username of ['operator', 'supervisor', 'finance', 'head']) {
      await login(page, username);
      await seen(page, th.homeCounter.todayHeading);
      expect(await page.getByRole('button', { name: new RegExp(th.homeCounter.tiles.shiftClose[0] ?? '') }).count(), username).toBe(1);
      if (username === 'operator' || username === 'finance') await capture(page, `home-shift-tile-${username}`);
      await page.keyboard.press('Alt+KeyJ');
      await seen(page, th.shiftClose.intro);
      await logout(page);
    }
  });
});

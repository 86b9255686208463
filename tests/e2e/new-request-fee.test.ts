import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src-main/platform/clock';
import { dataPaths } from '../../src-main/platform/paths';
import { applyFeedPage, checkFeedPage } from '../../src-main/sync/feed-apply';
import type { FeedItem } from '../../src-shared/sync';
import { DEMO_PAPER_BOOKS } from '../../src-main/cli/commands/demo';
import { en } from '../../src-renderer/i18n/en';
import { th } from '../../src-renderer/i18n/th';
import { pdfText } from '../documents/pdf-tools';
import { type RunningShell } from '../helpers/web-shell';
import { E2E_TEST_TIMEOUT_MS, ebill, ROOT } from '../helpers/cli';
import { pageKit, SHOTS, startHarness, stopHarness } from './page-helpers';

/**
 * Issues 5/11: the fee types central publishes are chosen on the counter's screens, in real Chromium
 * against `start:web` with the demo office (and its paper books). Central's catalog goes into the
 * database the way a pull applies it (`checkFeedPage` + `applyFeedPage`): version 2 before the
 * shell starts, version 3 while it runs (no restart). Checked with axe, shot in Thai and English.
 */
const PAYER_ID = '1101700230708';
const CERTIFICATE = { revenueCode: '801001', nameTh: 'ค่าธรรมเนียมหนังสือรับรองการอยู่อาศัย', nameEn: 'Residence certificate fee', fund: 'state-revenue', defaultAmountSatang: 2_000, active: true } as const;
const COPY = { revenueCode: '801002', nameTh: 'ค่าธรรมเนียมคัดสำเนาทะเบียน', nameEn: 'Register copy fee', fund: 'non-budget', defaultAmountSatang: null, active: true } as const;
const RETIRED = { revenueCode: '801003', nameTh: 'ค่าธรรมเนียมที่เลิกเก็บแล้ว', nameEn: 'Retired fee', fund: 'state-revenue', defaultAmountSatang: 5_000, active: false } as const;
const LATER = { revenueCode: '801004', nameTh: 'ค่าธรรมเนียมรับรองสำเนาเอกสาร', nameEn: 'Certified copy fee', fund: 'state-revenue', defaultAmountSatang: 1_000, active: true } as const;

let browser: Browser;
let shell: RunningShell;
let dataDir: string;
let sqlite: Database.Database;
let cursor = 0;
const kit = pageKit(() => browser, () => shell.url);
const { newPage, login, seen, capture } = kit;

/** A pull of central's catalog, through feed-apply's own check and apply, in one transaction. */
function pullCatalog(version: number, feeTypes: readonly object[]): void {
  const items: FeedItem[] = [{ cursor: (cursor += 1), body: { stream: 'catalog', version, data: { feeTypes } } }];
  checkFeedPage(items);
  const writable = new Database(dataPaths(dataDir).databaseFile);
  writable.pragma('busy_timeout = 5000');
  writable.transaction(() => applyFeedPage({ sqlite: writable, clock: systemClock, machineId: 'e2e' }, items)).immediate();
  writable.close();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ebill-e2e-fee-'));
  const demo = ebill(['--data-dir', dataDir, '--json', 'demo', '--with-paper-books']);
  expect(demo.status, demo.stderr).toBe(0);
  pullCatalog(2, [CERTIFICATE, COPY, RETIRED]);
  ({ shell, browser, sqlite } = await startHarness(dataDir));
}, 120_000);

afterAll(() => stopHarness({ shell, browser, sqlite }, kit, dataDir));

function counts(): string {
  const tables = ['ledger_entries', 'payment_requests', 'bills', 'receipts'];
  return JSON.stringify(tables.map((t) => (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n));
}

function printed(): string[] {
  try {
    return readdirSync(join(dataDir, 'prints')).filter((f) => f.endsWith('.pdf'));
  } catch {
    return [];
  }
}

/** The revenue select's options as [group label, value] pairs, in order. */
async function offered(page: Page, label: string): Promise<[string, string][]> {
  return page.getByLabel(label, { exact: true }).evaluate((select) =>
    Array.from((select as HTMLSelectElement).querySelectorAll('optgroup > option')).map((o) => [(o.parentElement as HTMLOptGroupElement).label, (o as HTMLOptionElement).value] as [string, string]),
  );
}

describe('a fee type pulled from central, on the counter screens', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  let page: Page;

  it('new request: the fines and the active fee types grouped; a fee chosen by its code from the keyboard gets its fixed amount and asks no fine order', async () => {
    page = await newPage();
    await login(page, 'operator');
    await page.keyboard.press('F3');
    await seen(page, th.newRequest.intro);
    const select = page.getByLabel(th.newRequest.revenueCode, { exact: true });
    await expect.poll(async () => (await offered(page, th.newRequest.revenueCode)).length).toBe(16);
    const groups = await offered(page, th.newRequest.revenueCode);
    expect(groups.filter(([g]) => g === th.revenueChoice.finesGroup(14))).toHaveLength(14);
    // The inactive fee type is not offered.
    expect(groups.filter(([g]) => g === th.revenueChoice.feesGroup(2)).map(([, v]) => v)).toEqual(['801001', '801002']);
    expect(await select.locator('option', { hasText: '801001 ค่าธรรมเนียมหนังสือรับรองการอยู่อาศัย' }).count()).toBe(1);

    // Keyboard only: the payer's name, Tab, the ID, Tab to the select, the code's digits, Tab to the amount.
    await page.keyboard.type('นายสมหมาย ทดสอบ');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PAYER_ID);
    await seen(page, th.newRequest.payerIdOk);
    await page.keyboard.press('Tab');
    await expect.poll(() => select.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('801001');
    await expect.poll(() => select.inputValue()).toBe('801001');
    await expect.poll(() => page.getByLabel(th.newRequest.amount).inputValue()).toBe('20.00');
    expect(await page.getByTestId('revenue-chosen').getAttribute('data-kind')).toBe('fee');
    expect(await page.getByTestId('revenue-chosen').textContent()).toContain(th.revenueChoice.feeFixedAmount('20.00'));
    // A fee has no fine order and no instalments.
    expect(await page.getByRole('radio', { name: th.newRequest.idKindFineOrder }).count()).toBe(0);
    expect(await page.getByLabel(th.newRequest.instalments).count()).toBe(0);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByLabel(th.newRequest.amount).evaluate((el) => el === document.activeElement)).toBe(true);
    await capture(page, 'new-request-fee');

    // Choosing a fine brings the fine order back and clears the prefill; the fee again prefills it.
    await select.selectOption('804001');
    await expect.poll(() => page.getByRole('radio', { name: th.newRequest.idKindFineOrder }).count()).toBe(1);
    expect(await page.getByLabel(th.newRequest.amount).inputValue()).toBe('');
    expect(await page.getByTestId('revenue-chosen').getAttribute('data-kind')).toBe('fine');
    await select.selectOption('801001');
    await expect.poll(() => page.getByLabel(th.newRequest.amount).inputValue()).toBe('20.00');
  });

  it('the fee request is created, its bill shown and its bill slip printed with the fee’s name', async () => {
    const printedBefore = new Set(printed());
    await page.getByRole('button', { name: th.newRequest.save }).click();
    await seen(page, th.newRequest.createdHeading);
    const row = sqlite.prepare(`SELECT request_type AS type, revenue_code AS code, amount_satang AS amount, fine_order_no AS fineOrderNo, payer_id AS payerId FROM payment_requests ORDER BY created_at_ms DESC LIMIT 1`).get();
    expect(row).toEqual({ type: '2', code: '801001', amount: 2_000, fineOrderNo: null, payerId: PAYER_ID });
    await capture(page, 'new-request-fee-saved');
    await page.getByRole('button', { name: th.newRequest.openBill }).first().click();
    await seen(page, th.bill.cash);
    await expect.poll(() => page.getByTestId('bill-revenue').textContent()).toBe(`801001 ${CERTIFICATE.nameTh}`);
    await page.keyboard.press('Alt+KeyB');
    await seen(page, th.bill.slipPrinted);
    const slips = printed();
    expect(slips.length).toBe(printedBefore.size + 1);
    const slip = slips.find((f) => !printedBefore.has(f)) ?? '';
    expect(pdfText(join(dataDir, 'prints', slip)).replace(/\s/g, '')).toContain(CERTIFICATE.nameTh.replace(/\s/g, ''));
    // Kept for a person to look at (the data folder is removed after the file).
    mkdirSync(join(ROOT, 'test-results', 'documents'), { recursive: true });
    copyFileSync(join(dataDir, 'prints', slip), join(ROOT, 'test-results', 'documents', 'new-request-fee-slip.pdf'));
    await capture(page, 'new-request-fee-bill');
  });

  it('central retires the fee while a request for it is being typed: REVENUE_CODE_UNKNOWN in Thai and English, nothing recorded, the new list offered', async () => {
    await page.keyboard.press('Alt+KeyH');
    await seen(page, th.homeCounter.todayHeading);
    await page.keyboard.press('F3');
    await seen(page, th.newRequest.intro);
    await page.getByLabel(th.newRequest.payerName).fill('นางมาลี ศรีสุข');
    await page.getByLabel(th.newRequest.revenueCode, { exact: true }).selectOption('801001');
    await page.getByLabel(th.newRequest.payerId).fill(PAYER_ID);
    await expect.poll(() => page.getByLabel(th.newRequest.amount).inputValue()).toBe('20.00');

    // The pull comes in while the screen is open: 801001 inactive, 801004 new.
    pullCatalog(3, [{ ...CERTIFICATE, active: false }, COPY, RETIRED, LATER]);
    const before = counts();
    await page.getByRole('button', { name: th.newRequest.save }).click();
    await seen(page, th.errors.REVENUE_CODE_UNKNOWN);
    expect(await page.getByRole('alert').textContent()).toContain('REVENUE_CODE_UNKNOWN');
    expect(counts()).toBe(before);
    // The list was read again: the retired code is gone, the new one is there, the field says choose again.
    await expect.poll(async () => (await offered(page, th.newRequest.revenueCode)).map(([, v]) => v).filter((v) => v.startsWith('801'))).toEqual(['801002', '801004']);
    expect(await page.getByLabel(th.newRequest.revenueCode, { exact: true }).inputValue()).toBe('');
    await capture(page, 'new-request-fee-retired');
    await kit.switchLanguage(page, 'English');
    await seen(page, en.errors.REVENUE_CODE_UNKNOWN);
    await kit.switchLanguage(page, 'ไทย');
    await page.getByLabel(th.newRequest.revenueCode, { exact: true }).selectOption('801004');
    await expect.poll(() => page.getByLabel(th.newRequest.amount).inputValue()).toBe('10.00');
    await page.getByRole('button', { name: th.newRequest.save }).click();
    await seen(page, th.newRequest.createdHeading);
    expect(sqlite.prepare(`SELECT revenue_code AS code, amount_satang AS amount FROM payment_requests ORDER BY created_at_ms DESC LIMIT 1`).get()).toEqual({ code: '801004', amount: 1_000 });
  });

  it('the next time the screen opens after a pull it shows the new list, and Alt+R reads it again while open (no restart)', async () => {
    pullCatalog(4, [COPY, LATER, { ...RETIRED, revenueCode: '801005', nameTh: 'ค่าธรรมเนียมใหม่ล่าสุด', active: true }]);
    await page.keyboard.press('Alt+KeyH');
    await seen(page, th.homeCounter.todayHeading);
    await page.keyboard.press('F3');
    await seen(page, th.newRequest.intro);
    await expect.poll(async () => (await offered(page, th.newRequest.revenueCode)).map(([, v]) => v).filter((v) => v.startsWith('801'))).toEqual(['801002', '801004', '801005']);
    // With the screen open, Alt+R reads the list again.
    pullCatalog(5, [COPY, LATER]);
    await page.keyboard.press('Alt+KeyR');
    await expect.poll(async () => (await offered(page, th.newRequest.revenueCode)).map(([, v]) => v).filter((v) => v.startsWith('801'))).toEqual(['801002', '801004']);
    pullCatalog(6, [COPY, LATER, { ...RETIRED, revenueCode: '801005', nameTh: 'ค่าธรรมเนียมใหม่ล่าสุด', active: true }]);
    await page.keyboard.press('Alt+KeyR');
    await expect.poll(async () => (await offered(page, th.newRequest.revenueCode)).length).toBe(17);
  });

  it('the paper-receipt keying screen offers the same codes and keys a paper receipt of a fee with its fixed amount', async () => {
    await page.keyboard.press('Alt+KeyH');
    await seen(page, th.homeCounter.todayHeading);
    await page.keyboard.press('F5');
    await seen(page, th.paperReceipt.intro);
    await expect.poll(async () => (await offered(page, th.paperReceipt.revenueCode)).map(([, v]) => v).filter((v) => v.startsWith('801'))).toEqual(['801002', '801004', '801005']);
    const order = sqlite.prepare(`SELECT id FROM field_orders WHERE order_no = ?`).get(DEMO_PAPER_BOOKS.fieldOrderNo) as { id: string } | undefined;
    expect(order).toBeDefined();
    await page.getByLabel(th.paperReceipt.source).selectOption(`field:${order?.id ?? ''}`);
    await page.getByLabel(th.paperReceipt.book).fill(DEMO_PAPER_BOOKS.officerBook);
    await page.getByLabel(th.paperReceipt.leaf).fill('1');
    await page.getByLabel(th.paperReceipt.payerName).fill('นายสมชาย ใจดี');
    await page.getByLabel(th.paperReceipt.revenueCode, { exact: true }).selectOption('801004');
    await expect.poll(() => page.getByLabel(th.paperReceipt.amount).inputValue()).toBe('10.00');
    await capture(page, 'paper-receipt-fee');
    await page.getByRole('button', { name: th.paperReceipt.save }).click();
    await seen(page, th.paperReceipt.keyed(DEMO_PAPER_BOOKS.officerBook, 1));
    expect(sqlite.prepare(`SELECT revenue_code AS code, amount_satang AS amount FROM receipts WHERE book = ? AND number = 1`).get(DEMO_PAPER_BOOKS.officerBook)).toEqual({ code: '801004', amount: 1_000 });
  });
});

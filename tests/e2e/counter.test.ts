import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBarcode } from '../../src-shared/codes/barcode';
import { th } from '../../src-renderer/i18n/th';
import { en } from '../../src-renderer/i18n/en';
import { E2E_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { type RunningShell } from '../helpers/web-shell';
import { pageKit, SHOTS, startHarness, stopHarness } from './page-helpers';
import { ktb256File } from '../fixtures/bank/generate';

/**
 * The counter UI end to end in real Chromium against `start:web` with the demo office (issue 7):
 * one server and one browser for the whole file, tests in order (each builds on the records of
 * the one before). Every screen is checked with axe-core (no serious or critical violation) and
 * shot at 1366×768 in Thai and English into test-results/screens/ for a person to look at.
 */
const PASSWORD = 'demo1234';
const PAYER_ID = '1101700230708';
const BAD_ID = '1101700230709';

let browser: Browser;
let shell: RunningShell;
let dataDir: string;
let sqlite: Database.Database;
const kit = pageKit(() => browser, () => shell.url);
const { pages, newPage, login, logout, seen, capture } = kit;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ebill-e2e-counter-'));
  const demo = ebill(['--data-dir', dataDir, '--json', 'demo']);
  expect(demo.status, demo.stderr).toBe(0);
  ({ shell, browser, sqlite } = await startHarness(dataDir));
}, 90_000);

afterAll(() => stopHarness({ shell, browser, sqlite }, kit, dataDir));

function counts(): string {
  const tables = ['ledger_entries', 'payment_requests', 'bills', 'receipts', 'receipt_events', 'payment_confirmations'];
  return JSON.stringify(tables.map((table) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n));
}

function prints(): number {
  try {
    return readdirSync(join(dataDir, 'prints')).filter((f) => f.endsWith('.pdf')).length;
  } catch {
    return 0;
  }
}

async function fillRequest(page: Page, options: { payerName: string; amount: string; payerId?: string }): Promise<void> {
  await page.getByLabel(th.newRequest.payerName).fill(options.payerName);
  await page.getByLabel(th.newRequest.payerId).fill(options.payerId ?? PAYER_ID);
  await page.getByLabel(th.newRequest.revenueCode).selectOption('804001');
  await page.getByLabel(th.newRequest.amount).fill(options.amount);
}

/** From the home screen: F3, a valid request, saved; returns its Ref1 and leaves the page on its bill. */
async function newBill(page: Page, payerName: string, amount: string): Promise<string> {
  await page.keyboard.press('F3');
  await seen(page, th.newRequest.intro);
  await fillRequest(page, { payerName, amount });
  await page.getByRole('button', { name: th.newRequest.save }).click();
  await seen(page, th.newRequest.createdHeading);
  await page.getByRole('button', { name: th.newRequest.openBill }).first().click();
  await seen(page, th.bill.cash);
  return (await page.getByTestId('bill-ref1').textContent()) ?? '';
}

let cashReceipt: { book: string; number: number };

describe('the counter in a real browser', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('home shows today, the printers, no pending job, the sync state from sync.status (not enrolled) and the outage state from outage.list', async () => {
    const page = await newPage();
    await login(page, 'operator');
    await seen(page, th.homeCounter.todayHeading);
    expect(await page.getByTestId('receipt-count').textContent()).toBe('0');
    expect(await page.getByTestId('pending-jobs').textContent()).toBe(th.homeCounter.pendingJobs(0));
    await expect.poll(() => page.getByTestId('sync-state').textContent()).toBe(th.settingsUi.home.syncNotEnrolled);
    await expect.poll(() => page.getByTestId('outage-state').textContent()).toBe(th.homeCounter.outageNone);
    await capture(page, 'home-operator');
  });

  it('new request refuses a bad national ID and a bad amount with their messages, changing nothing; the draft survives a reload', async () => {
    const page = pages[0] as Page;
    const before = counts();
    await page.keyboard.press('F3');
    await seen(page, th.newRequest.intro);
    await fillRequest(page, { payerName: 'นายสมหมาย ทดสอบ', amount: '1,500', payerId: BAD_ID });
    // Checked as typed: the message shows before anything is sent.
    await seen(page, th.errors.NATIONAL_ID_BAD_CHECK_DIGIT);
    await page.getByRole('button', { name: th.newRequest.save }).click();
    await seen(page, th.newRequest.fixFields);
    await capture(page, 'new-request-refused');
    expect(counts()).toBe(before);

    await page.getByLabel(th.newRequest.payerId).fill(PAYER_ID);
    await seen(page, th.newRequest.payerIdOk);
    await page.getByLabel(th.newRequest.amount).fill('12.345');
    await page.getByRole('button', { name: th.newRequest.save }).click();
    await seen(page, th.errors.MONEY_TOO_MANY_DECIMALS);
    expect(counts()).toBe(before);

    await page.getByLabel(th.newRequest.amount).fill('1,500');
    await page.reload();
    // The tab's session is still alive: home, and the new request opens with the draft as it was.
    await seen(page, th.homeCounter.todayHeading);
    await page.getByRole('button', { name: new RegExp(th.homeCounter.tiles.newRequest[0] ?? '') }).click();
    await expect.poll(() => page.getByLabel(th.newRequest.payerName).inputValue(), { timeout: 15_000 }).toBe('นายสมหมาย ทดสอบ');
    expect(await page.getByLabel(th.newRequest.amount).inputValue()).toBe('1,500');
    await capture(page, 'new-request');
  });

  it('cash flow: request → request form printed → cash → receipt → the original printed once', async () => {
    const page = pages[0] as Page;
    const printsBefore = prints();
    await page.getByRole('button', { name: th.newRequest.save }).click();
    await seen(page, th.newRequest.createdHeading);
    await page.getByRole('button', { name: th.newRequest.printForm }).click();
    await seen(page, th.newRequest.formPrinted);
    await capture(page, 'new-request-saved');
    await page.getByRole('button', { name: th.newRequest.openBill }).click();
    await seen(page, th.bill.cash);
    await capture(page, 'bill-unpaid');

    await page.keyboard.press('Alt+KeyC');
    await seen(page, th.bill.confirmCash);
    await capture(page, 'bill-cash');
    await page.getByRole('button', { name: th.bill.confirmCash }).click();
    await seen(page, /ออกใบเสร็จเล่มที่ .* เลขที่ \d+ แล้ว/);
    await expect.poll(() => page.getByRole('button', { name: th.print.confirm }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: th.print.confirm }).click();
    await seen(page, th.print.confirmed);
    await capture(page, 'bill-receipted');
    expect(prints()).toBe(printsBefore + 2);

    const row = sqlite.prepare(`SELECT book, number FROM receipts ORDER BY issued_at_ms DESC LIMIT 1`).get() as { book: string; number: number };
    cashReceipt = row;
    await page.getByRole('button', { name: th.bill.openReceipt }).click();
    await seen(page, th.receipt.historyHeading);
    await seen(page, th.receipt.events.printed);
    // The operator's own view never offers a second print: only the supervised copy request.
    expect(await page.getByRole('button', { name: th.print.printOriginal }).count()).toBe(0);
    expect(await page.getByRole('button', { name: th.print.retry }).count()).toBe(0);
    await capture(page, 'receipt-detail');
  });

  it('an operator trying to reprint on her own approval is refused with its message and nothing changes; the supervisor approves in person', async () => {
    const page = pages[0] as Page;
    const before = counts();
    await page.keyboard.press('Alt+KeyP');
    await seen(page, th.approval.intro);
    await page.getByLabel(th.approval.reason, { exact: true }).selectOption('printer-fault');
    await page.getByLabel(th.approval.reasonText).fill('กระดาษติดในเครื่องพิมพ์');
    await page.getByLabel(th.approval.supervisorUsername).fill('operator');
    await page.getByLabel(th.approval.supervisorPassword).fill(PASSWORD);
    await page.getByRole('button', { name: th.approval.submitReprint }).click();
    await seen(page, th.errors.BAD_APPROVAL);
    await capture(page, 'reprint-dialog-refused');
    expect(counts()).toBe(before);

    const printsBefore = prints();
    await page.getByLabel(th.approval.supervisorUsername).fill('supervisor');
    await page.getByLabel(th.approval.supervisorPassword).fill(PASSWORD);
    await page.getByRole('button', { name: th.approval.submitReprint }).click();
    await seen(page, th.receipt.reprinted(1));
    await seen(page, th.receipt.events.reprinted);
    expect(prints()).toBe(printsBefore + 1);
    const event = sqlite.prepare(`SELECT kind, copy_no AS copyNo, approval_method AS how, reason_code AS reason FROM receipt_events WHERE kind = 'reprinted'`).get();
    expect(event).toEqual({ kind: 'reprinted', copyNo: 1, how: 'in-person', reason: 'printer-fault' });
    await capture(page, 'receipt-reprinted');
  });

  it('a scanned slip barcode typed into the page opens the bill, also with the Thai layout on; a bill slip prints for bill payment', async () => {
    const page = pages[0] as Page;
    await page.keyboard.press('Alt+KeyH');
    await seen(page, th.homeCounter.todayHeading);
    const ref1 = await newBill(page, 'นางมาลี ศรีสุข', '250');
    const printsBefore = prints();
    await page.keyboard.press('Alt+KeyB');
    await seen(page, th.bill.slipPrinted);
    expect(prints()).toBe(printsBefore + 1);
    const bill = sqlite.prepare(`SELECT ref2, amount_satang AS amount FROM bills WHERE ref1 = ?`).get(ref1) as { ref2: string; amount: number };
    const billerId = (sqlite.prepare(`SELECT biller_id AS billerId FROM office`).get() as { billerId: string }).billerId;
    const barcode = buildBarcode({ billerId, ref1, ref2: bill.ref2, amountSatang: bill.amount as never });
    expect(barcode.ok).toBe(true);
    if (!barcode.ok) return;

    await page.keyboard.press('Alt+KeyH');
    await seen(page, th.homeCounter.todayHeading);
    // A keyboard-wedge scanner: fast keys, CR between the fields and at the end.
    await page.keyboard.type(`${barcode.value}\r`);
    await expect.poll(() => page.getByTestId('bill-ref1').textContent(), { timeout: 15_000 }).toBe(ref1);

    // The Thai Kedmanee layout on: each key types a Thai character, but its code is the digit's.
    await page.keyboard.press('Alt+KeyH');
    await seen(page, th.homeCounter.todayHeading);
    await page.evaluate((digits: string) => {
      const thaiOf: Record<string, string> = { '1': 'ๅ', '2': '/', '3': '-', '4': 'ภ', '5': 'ถ', '6': 'ุ', '7': 'ึ', '8': 'ค', '9': 'ต', '0': 'จ' };
      for (const digit of digits) {
        window.dispatchEvent(new KeyboardEvent('keydown', { key: thaiOf[digit] ?? digit, code: `Digit${digit}`, bubbles: true }));
      }
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
    }, ref1);
    await expect.poll(() => page.getByTestId('bill-ref1').textContent(), { timeout: 15_000 }).toBe(ref1);
  });

  it('a second payment of a bill already paid elsewhere is refused with its message and nothing changes', async () => {
    const page = pages[0] as Page;
    const ref1 = (await page.getByTestId('bill-ref1').textContent()) ?? '';
    await page.keyboard.press('Alt+KeyC');
    await seen(page, th.bill.confirmCash);
    // Meanwhile another window (a colleague at the next counter) takes the cash for the same bill.
    const other = await newPage();
    await login(other, 'supervisor');
    await capture(other, 'home-supervisor');
    await other.getByLabel(th.homeCounter.scanLabel).fill(ref1);
    await other.getByRole('button', { name: th.homeCounter.scanOpen }).click();
    await seen(other, th.bill.cash);
    await other.keyboard.press('Alt+KeyC');
    await other.getByRole('button', { name: th.bill.confirmCash }).click();
    await expect.poll(() => other.getByRole('button', { name: th.print.confirm }).isVisible(), { timeout: 30_000 }).toBe(true);
    await other.getByRole('button', { name: th.print.confirm }).click();
    await seen(other, th.print.confirmed);

    const before = counts();
    await page.getByRole('button', { name: th.bill.confirmCash }).click();
    await seen(page, th.errors.ALREADY_PAID);
    // The screen then shows the bill as it is now: receipted, no payment offered.
    await seen(page, th.bill.receiptedNote);
    expect(await page.getByRole('button', { name: th.bill.confirmCash }).count()).toBe(0);
    await capture(page, 'bill-second-payment-refused');
    expect(counts()).toBe(before);
    await logout(other);
  });

  it('the payer shows bank evidence: recorded, receipt issued and flagged until the bank confirms; paid bills are receipted in a batch', async () => {
    const page = pages[0] as Page;
    await page.keyboard.press('Alt+KeyH');
    await seen(page, th.homeCounter.todayHeading);
    await newBill(page, 'นายประยุทธ หลักฐาน', '300');
    await page.keyboard.press('Alt+KeyE');
    await seen(page, th.bill.evidenceIntro);
    await page.getByLabel(th.bill.bankReference).fill('KTB-20261202-01');
    await capture(page, 'bill-evidence');
    await page.getByRole('button', { name: th.bill.saveEvidence }).click();
    await seen(page, th.bill.evidenceSaved);
    await seen(page, th.bill.issueBillPayment);
    await page.keyboard.press('Alt+KeyI');
    await seen(page, /ออกใบเสร็จเล่มที่/);
    await expect.poll(() => page.getByRole('button', { name: th.print.confirm }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: th.print.confirm }).click();
    await page.getByRole('button', { name: th.bill.openReceipt }).click();
    await seen(page, th.receipt.provisionalBanner);
    await capture(page, 'receipt-provisional');

    // Two more bills paid on evidence, then receipted together from the paid-bills list.
    for (const name of ['นายหนึ่ง ชุดรับ', 'นางสอง ชุดรับ']) {
      await page.keyboard.press('Alt+KeyH');
      await seen(page, th.homeCounter.todayHeading);
      await newBill(page, name, '100');
      await page.keyboard.press('Alt+KeyE');
      await page.getByLabel(th.bill.bankReference).fill(`KTB-${name.length}-${Math.random().toString(36).slice(2, 8)}`);
      await page.getByRole('button', { name: th.bill.saveEvidence }).click();
      await seen(page, th.bill.evidenceSaved);
    }
    await page.keyboard.press('Alt+KeyH');
    await seen(page, th.homeCounter.todayHeading);
    await page.keyboard.press('F4');
    await seen(page, th.paidBills.intro);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    await capture(page, 'paid-bills');
    await page.getByLabel(th.paidBills.selectAll).check();
    await page.getByRole('button', { name: th.paidBills.issueSelected(2) }).click();
    await seen(page, th.paidBills.done(2));
    await seen(page, th.paidBills.empty);
    expect((sqlite.prepare(`SELECT count(*) AS n FROM receipts WHERE method = 'bill-payment'`).get() as { n: number }).n).toBe(3);
  });

  it('search by name finds the receipt; the supervisor cancels it in person and the history shows it', async () => {
    const page = pages[0] as Page;
    await page.keyboard.press('Alt+KeyH');
    await seen(page, th.homeCounter.todayHeading);
    await page.keyboard.press('F7');
    await seen(page, th.search.intro);
    await page.getByLabel(th.search.name).fill('สมหมาย');
    await page.getByRole('button', { name: th.search.submit, exact: true }).click();
    await seen(page, th.search.found(1));
    await capture(page, 'search');
    await page.getByRole('button', { name: th.search.openReceipt(cashReceipt.book, cashReceipt.number) }).click();
    await seen(page, th.receipt.historyHeading);

    await page.keyboard.press('Alt+KeyX');
    await seen(page, th.approval.cancelTitle);
    await page.getByLabel(th.approval.reason, { exact: true }).selectOption('wrong-amount');
    await page.getByLabel(th.approval.reasonText).fill('รับเงินผิดจำนวน');
    await page.getByLabel(th.approval.supervisorUsername).fill('supervisor');
    await page.getByLabel(th.approval.supervisorPassword).fill(PASSWORD);
    await capture(page, 'cancel-dialog');
    await page.getByRole('button', { name: th.approval.submitCancel }).click();
    await seen(page, th.receipt.cancelledBanner);
    // One banner says it, not a status line and a banner.
    expect(await page.getByText(/ยกเลิก/).and(page.locator('.notice')).count()).toBe(1);
    expect(sqlite.prepare(`SELECT e.approval_method AS how, e.reason_code AS reason FROM receipt_events e JOIN receipts r ON r.id = e.receipt_id WHERE e.kind = 'cancelled' AND r.book = ? AND r.number = ?`).get(cashReceipt.book, cashReceipt.number)).toEqual({ how: 'in-person', reason: 'wrong-amount' });
    await capture(page, 'receipt-cancelled');
    await logout(page);
  });

  it('a supervisor cancels an unpaid request from its bill through the approval dialog; no reason is refused and changes nothing', async () => {
    const page = pages[0] as Page;
    const requestCounts = (): string => `${counts()} ${(sqlite.prepare(`SELECT count(*) AS n FROM request_events`).get() as { n: number }).n}`;
    await login(page, 'supervisor');
    const ref1 = await newBill(page, 'นายยกเลิก คำร้อง', '300');
    await capture(page, 'bill-unpaid-supervisor');
    const before = requestCounts();
    await page.keyboard.press('Alt+KeyX');
    await seen(page, th.approval.requestCancelTitle);
    // A supervisor may approve their own cancellation, but never without a reason.
    await page.getByRole('button', { name: th.approval.submitRequestCancel }).click();
    await seen(page, th.approval.fill);
    await capture(page, 'request-cancel-refused');
    expect(requestCounts()).toBe(before);

    await page.getByLabel(th.approval.reason, { exact: true }).selectOption('payer-withdrew');
    await page.getByLabel(th.approval.reasonText).fill('ผู้ชำระขอยกเลิกก่อนชำระเงิน');
    await page.getByRole('button', { name: th.approval.submitRequestCancel }).click();
    await seen(page, th.bill.cancelledNote);
    expect(await page.getByRole('button', { name: th.bill.cash }).count()).toBe(0);
    expect(await page.getByRole('button', { name: th.bill.cancelRequest }).count()).toBe(0);
    const cancelled = sqlite.prepare(`SELECT e.kind, e.reason_code AS reason FROM request_events e JOIN bills b ON b.request_id = e.request_id WHERE b.ref1 = ?`).get(ref1);
    expect(cancelled).toEqual({ kind: 'cancelled', reason: 'payer-withdrew' });
    await capture(page, 'bill-request-cancelled');
    await logout(page);
  });

  it("the operator's cancel of an unpaid request goes only through a supervisor's approval", async () => {
    const page = pages[0] as Page;
    const requestCounts = (): string => `${counts()} ${(sqlite.prepare(`SELECT count(*) AS n FROM request_events`).get() as { n: number }).n}`;
    await login(page, 'operator');
    const ref1 = await newBill(page, 'นางขอยกเลิก ทดสอบ', '120');
    await page.getByRole('button', { name: th.bill.cancelRequest }).click();
    await seen(page, th.approval.requestCancelTitle);
    expect(await page.getByRole('radio', { name: th.approval.self }).count()).toBe(0);
    await page.getByLabel(th.approval.reason, { exact: true }).selectOption('wrong-payer');
    await page.getByLabel(th.approval.reasonText).fill('ชื่อผู้ชำระผิด');
    // Her own password is not a supervisor's approval: refused by main, nothing changes.
    await page.getByLabel(th.approval.supervisorUsername).fill('operator');
    await page.getByLabel(th.approval.supervisorPassword).fill(PASSWORD);
    const before = requestCounts();
    await page.getByRole('button', { name: th.approval.submitRequestCancel }).click();
    await seen(page, th.errors.BAD_APPROVAL);
    expect(requestCounts()).toBe(before);
    await capture(page, 'request-cancel-operator');
    await page.getByLabel(th.approval.supervisorUsername).fill('supervisor');
    await page.getByLabel(th.approval.supervisorPassword).fill(PASSWORD);
    await page.getByRole('button', { name: th.approval.submitRequestCancel }).click();
    await seen(page, th.bill.cancelledNote);
    expect(sqlite.prepare(`SELECT e.approval_method AS how FROM request_events e JOIN bills b ON b.request_id = e.request_id WHERE b.ref1 = ?`).get(ref1)).toEqual({ how: 'in-person' });
  });

  it('the receipt screen offers the copy request as soon as the original is confirmed printed, without reopening it', async () => {
    const page = pages[0] as Page;
    // A receipt recorded at the command line: durable, its original not printed yet.
    const file = join(dataDir, 'unprinted-request.json');
    writeFileSync(file, JSON.stringify({ payerName: 'นายพิมพ์ ทีหลัง', payerId: PAYER_ID, revenueCode: '804001', amountSatang: 40_000 }));
    const created = ebill(['--data-dir', dataDir, '--json', 'request', 'create', '--file', file, '--user', 'operator', '--password-stdin'], `${PASSWORD}\n`);
    expect(created.status, created.stderr).toBe(0);
    const ref1 = String(created.json['ref1']);
    const issued = ebill(['--data-dir', dataDir, '--json', 'receipt', 'issue', '--ref1', ref1, '--method', 'cash', '--user', 'operator', '--password-stdin'], `${PASSWORD}\n`);
    expect(issued.status, issued.stderr).toBe(0);
    await page.keyboard.press('Alt+KeyH');
    await page.getByLabel(th.homeCounter.scanLabel).fill(ref1);
    await page.getByRole('button', { name: th.homeCounter.scanOpen }).click();
    await seen(page, th.bill.receiptedNote);
    await page.getByRole('button', { name: th.bill.openReceipt }).click();
    await seen(page, th.receipt.notPrinted);
    expect(await page.getByRole('button', { name: th.receipt.reprint }).count()).toBe(0);
    await page.getByRole('button', { name: th.print.printOriginal }).click();
    await expect.poll(() => page.getByRole('button', { name: th.print.confirm }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: th.print.confirm }).click();
    await seen(page, th.print.confirmed);
    // Read again after print.confirm: printed, and the supervised copy is offered on this very screen.
    await seen(page, th.receipt.printed);
    await seen(page, th.receipt.events.printed);
    expect(await page.getByRole('button', { name: th.receipt.reprint }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: th.print.printOriginal }).count()).toBe(0);
    await capture(page, 'receipt-original-confirmed');
    await logout(page);
  });

  it('finance imports a bank file: progress, result and the exceptions list, resolved with a note', async () => {
    const page = pages[0] as Page;
    await login(page, 'finance');
    await capture(page, 'home-finance');
    const bill = sqlite.prepare(`SELECT b.ref1, b.ref2, b.amount_satang AS amount FROM bills b WHERE NOT EXISTS (SELECT 1 FROM receipts r WHERE r.bill_id = b.id) LIMIT 1`).get() as
      | { ref1: string; ref2: string; amount: number }
      | undefined;
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const lines = [
      ...(bill === undefined ? [] : [{ paymentDate: today, paymentTime: '10:15:00', customerName: 'MALEE', ref1: bill.ref1, ref2: bill.ref2, amountSatang: bill.amount }]),
      { paymentDate: today, paymentTime: '11:00:00', customerName: 'UNKNOWN PAYER', ref1: '199999999999999', ref2: '000000000000000', amountSatang: 12_345 },
    ];
    const file = join(dataDir, 'ktb-today.txt');
    writeFileSync(file, ktb256File(lines));
    await page.keyboard.press('F8');
    await seen(page, th.bank.intro);
    await page.getByLabel(th.bank.file).setInputFiles(file);
    await page.getByRole('button', { name: th.bank.import, exact: true }).click();
    await seen(page, /รายการ: ตรงกับใบแจ้ง/);
    await expect.poll(() => page.getByRole('button', { name: th.bank.resolve }).count()).toBeGreaterThan(0);
    // The import report of the file just imported, as PDF: a link to save it.
    await page.getByRole('button', { name: th.bank.reportFormats.pdf, exact: true }).click();
    await expect.poll(() => page.getByRole('link', { name: /\.pdf$/ }).count()).toBe(1);
    await capture(page, 'bank-import');
    await page.getByRole('button', { name: th.bank.resolve }).first().click();
    await page.getByLabel(th.bank.note).fill('ตรวจสอบกับธนาคารแล้ว');
    await capture(page, 'bank-resolve');
    await page.getByRole('button', { name: th.bank.save }).click();
    await seen(page, th.bank.resolved);
    await logout(page);
  });

  it('the administrator sees printers per document; the auditor sees the register and the ledger verification, read-only', async () => {
    const page = pages[0] as Page;
    await login(page, 'admin');
    await page.keyboard.press('F9');
    await seen(page, th.printers.intro);
    await capture(page, 'printers');
    await logout(page);

    await login(page, 'auditor');
    await capture(page, 'home-auditor');
    await page.keyboard.press('F10');
    await seen(page, th.audit.verifyHeading);
    await expect.poll(() => page.getByText(/ถูกต้องครบถ้วน/).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: /ใบเสร็จ E/ }).count()).toBeGreaterThan(0);
    await capture(page, 'audit');
    // Nothing on the auditor's screens changes data: the receipt opens without reprint or cancel.
    await page.getByRole('button', { name: /ใบเสร็จ E/ }).first().click();
    await seen(page, th.receipt.historyHeading);
    expect(await page.getByRole('button', { name: th.receipt.reprint }).count()).toBe(0);
    expect(await page.getByRole('button', { name: th.receipt.cancel }).count()).toBe(0);
    await capture(page, 'receipt-auditor');
    expect(en.receipt.reprint).not.toBe(th.receipt.reprint);
  });
});

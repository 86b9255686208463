import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBusinessDate } from '../../src-renderer/i18n/format';
import { beTextFromIso } from '../../src-renderer/forms/be-date';
import { th } from '../../src-renderer/i18n/th';
import { addDays, businessDateOf, type BusinessDate } from '../../src-shared/dates';
import { E2E_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { type RunningShell } from '../helpers/web-shell';
import { pageKit, SHOTS, startHarness, stopHarness } from './page-helpers';

/**
 * The field-collection screen end to end (issue 8, seed 001 §4) in real Chromium against
 * `start:web` with `demo --with-paper-books` (its order 1/2570 is out today) and an order from
 * ten days ago that was never handed in (overdue). The head records an order that takes this
 * terminal; the operator issues an electronic receipt on it; finance receives the money: a variance
 * without a reason is refused and changes nothing, with one it is recorded. axe + TH/EN shots.
 */
const PASSWORD = 'demo1234';
const OFFICER_BOOK = 'P70-0002';
const LAPTOP_ORDER = '3/2570';

let browser: Browser;
let shell: RunningShell;
let dataDir: string;
let sqlite: Database.Database;
let today: BusinessDate;
const kit = pageKit(() => browser, () => shell.url);
const { newPage, login, logout, seen, capture } = kit;
const as = (user: string): string[] => ['--user', user, '--password-stdin'];
const run = (args: readonly string[], stdin = `${PASSWORD}\n`) => ebill(['--data-dir', dataDir, '--json', ...args], stdin);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ebill-e2e-field-'));
  today = businessDateOf(Date.now());
  const demo = run(['demo', '--with-paper-books'], '');
  expect(demo.status, demo.stderr).toBe(0);
  const overdue = run(['field', 'order', '--order-no', '2/2570', '--officer', 'operator', '--place', 'ตำบลทุ่งโฮ้ง', '--from', addDays(today, -10), '--to', addDays(today, -9), '--leaves', `${OFFICER_BOOK}:11-15`, ...as('head')]);
  expect(overdue.status, overdue.stderr).toBe(0);
  ({ shell, browser, sqlite } = await startHarness(dataDir));
}, 180_000);

afterAll(() => stopHarness({ shell, browser, sqlite }, kit, dataDir));

function counts(): string {
  const tables = ['ledger_entries', 'field_orders', 'field_order_terminals', 'field_handovers', 'receipts'];
  return JSON.stringify(tables.map((table) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n));
}

describe('field collection in a real browser (issue 8)', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('the head sees every order (the overdue one flagged) and records one that takes this terminal; backwards dates are refused and change nothing', async () => {
    const page = await newPage();
    await login(page, 'head');
    // The alarm: money of order 2/2570 was due nine days ago.
    await expect.poll(() => page.getByTestId('field-overdue-banner').textContent()).toBe(th.homeCounter.fieldOverdue('2/2570'));
    await capture(page, 'home-field-overdue');
    await page.keyboard.press('Alt+KeyO');
    await seen(page, th.field.intro);
    await expect.poll(() => page.getByTestId('field-order-2/2570').getAttribute('class')).toBe('table__row--flagged');
    expect(await page.getByTestId('field-order-2/2570').textContent()).toContain(th.field.states.overdue);
    expect(await page.getByTestId('field-order-1/2570').textContent()).toContain(th.field.states.out);
    await capture(page, 'field-orders');

    await page.getByLabel(th.field.orderNo, { exact: true }).fill(LAPTOP_ORDER);
    await page.getByLabel(th.field.officer, { exact: true }).selectOption('operator');
    await page.getByLabel(th.field.place, { exact: true }).fill('ตำบลป่าแมต อำเภอเมืองแพร่');
    await page.getByLabel(th.field.fromDate, { exact: true }).fill(beTextFromIso(today));
    await page.getByLabel(th.field.toDate, { exact: true }).fill(beTextFromIso(addDays(today, -1)));
    await page.getByLabel(th.field.book, { exact: true }).fill(OFFICER_BOOK.toLowerCase());
    await page.getByLabel(th.field.firstLeaf, { exact: true }).fill('16');
    await page.getByLabel(th.field.lastLeaf, { exact: true }).fill('20');
    await page.getByLabel(th.field.takesTerminal).check();
    const before = counts();
    await page.getByRole('button', { name: th.field.save }).click();
    await seen(page, th.errors.FIELD_ORDER_DATES_INVALID);
    await capture(page, 'field-order-refused');
    expect(counts()).toBe(before);

    await page.getByLabel(th.field.toDate, { exact: true }).fill(beTextFromIso(today));
    await page.getByRole('button', { name: th.field.save }).click();
    await seen(page, th.field.ordered(LAPTOP_ORDER, formatBusinessDate(today, 'th')));
    expect(sqlite.prepare(`SELECT t.terminal_slot AS slot FROM field_order_terminals t JOIN field_orders f ON f.id = t.field_order_id WHERE f.order_no = ?`).all(LAPTOP_ORDER)).toEqual([{ slot: 1 }]);
    await expect.poll(() => page.getByTestId(`field-order-${LAPTOP_ORDER}`).textContent()).toContain(th.field.laptop(1));
    // The head orders; the money is received by finance or the operator.
    expect(await page.getByRole('form', { name: th.field.handoverHeading }).count()).toBe(0);
    await logout(page);
  });

  it('finance receives the money: the receipts total counts the laptop\'s electronic receipt; a variance needs a reason (refused, nothing changed), then it is recorded', async () => {
    const issued = run(['receipt', 'issue', '--request-file', '-', '--method', 'cash', ...as('operator')], `${PASSWORD}\n{"payerName":"นายไร่ นาดี","revenueCode":"804001","amountSatang":25000}`);
    expect(issued.json, issued.stderr).toMatchObject({ ok: true, amountSatang: 25_000 });

    const page = await newPage();
    await login(page, 'finance');
    await page.keyboard.press('Alt+KeyO');
    await seen(page, th.field.handoverHeading);
    const orderId = (sqlite.prepare('SELECT id FROM field_orders WHERE order_no = ?').get(LAPTOP_ORDER) as { id: string }).id;
    await page.getByLabel(th.field.handoverOrder).selectOption(orderId);
    await seen(page, th.field.expected('250.00', 0, '0.00', 1, '250.00'));
    await page.getByLabel(th.field.counted).fill('240.00');
    await expect.poll(() => page.getByTestId('handover-variance').textContent()).toBe(th.field.variance('-10.00'));
    const before = counts();
    await page.getByRole('button', { name: th.field.handOver }).click();
    await seen(page, th.errors.VARIANCE_REASON_REQUIRED);
    await capture(page, 'field-handover-refused');
    expect(counts()).toBe(before);

    await page.getByLabel(th.field.reason).fill('ทอนเงินเกิน 10 บาท');
    await page.getByRole('button', { name: th.field.handOver }).click();
    await seen(page, th.field.handedOver(LAPTOP_ORDER, '-10.00', false));
    expect(sqlite.prepare('SELECT counted_satang AS counted, receipts_satang AS receipts, variance_satang AS variance, is_late AS isLate FROM field_handovers').all()).toEqual([{ counted: 24_000, receipts: 25_000, variance: -1_000, isLate: 0 }]);
    await expect.poll(() => page.getByTestId(`field-order-${LAPTOP_ORDER}`).textContent()).toContain(th.field.states.handedIn);
    expect(await page.getByTestId(`field-order-${LAPTOP_ORDER}`).textContent()).toContain(th.field.handedInLine('240.00', '-10.00', 'finance', formatBusinessDate(today, 'th')));
    await capture(page, 'field-handover');
    await logout(page);
  });

  it('the auditor reads the orders from the home tile and has no forms', async () => {
    const page = await newPage();
    await login(page, 'auditor');
    await page.getByRole('button', { name: new RegExp(th.homeCounter.tiles.field[0] ?? '') }).click();
    await seen(page, th.field.listHeading);
    expect(await page.getByRole('form').count()).toBe(0);
    await logout(page);
  });
});

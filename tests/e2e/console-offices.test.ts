import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOfficeKind } from '../../src-server/offices';
import { CONSOLE_TEXT } from '../../src-server/console/text';
import { ENROLLING_KEY_ID } from '../../src-shared/sync';
import { ADMIN_TOKEN, chainOfSpecs, completenessOfBatch, newTestKey, receiptPart, signedHeaders, startTestCentral, type TestCentral } from '../helpers/central';
import { E2E_TEST_TIMEOUT_MS, ROOT } from '../helpers/cli';
import { launchChromium } from '../helpers/web-shell';
import { pageKit, SHOTS, VIEWPORT } from './page-helpers';

/**
 * The central console's offices page in Chromium (issue 11): an administrator logs in, sees every
 * office with its kind (provincial, district, "not set"), sets one provincial, is refused a second
 * in the same province; the overview shows the bill payments a province's provincial office has
 * not remitted and those of a province with none registered. axe-checked, screenshots in
 * test-results/screens (console-offices.png, console-bill-payments.png).
 */
let browser: Browser;
let central: TestCentral;
let url = '';
const kit = pageKit(() => browser, () => url);
const bangkok = (day: string, hhmm: string): number => Date.parse(`${day}T${hhmm}:00+07:00`);
const NOW_MS = bangkok('2026-12-04', '10:15');

const inject = (path: string, body: unknown) => central.app.fastify.inject({ method: 'POST', url: path, payload: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` } });

async function officeWith(place: string, slot: number, receipts: { day: string; id: string; satang: number }[], remittedDays: string[] = []): Promise<void> {
  const code = (await inject('/admin/enroll-codes', { place, terminalSlot: slot })).json<{ value: { code: string } }>().value.code;
  const key = newTestKey();
  const body = JSON.stringify({ code, place, terminalSlot: slot, publicKeySpkiBase64: key.publicKeySpkiBase64 });
  const enrolled = await central.app.fastify.inject({ method: 'POST', url: '/v1/enroll', payload: body, headers: signedHeaders('POST', '/v1/enroll', body, ENROLLING_KEY_ID, key, NOW_MS) });
  const keyId = enrolled.json<{ value: { keyId: string } }>().value.keyId;
  const chain = chainOfSpecs(place, slot, [
    ...receipts.map((r) => ({ kind: 'receipt.issued', day: r.day, payload: { receipt: receiptPart({ id: r.id, amountSatang: r.satang, businessDate: r.day, method: 'bill-payment' }) } })),
    ...remittedDays.map((day) => ({
      kind: 'remittance.recorded',
      day: '2026-12-04',
      payload: { remittance: { amountSatang: 1, bankReference: `KTB-${day}`, businessDate: day, deductedSatang: 0, remittedAtMs: bangkok('2026-12-04', '09:00'), scope: 'bill-payment' } },
    })),
  ]);
  if (chain.length === 0) return;
  const push = JSON.stringify({ entries: chain, completeness: completenessOfBatch(chain) });
  expect((await central.app.fastify.inject({ method: 'POST', url: '/v1/push', payload: push, headers: signedHeaders('POST', '/v1/push', push, keyId, key, NOW_MS) })).statusCode).toBe(200);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  central = await startTestCentral('pglite', NOW_MS);
  url = await central.app.fastify.listen({ port: 0, host: '127.0.0.1' });
  const holidays = [2569, 2570].map((be) => JSON.parse(readFileSync(join(ROOT, 'resources', 'holidays', `${be}.json`), 'utf8')) as { calendarYear: number });
  expect((await inject('/admin/feed', { place: null, items: holidays.map((data) => ({ stream: 'holidays', calendarYear: data.calendarYear, data })) })).statusCode).toBe(200);
  await inject('/admin/console-users', { username: 'central.admin', nameTh: 'นายผู้ดูแล ระบบ', role: 'admin', password: 'Administrator-2569' });
  await setOfficeKind(central.db, { place: '5400', kind: 'provincial', nameTh: 'ที่ทำการปกครองจังหวัดแพร่', setBy: 'central.admin' }, bangkok('2026-12-01', '14:05'));
  await setOfficeKind(central.db, { place: '5401', kind: 'district', nameTh: 'ที่ทำการปกครองอำเภอเมืองแพร่', setBy: 'cli:ops' }, bangkok('2026-12-01', '14:06'));
  await officeWith('5400', 1, [{ day: '2026-12-02', id: 'P1', satang: 50_000 }], ['2026-12-02']);
  await officeWith('5401', 1, [
    { day: '2026-12-02', id: 'A1', satang: 120_050 },
    { day: '2026-12-03', id: 'A2', satang: 80_000 },
  ]);
  await officeWith('5401', 2, []);
  await officeWith('5402', 1, [{ day: '2026-12-03', id: 'B1', satang: 35_000 }]);
  await officeWith('6701', 1, [{ day: '2026-12-03', id: 'C1', satang: 15_075 }]);
  // Province 90 has no provincial office registered: its bill payments are an alarm of their own.
  await officeWith('9001', 1, [{ day: '2026-12-02', id: 'D1', satang: 9_900 }]);
  browser = await launchChromium();
}, E2E_TEST_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await central?.close();
});

describe('central console: offices', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('an administrator sees the offices, sets one provincial, is refused a second in the province; the overview shows the bill-payment alarms', async () => {
    const page = await kit.newPage();
    await page.setViewportSize({ width: VIEWPORT.width, height: VIEWPORT.height });
    await page.goto(`${url}/console/login`);
    await page.getByLabel(CONSOLE_TEXT.username).fill('central.admin');
    await page.getByLabel(CONSOLE_TEXT.password).fill('Administrator-2569');
    await page.getByRole('button', { name: CONSOLE_TEXT.login }).click();
    await page.getByRole('link', { name: CONSOLE_TEXT.navOffices }).click();
    await kit.seen(page, CONSOLE_TEXT.officesTitle);

    // 6701 (seen through its terminal only) is set provincial from its row.
    const row = page.locator('tr', { hasText: '6701' });
    await row.getByLabel(CONSOLE_TEXT.officeKind).selectOption('provincial');
    await row.getByLabel(CONSOLE_TEXT.officeName).fill('ที่ทำการปกครองจังหวัดเพชรบูรณ์');
    await row.getByRole('button', { name: CONSOLE_TEXT.setKind }).click();
    await kit.seen(page, `6701: ${CONSOLE_TEXT.officeSaved}`);
    // A second provincial office in province 54 is refused, and said so.
    const second = page.locator('tr', { hasText: '5402' });
    await second.getByLabel(CONSOLE_TEXT.officeKind).selectOption('provincial');
    await second.getByRole('button', { name: CONSOLE_TEXT.setKind }).click();
    await kit.seen(page, /จังหวัด 54 มีที่ทำการปกครองจังหวัดแล้ว \(5400\)/);
    await kit.expectAccessible(page, 'console offices');
    await page.screenshot({ path: join(SHOTS, 'console-offices.png'), fullPage: true });

    await page.getByRole('link', { name: CONSOLE_TEXT.navOverview }).click();
    await kit.seen(page, CONSOLE_TEXT.overdueBillPayments);
    await kit.seen(page, CONSOLE_TEXT.noProvincialOfficeFor.replaceAll('{province}', '90'));
    await kit.expectAccessible(page, 'console overview');
    await page.screenshot({ path: join(SHOTS, 'console-bill-payments.png'), fullPage: true });
    expect(kit.problems).toEqual([]);
  });
});

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROLLING_KEY_ID } from '../../src-shared/sync';
import { ADMIN_TOKEN, newTestKey, signedHeaders, startTestCentral, type TestCentral } from '../helpers/central';
import { E2E_TEST_TIMEOUT_MS, ROOT } from '../helpers/cli';
import { launchChromium } from '../helpers/web-shell';
import { pageKit, SHOTS } from './page-helpers';

/**
 * The central console's users and feed pages in Debian Chromium (issue 11): an administrator logs
 * in, approves a user a terminal created, publishes a holiday year and assigns a paper book through
 * the forms; each page is axe-checked and shot (test-results/screens/console-users.png, console-feed.png).
 */
let browser: Browser;
let central: TestCentral;
let url = '';
const kit = pageKit(() => browser, () => url);
const key = newTestKey();

const inject = (method: 'GET' | 'POST', path: string, body: string, headers: Record<string, string>) => central.app.fastify.inject({ method, url: path, headers, payload: body });
const admin = (path: string, body: unknown) => inject('POST', path, JSON.stringify(body), { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  central = await startTestCentral('pglite', Date.now());
  Object.defineProperty(central.clock, 'nowMs', { get: () => Date.now(), set: () => undefined });
  url = await central.app.fastify.listen({ port: 0, host: '127.0.0.1' });
  await admin('/admin/console-users', { username: 'central.admin', nameTh: 'นายผู้ดูแล ส่วนกลาง', role: 'admin', password: 'Administrator-2569' });
  const code = (await admin('/admin/enroll-codes', { place: '5401', terminalSlot: 1 })).json<{ value: { code: string } }>().value.code;
  const enroll = JSON.stringify({ code, place: '5401', terminalSlot: 1, publicKeySpkiBase64: key.publicKeySpkiBase64 });
  const keyId = (await inject('POST', '/v1/enroll', enroll, signedHeaders('POST', '/v1/enroll', enroll, ENROLLING_KEY_ID, key, Date.now()))).json<{ value: { keyId: string } }>().value.keyId;
  const users = JSON.stringify({
    users: [
      { username: 'somchai', fullNameTh: 'นายสมชาย ใจดี', positionTh: 'เจ้าพนักงานการเงินและบัญชี', role: 'operator', isDisabled: false, createdAtMs: Date.now() },
      { username: 'wanna', fullNameTh: 'นางวรรณา รักงาน', positionTh: 'นักวิชาการเงินและบัญชี', role: 'admin', isDisabled: false, createdAtMs: Date.now() },
    ],
  });
  expect((await inject('POST', '/v1/local-users', users, signedHeaders('POST', '/v1/local-users', users, keyId, key, Date.now()))).statusCode).toBe(200);
  await admin('/admin/feed', { place: null, items: [{ stream: 'catalog', version: 1, data: { feeTypes: [{ revenueCode: '801001', nameTh: 'ค่าธรรมเนียมทดสอบ', nameEn: 'Test fee', fund: 'state-revenue', defaultAmountSatang: 2_000, active: true }] } }] });
  await admin('/admin/feed', { place: '5401', items: [{ stream: 'payment', ref1: '540100000000001', bankCode: '006', bankReference: 'KTB-1', paidAtMs: Date.now(), amountSatang: 12_345, sourceFile: 'ktb.txt' }] });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const page of kit.pages) await page.context().close();
  await browser?.close();
  await central?.close();
  expect(kit.problems).toEqual([]);
});

describe('central console users and feed pages', () => {
  it(
    'an administrator approves a user and publishes a holiday year and a book; both pages shot',
    async () => {
      const page = await kit.newPage();
      await page.goto(`${url}/console/login`);
      await page.getByLabel('ชื่อผู้ใช้ / Username').fill('central.admin');
      await page.getByLabel('รหัสผ่าน / Password').fill('Administrator-2569');
      await page.getByRole('button', { name: 'เข้าสู่ระบบ / Log in' }).click();
      await page.getByRole('link', { name: 'ผู้ใช้งาน / Users' }).click();
      expect(page.url()).toBe(`${url}/console/users`);

      const row = page.locator('tr', { hasText: 'somchai' });
      await row.getByLabel('เลขที่หนังสือสั่งการ / Order ref').fill('กค 0402/ว 15');
      await row.getByRole('button', { name: 'อนุมัติ / Approve' }).click();
      await kit.seen(page, /User approved/);
      expect(await central.db.query('SELECT username, order_ref AS o, approved_by AS by FROM central_users')).toEqual([{ username: 'somchai', o: 'กค 0402/ว 15', by: 'central.admin' }]);
      // Who approved it at central is on the page.
      await kit.seen(page, /ผู้อนุมัติที่ส่วนกลาง \/ Approved by/);
      expect(await page.locator('tr', { hasText: 'somchai' }).locator('td').nth(8).textContent()).toBe('central.admin');
      await kit.expectAccessible(page, 'console users');
      await page.screenshot({ path: join(SHOTS, 'console-users.png'), fullPage: true });

      await page.getByRole('link', { name: 'ข้อมูลที่ส่งให้สำนักงาน / Feed' }).click();
      const holidays = page.locator('form[action="/console/feed/holidays"]');
      await holidays.locator('textarea').fill(readFileSync(join(ROOT, 'resources', 'holidays', '2570.json'), 'utf8'));
      await holidays.getByRole('button').click();
      await kit.seen(page, /holidays 2027/);
      const book = page.locator('form[action="/console/feed/book"]');
      await book.getByLabel('สำนักงาน (รหัส) / Office (place)').fill('5401');
      await book.getByLabel('เล่มที่ / Book no').fill('P70-001');
      await book.getByLabel('ใบแรก / First leaf').fill('1');
      await book.getByLabel('ใบสุดท้าย / Last leaf').fill('50');
      await book.getByLabel('ผู้ถือ / Held by').selectOption('1');
      await book.getByRole('button').click();
      await kit.seen(page, /book P70-001/);
      expect((await central.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM feed_items WHERE stream IN ('holidays', 'book')`))[0]?.n).toBe(2);
      await kit.expectAccessible(page, 'console feed');
      await page.screenshot({ path: join(SHOTS, 'console-feed.png'), fullPage: true });

      // Logging out is a form with the session's token too: the browser sends it, the session ends.
      await page.getByRole('button', { name: 'ออกจากระบบ / Log out' }).click();
      await page.waitForURL(`${url}/console/login`);
      expect((await central.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM console_sessions WHERE username = 'central.admin'`))[0]?.n).toBe(0);
    },
    E2E_TEST_TIMEOUT_MS,
  );
});

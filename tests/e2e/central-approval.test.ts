import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPaths } from '../../src-main/platform/paths';
import { createEnrollCode } from '../../src-server/enrollment';
import { th } from '../../src-renderer/i18n/th';
import { ADMIN_TOKEN, consoleFormToken, startTestCentral, type TestCentral } from '../helpers/central';
import { E2E_TEST_TIMEOUT_MS, ebill, ROOT } from '../helpers/cli';
import { launchChromium, startWebShell, type RunningShell } from '../helpers/web-shell';
import { pageKit, SHOTS } from './page-helpers';

/**
 * A reprint approved through central, end to end (issue 11): the demo office enrolled with a
 * central server, the operator picks "ask through central" in the approval dialog and sends it, a
 * supervisor approves in the central console, "check" pulls the decision and the copy is recorded
 * with method central. Screens shot in Thai and English, axe-checked.
 */
const PASSWORD = 'demo1234\n';
let browser: Browser;
let shell: RunningShell;
let central: TestCentral;
let dataDir: string;
let sqlite: Database.Database;
let receipt: { book: string; number: number };
const kit = pageKit(() => browser, () => shell.url);
const { problems, pages, newPage, login, seen, capture } = kit;

const inject = (method: 'GET' | 'POST', url: string, body: string, headers: Record<string, string>) => central.app.fastify.inject({ method, url, headers, payload: body });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ebill-e2e-central-'));
  expect(ebill(['--data-dir', dataDir, '--json', 'demo']).status).toBe(0);
  central = await startTestCentral('pglite', Date.now());
  Object.defineProperty(central.clock, 'nowMs', { get: () => Date.now(), set: () => undefined });
  const url = await central.app.fastify.listen({ port: 0, host: '127.0.0.1' });
  await inject('POST', '/admin/console-users', JSON.stringify({ username: 'supervisor', nameTh: 'นางสาวสมหญิง หัวหน้า', role: 'supervisor', password: 'Supervisor-2569' }), {
    'content-type': 'application/json',
    authorization: `Bearer ${ADMIN_TOKEN}`,
  });
  const { code } = await createEnrollCode(central.db, Date.now(), '5401', 1);
  // Not spawnSync: central answers from this very process.
  const enrolled = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'ebill.mjs'), '--data-dir', dataDir, '--json', 'sync', 'enroll', '--server', url, '--code', code], { cwd: ROOT, env: { ...process.env, EBILL_DATA_DIR: '' } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', () => resolve(out));
  });
  expect(JSON.parse(enrolled) as unknown).toMatchObject({ ok: true });
  const file = join(dataDir, 'request.json');
  writeFileSync(file, JSON.stringify({ payerName: 'นายสมปอง ขอสำเนา', revenueCode: '804001', amountSatang: 25_000 }));
  const created = ebill(['--data-dir', dataDir, '--json', 'request', 'create', '--file', file, '--user', 'operator', '--password-stdin'], PASSWORD);
  const issued = ebill(['--data-dir', dataDir, '--json', 'receipt', 'issue', '--ref1', String(created.json['ref1']), '--method', 'cash', '--user', 'operator', '--password-stdin'], PASSWORD);
  receipt = { book: String(issued.json['receiptBook']), number: Number(issued.json['receiptNo']) };
  shell = await startWebShell(dataDir);
  browser = await launchChromium();
  sqlite = new Database(dataPaths(dataDir).databaseFile, { readonly: true, fileMustExist: true });
}, 120_000);

afterAll(async () => {
  sqlite?.close();
  for (const page of pages) await page.context().close();
  await browser?.close();
  await shell?.stop();
  await central?.close();
  rmSync(dataDir, { recursive: true, force: true });
  expect(problems, 'the pages logged errors (CSP violations included)').toEqual([]);
});

async function openReceipt(page: Page): Promise<void> {
  await page.keyboard.press('F7');
  await seen(page, th.search.intro);
  await page.getByLabel(th.search.book).fill(receipt.book);
  await page.getByLabel(th.search.number).fill(String(receipt.number));
  await page.getByRole('button', { name: th.search.submit, exact: true }).click();
  await page.getByRole('button', { name: th.search.openReceipt(receipt.book, receipt.number) }).click();
  await seen(page, th.receipt.historyHeading);
}

describe('approval through central', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('the operator asks central, a supervisor approves in the console, the copy is recorded with method central', async () => {
    const page: Page = await newPage();
    await login(page, 'operator');
    await openReceipt(page);
    // A copy is asked for a receipt whose original is printed.
    await page.getByRole('button', { name: th.print.printOriginal }).click();
    await expect.poll(() => page.getByRole('button', { name: th.print.confirm }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: th.print.confirm }).click();
    await seen(page, th.print.confirmed);
    // The screen offers the copy once it is opened again with the original printed.
    await page.keyboard.press('Alt+KeyH');
    await seen(page, th.homeCounter.todayHeading);
    await openReceipt(page);
    await page.keyboard.press('Alt+KeyP');
    await seen(page, th.approval.intro);
    await page.getByLabel(th.approval.reason, { exact: true }).selectOption('payer-lost');
    await page.getByLabel(th.approval.reasonText).fill('ผู้ชำระทำใบเสร็จหาย');
    await page.getByLabel(th.approval.central).check();
    await page.getByRole('button', { name: th.approval.sendCentral }).click();
    await seen(page, th.approval.centralPending);
    // Submitting before central decided is refused on the page, nothing recorded.
    await page.getByRole('button', { name: th.approval.submitReprint }).click();
    await seen(page, th.approval.centralWait);
    await capture(page, 'reprint-central-pending');
    expect(sqlite.prepare(`SELECT count(*) AS n FROM receipt_events WHERE kind = 'reprinted'`).get()).toEqual({ n: 0 });

    const [asked] = await central.db.query<{ id: string }>(`SELECT id FROM approval_requests WHERE status = 'pending'`);
    const login2 = await inject('POST', '/console/login', new URLSearchParams({ username: 'supervisor', password: 'Supervisor-2569' }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    const cookie = String(login2.headers['set-cookie']).split(';')[0] ?? '';
    const overview = await inject('GET', '/console', '', { cookie });
    const _csrf = consoleFormToken(overview.body, `/console/approvals/${asked?.id ?? ''}`);
    const decided = await inject('POST', `/console/approvals/${asked?.id ?? ''}`, new URLSearchParams({ _csrf, decision: 'approve' }).toString(), { 'content-type': 'application/x-www-form-urlencoded', cookie });
    expect(decided.statusCode).toBe(303);

    await page.getByRole('button', { name: th.approval.checkCentral }).click();
    await seen(page, th.approval.centralApproved('นางสาวสมหญิง หัวหน้า'));
    await capture(page, 'reprint-central-approved');
    await page.getByRole('button', { name: th.approval.submitReprint }).click();
    await seen(page, th.receipt.reprinted(1));
    expect(sqlite.prepare(`SELECT approval_method AS how, approval_code AS code FROM receipt_events WHERE kind = 'reprinted'`).get()).toEqual({ how: 'central', code: asked?.id });
  });
});

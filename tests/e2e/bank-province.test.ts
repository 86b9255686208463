import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPaths } from '../../src-main/platform/paths';
import { th } from '../../src-renderer/i18n/th';
import { buildRef1, buildRef2 } from '../../src-shared/codes';
import { unwrap } from '../../src-shared/result';
import { E2E_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { ktb256File } from '../fixtures/bank/generate';
import { pageKit, SHOTS, startHarness, stopHarness, type Harness } from './page-helpers';

/**
 * The finance officer of a provincial office imports the province's KTB file in a real browser
 * (issue 11): a line of a district office's bill is said "sent to central for that office", not
 * listed as an exception; a line of no bill still is.
 */
let harness: Harness;
let dataDir: string;
const kit = pageKit(() => harness.browser, () => harness.shell.url);
const { newPage, login, seen, capture } = kit;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ebill-e2e-bank-province-'));
  const demo = ebill(['--data-dir', dataDir, '--json', 'demo']);
  expect(demo.status, demo.stderr).toBe(0);
  // The demo office (5401) as its province's provincial office, before the shell opens it.
  const writable = new Database(dataPaths(dataDir).databaseFile);
  writable.prepare(`UPDATE office SET kind = 'provincial' WHERE id = 1`).run();
  writable.close();
  harness = await startHarness(dataDir);
}, 90_000);

afterAll(() => stopHarness(harness, kit, dataDir));

describe('a provincial office imports the province bank file', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('a district bill is forwarded to central, not an exception', async () => {
    const page: Page = await newPage();
    await login(page, 'finance');
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const districtRef1 = unwrap(buildRef1({ requestType: '1', requestSubtype: '01', place: '5402', yearBe: 2569, terminalSlot: 1, counter: 12 }));
    const districtRef2 = unwrap(buildRef2({ costCentreLast3: '001', place: '5402', revenueCode: '804001' }));
    const file = join(dataDir, 'ktb-province.txt');
    writeFileSync(
      file,
      ktb256File([
        { paymentDate: today, paymentTime: '10:15:00', customerName: 'SOMCHAI', ref1: districtRef1, ref2: districtRef2, amountSatang: 25_000 },
        { paymentDate: today, paymentTime: '11:00:00', customerName: 'UNKNOWN PAYER', ref1: '199999999999999', ref2: '000000000000000', amountSatang: 12_345 },
      ]),
    );
    await page.keyboard.press('F8');
    await seen(page, th.bank.intro);
    await page.getByLabel(th.bank.file).setInputFiles(file);
    await page.getByRole('button', { name: th.bank.import, exact: true }).click();
    await seen(page, th.bank.forwarded(1));
    await seen(page, th.bank.result(2, 0, 1, 0));
    // The exceptions list holds only the line of no bill.
    await expect.poll(() => page.getByRole('button', { name: th.bank.resolve }).count()).toBe(1);
    expect(harness.sqlite.prepare(`SELECT place, ref1 FROM province_payment_outbox`).all()).toEqual([{ place: '5402', ref1: districtRef1 }]);
    await capture(page, 'bank-import-forwarded');
  });
});

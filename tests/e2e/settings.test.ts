import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPaths } from '../../src-main/platform/paths';
import { beTextFromIso } from '../../src-renderer/forms/be-date';
import { th } from '../../src-renderer/i18n/th';
import { E2E_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { type RunningShell } from '../helpers/web-shell';
import { pageKit, SHOTS, startHarness, stopHarness } from './page-helpers';

/**
 * Home for every role at 1366×768 without scrolling, the settings screens and the auditor's
 * read-only views (issue 7) in real Chromium against `start:web` with the demo office. Each screen
 * is checked with axe-core and shot in Thai and English into test-results/screens/.
 */
const PASSWORD = 'demo1234';
let browser: Browser;
let shell: RunningShell;
let dataDir: string;
let sqlite: Database.Database;
const kit = pageKit(() => browser, () => shell.url);
const { pages, newPage, login, logout, seen, capture } = kit;
const ui = th.settingsUi;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ebill-e2e-settings-'));
  const demo = ebill(['--data-dir', dataDir, '--json', 'demo']);
  expect(demo.status, demo.stderr).toBe(0);
  // A bill exists (so the biller id is locked) and one approval request waits for central.
  const requestFile = join(dataDir, 'request.json');
  writeFileSync(requestFile, JSON.stringify({ payerName: 'นายทดสอบ ตั้งค่า', payerId: '1101700230708', revenueCode: '804001', amountSatang: 50_000 }));
  const created = ebill(['--data-dir', dataDir, '--json', 'request', 'create', '--file', requestFile, '--user', 'operator', '--password-stdin'], `${PASSWORD}\n`);
  expect(created.status, created.stderr).toBe(0);
  const writable = new Database(dataPaths(dataDir).databaseFile);
  const operatorId = (writable.prepare(`SELECT id FROM users WHERE username = 'operator'`).get() as { id: string }).id;
  writable
    .prepare(`INSERT INTO central_approval_requests (id, action, subject, reason_code, reason_text, business_date, requested_by_user_id, requested_at_ms, is_sent) VALUES ('e2e-approval', 'receipt.reprint', 'E70-5401-1/7', 'printer-fault', 'กระดาษติด', ?, ?, ?, 1)`)
    .run(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10), operatorId, Date.now());
  // A catalog version pulled from central an hour ago (as sync/feed-apply.ts stores it): one fee type in use, one no longer.
  const feeTypes = [
    { revenueCode: '801001', nameTh: 'ค่าธรรมเนียมหนังสือรับรอง', nameEn: 'Certificate fee', fund: 'state-revenue', defaultAmountSatang: 2_000, active: true },
    { revenueCode: '801002', nameTh: 'ค่าธรรมเนียมคัดสำเนาทะเบียน', nameEn: 'Register copy fee', fund: 'non-budget', defaultAmountSatang: null, active: false },
  ];
  writable.prepare('INSERT INTO central_catalog (version, data_json, cursor, pulled_at_ms) VALUES (7, ?, 1, ?)').run(JSON.stringify({ feeTypes }), Date.now() - 3_600_000);
  writable.close();
  ({ shell, browser, sqlite } = await startHarness(dataDir));
}, 120_000);

afterAll(() => stopHarness({ shell, browser, sqlite }, kit, dataDir));

/** The page needs no scrolling at 1366×768: nothing is taller or wider than the window, and every tile and panel is inside it. */
async function expectNoScroll(page: Page, name: string): Promise<void> {
  const size = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
    lowest: Math.max(0, ...Array.from(document.querySelectorAll('.tile, .panel'), (el) => el.getBoundingClientRect().bottom)),
  }));
  expect(size.height, `${name}: page height`).toBeLessThanOrEqual(size.innerHeight);
  expect(size.width, `${name}: page width`).toBeLessThanOrEqual(size.innerWidth);
  expect(size.lowest, `${name}: lowest tile or panel`).toBeLessThanOrEqual(size.innerHeight);
}

/** The tiles each demo user's role has on home (src-renderer/app/permissions.ts), users included. */
const TILE_COUNTS: Readonly<Record<string, number>> = { operator: 10, supervisor: 10, finance: 13, head: 13, auditor: 12, admin: 10 };

describe('home, settings and the auditor in a real browser', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('home fits 1366×768 without scrolling for every role, in Thai and in English', async () => {
    const page = await newPage();
    for (const username of ['operator', 'supervisor', 'finance', 'head', 'auditor', 'admin']) {
      await login(page, username);
      await seen(page, th.homeCounter.todayHeading);
      // The full tile set of the role: finance, the head and the auditor have the most.
      await expect.poll(() => page.locator('.tile').count(), { message: `tiles of ${username}` }).toBe(TILE_COUNTS[username]);
      await page.waitForTimeout(200);
      await expectNoScroll(page, `home-${username} (th)`);
      await kit.switchLanguage(page, 'English');
      await page.waitForTimeout(150);
      await expectNoScroll(page, `home-${username} (en)`);
      await kit.switchLanguage(page, 'ไทย');
      await capture(page, `home-${username}`);
      await logout(page);
    }
  });
  it('the supervisor sees the approval request waiting on home', async () => {
    const page = pages[0] as Page;
    await login(page, 'supervisor');
    await expect.poll(() => page.getByTestId('pending-approvals').textContent()).toBe(ui.home.approvalsWaiting(1));
    await seen(page, /ขอพิมพ์สำเนาใบเสร็จ E70-5401-1\/7/);
    await expectNoScroll(page, 'home-supervisor with an approval');
    await capture(page, 'home-supervisor-approval');
    await logout(page);
  });

  it('the operator reads the settings (office, catalog) and cannot change them; printers are one click away', async () => {
    const page = pages[0] as Page;
    await login(page, 'operator');
    await page.keyboard.press('Alt+KeyT');
    await seen(page, ui.settings.intro);
    await seen(page, ui.office.viewOnly);
    await expect.poll(() => page.getByTestId('catalog').getByText('804001').isVisible()).toBe(true);
    // The catalog in force is the version pulled from central, with when it came; its fee types are listed.
    await expect.poll(() => page.getByTestId('catalog-version').textContent()).toContain(ui.catalog.inForce(7, '').trim());
    await expect.poll(() => page.getByTestId('catalog').getByText('ค่าธรรมเนียมหนังสือรับรอง').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: ui.office.edit }).count()).toBe(0);
    expect(await page.getByTestId('backup').count()).toBe(0);
    // The office kind and what it changes are read by everyone; only the administrator changes them.
    await expect.poll(() => page.getByTestId('office-kind-current').textContent()).toBe(ui.officeKind.current(ui.officeKind.kinds.district));
    await seen(page, ui.officeKind.why);
    expect(await page.getByRole('radio', { name: ui.officeKind.kinds.provincial }).count()).toBe(0);
    expect(await page.getByTestId('rates-form').count()).toBe(0);
    await capture(page, 'settings-operator');
    // The pulled fee types, the one no longer in use marked so.
    await page.getByTestId('catalog').getByText('ค่าธรรมเนียมคัดสำเนาทะเบียน').scrollIntoViewIfNeeded();
    await seen(page, `ค่าธรรมเนียมคัดสำเนาทะเบียน · ${ui.catalog.inactive}`);
    await capture(page, 'settings-operator-fees');
    await page.getByRole('button', { name: ui.settings.printersLink }).click();
    await seen(page, th.printers.intro);

    // Dates are typed in the Buddhist era: a Gregorian year or a day that does not exist is refused as typed.
    await page.keyboard.press('Alt+KeyH');
    await page.keyboard.press('F3');
    await seen(page, th.newRequest.intro);
    await page.getByLabel(th.newRequest.dueDate).fill('31/12/2026');
    await seen(page, ui.beDate.bad);
    await page.getByLabel(th.newRequest.dueDate).fill('31/12/2569');
    await seen(page, '31 ธันวาคม 2569');
    expect(await page.getByText(ui.beDate.bad).count()).toBe(0);
    await capture(page, 'new-request-be-date');
    await page.getByLabel(th.newRequest.dueDate).fill('');
    await logout(page);
  });

  it('the administrator edits the office: a locked biller id is refused in Thai and nothing changes; the name is saved', async () => {
    const page = pages[0] as Page;
    await login(page, 'admin');
    await page.keyboard.press('Alt+KeyT');
    await seen(page, ui.settings.intro);
    await page.getByRole('button', { name: ui.office.edit }).click();
    const before = JSON.stringify(sqlite.prepare('SELECT * FROM office').all());
    await page.getByLabel(ui.office.billerId).fill('099999999999991');
    await page.getByRole('button', { name: ui.office.save }).click();
    await seen(page, th.errors.OFFICE_SETTING_LOCKED);
    await capture(page, 'settings-office-locked');
    expect(JSON.stringify(sqlite.prepare('SELECT * FROM office').all())).toBe(before);

    await page.getByLabel(ui.office.billerId).fill('099999999999990');
    await page.getByLabel(ui.office.nameTh).fill('ที่ทำการปกครองอำเภอเมืองแพร่ (ทดสอบ)');
    await page.getByRole('button', { name: ui.office.save }).click();
    await seen(page, ui.office.saved);
    expect((sqlite.prepare('SELECT name_th AS name FROM office').get() as { name: string }).name).toBe('ที่ทำการปกครองอำเภอเมืองแพร่ (ทดสอบ)');
    // The header reads app.info again.
    await seen(page, 'ที่ทำการปกครองอำเภอเมืองแพร่ (ทดสอบ)');
  });

  it('the administrator backs up now with progress, then moves the backups to another folder (a relative path is refused in Thai)', async () => {
    const page = pages[0] as Page;
    await seen(page, ui.backup.none);
    await page.getByRole('button', { name: ui.backup.runNow }).click();
    await seen(page, /สำรองข้อมูลแล้วและตรวจสอบแล้ว/);
    expect(readdirSync(join(dataDir, 'backups')).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
    await expect.poll(() => page.getByTestId('backup').locator('tbody tr').count()).toBe(1);
    await capture(page, 'settings-admin');

    await page.getByRole('button', { name: ui.backup.change }).click();
    await page.getByLabel(ui.backup.newFolder).fill('usb-backups');
    await page.getByRole('button', { name: ui.backup.saveFolder }).click();
    await seen(page, th.errors.BACKUP_FOLDER_INVALID);
    expect(existsSync(join(dataDir, 'backup-config.json'))).toBe(false);
    await capture(page, 'settings-backup-refused');
    const folder = join(dataDir, 'usb', 'ebill');
    await page.getByLabel(ui.backup.newFolder).fill(folder);
    await page.getByRole('button', { name: ui.backup.saveFolder }).click();
    await seen(page, ui.backup.folderSaved);
    await expect.poll(() => page.getByTestId('backup-dir').textContent()).toBe(folder);
    await seen(page, ui.backup.none);
    await page.getByRole('button', { name: ui.settings.usersLink }).click();
    await seen(page, th.users.listHeading);
    await logout(page);
  });

  it('the administrator sets the office kind and a group 1.1 deduction rate; a bad percentage is refused and changes nothing', async () => {
    const page = pages[0] as Page;
    await login(page, 'admin');
    await page.keyboard.press('Alt+KeyT');
    await expect.poll(() => page.getByTestId('office-kind-current').textContent()).toBe(ui.officeKind.current(ui.officeKind.kinds.district));
    const rates = () => JSON.stringify(sqlite.prepare('SELECT revenue_code, reward_basis_points, cost_basis_points FROM deduction_rates ORDER BY rowid').all());
    const entries = () => (sqlite.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;
    const before = { rates: rates(), entries: entries() };

    // Refused in the form: three decimals, and shares over 100 %; nothing is sent.
    const form = page.getByTestId('rates-form');
    await form.getByLabel(ui.rates.law).selectOption('804001');
    await form.getByLabel(ui.rates.reward).fill('12.345');
    await form.getByLabel(ui.rates.cost).fill('5');
    await form.getByRole('button', { name: ui.rates.save }).click();
    await seen(page, ui.rates.badPercent);
    await form.getByLabel(ui.rates.reward).fill('99');
    await form.getByRole('button', { name: ui.rates.save }).click();
    await seen(page, ui.rates.overHundred);
    await capture(page, 'settings-rates-refused');
    expect({ rates: rates(), entries: entries() }).toEqual(before);

    await form.getByLabel(ui.rates.reward).fill('12.5');
    await form.getByLabel(ui.rates.cost).fill('2.25');
    await form.getByRole('button', { name: ui.rates.save }).click();
    await seen(page, ui.rates.saved('804001', '12.50', '2.25'));
    await expect.poll(() => page.getByTestId('catalog').getByText(ui.catalog.deduction('12.50', '2.25')).isVisible()).toBe(true);
    expect(sqlite.prepare('SELECT reward_basis_points AS reward, cost_basis_points AS cost FROM deduction_rates ORDER BY rowid DESC LIMIT 1').get()).toEqual({ reward: 1250, cost: 225 });
    expect(entries()).toBe(before.entries + 1);

    await page.getByRole('radio', { name: ui.officeKind.kinds.provincial }).check();
    await page.getByRole('button', { name: ui.officeKind.save }).click();
    await seen(page, ui.officeKind.saved(ui.officeKind.kinds.provincial));
    await expect.poll(() => page.getByTestId('office-kind-current').textContent()).toBe(ui.officeKind.current(ui.officeKind.kinds.provincial));
    expect((sqlite.prepare('SELECT kind FROM office').get() as { kind: string }).kind).toBe('provincial');
    await capture(page, 'settings-office-kind');
    await logout(page);
  });

  it('the auditor reads the audit log (refused actions included), filters it by outcome and Buddhist-era date, and pages', async () => {
    const page = pages[0] as Page;
    await login(page, 'auditor');
    await page.keyboard.press('Alt+KeyG');
    await seen(page, ui.auditLog.intro);
    await expect.poll(() => page.getByTestId('audit-log').locator('tbody tr').count()).toBe(12);
    const total = (sqlite.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number }).n;
    await seen(page, `รายการที่ 1–12 จาก ${total}`);
    await capture(page, 'audit-log');
    await page.getByRole('button', { name: ui.auditLog.next }).click();
    await seen(page, `รายการที่ 13–`);

    await page.getByLabel(ui.auditLog.outcome).selectOption('refused');
    await page.getByLabel(ui.auditLog.fromDate).fill('31/02/2569');
    await seen(page, ui.beDate.bad);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    await page.getByLabel(ui.auditLog.fromDate).fill(beTextFromIso(today));
    await page.getByRole('button', { name: ui.auditLog.show, exact: true }).click();
    const refused = (sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE outcome = 'refused'`).get() as { n: number }).n;
    expect(refused).toBeGreaterThan(0);
    await seen(page, `รายการที่ 1–${Math.min(12, refused)} จาก ${refused}`);
    await seen(page, 'OFFICE_SETTING_LOCKED');
    await capture(page, 'audit-log-refused');
  });

  it("the auditor's outage and paper-book records are read-only views", async () => {
    const page = pages[0] as Page;
    await page.getByRole('button', { name: ui.auditLog.outageLink }).click();
    await seen(page, th.outage.listHeading);
    expect(await page.getByRole('button', { name: th.outage.start }).count()).toBe(0);
    expect(await page.getByLabel(th.outage.cause).count()).toBe(0);
    await capture(page, 'outage-auditor');
    await page.keyboard.press('Alt+KeyH');
    await page.keyboard.press('F1');
    await seen(page, th.books.listHeading);
    expect(await page.getByRole('button', { name: th.books.register }).count()).toBe(0);
    await capture(page, 'books-auditor');
    await logout(page);
  });
});

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_TEST_TIMEOUT_MS, ebill, ROOT } from '../helpers/cli';
import { launchChromium, startWebShell, type RunningShell } from '../helpers/web-shell';

/**
 * The whole app as an office uses it on day one, in real Chromium: `ebill demo`, then the browser
 * shell (`npm run start:web`), the Thai login screen, and the operator's home. A fresh data folder
 * shows the first-run set-up instead. Screenshots go to test-results/ for a person to look at.
 */
const SHOTS = join(ROOT, 'test-results', 'e2e');
const VIEWPORT = { width: 1366, height: 768 };
let browser: Browser;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await browser.close();
});

async function shellOn(dataDir: string): Promise<RunningShell> {
  const shell = await startWebShell(dataDir);
  cleanups.push(() => shell.stop());
  return shell;
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'th-TH' });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  cleanups.push(() => {
    expect(problems, 'the page logged errors (CSP violations included)').toEqual([]);
  });
  return page;
}

describe('day one in a real browser', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('an operator of the demo office logs in and sees the Thai home screen', async () => {
    const dataDir = tempDir('ebill-e2e-demo-');
    const demo = ebill(['--data-dir', dataDir, '--json', 'demo']);
    expect(demo.status, demo.stderr).toBe(0);
    const shell = await shellOn(dataDir);
    const page = await newPage();

    await page.goto(shell.url);
    await expect.poll(() => page.getByRole('button', { name: 'เข้าสู่ระบบ' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('th');
    await page.screenshot({ path: join(SHOTS, 'login.png') });

    await page.getByLabel('ชื่อผู้ใช้').fill('operator');
    await page.getByLabel('รหัสผ่าน', { exact: true }).fill('wrong-password1');
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await expect.poll(() => page.getByText('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง').first().isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'login-refused.png') });

    await page.getByLabel('รหัสผ่าน', { exact: true }).fill('demo1234');
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /ยินดีต้อนรับ/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByText('นางสาวสมศรี ใจดี').first().isVisible()).toBe(true);
    expect(await page.getByText('5401').first().isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'home-operator.png') });
  });

  it('a fresh data folder opens the first-run set-up, not a login', async () => {
    const shell = await shellOn(tempDir('ebill-e2e-fresh-'));
    const page = await newPage();
    await page.goto(shell.url);
    await expect.poll(() => page.getByRole('heading', { name: /ตั้งค่าเครื่องครั้งแรก/ }).first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'first-run.png'), fullPage: true });
  });
});

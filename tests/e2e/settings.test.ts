import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPaths } from '../../src-main/platform/paths';
import { th } from '../../src-renderer/i18n/th';
import { E2E_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { launchChromium, startWebShell, type RunningShell } from '../helpers/web-shell';
import { pageKit, SHOTS } from './page-helpers';

/**
 * Home for every role at 1366×768 without scrolling, the settings screens and the auditor's
 * read-only views (issue 7) in real Chromium against `start:web` with the demo office. Each screen
 * is checked with axe-core and shot in Thai and English into test-results/screens/.
 */
let browser: Browser;
let shell: RunningShell;
let dataDir: string;
let sqlite: Database.Database;
const kit = pageKit(() => browser, () => shell.url);
const { problems, pages, newPage, login, logout, seen, capture } = kit;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ebill-e2e-settings-'));
  const demo = ebill(['--data-dir', dataDir, '--json', 'demo']);
  expect(demo.status, demo.stderr).toBe(0);
  shell = await startWebShell(dataDir);
  browser = await launchChromium();
  sqlite = new Database(dataPaths(dataDir).databaseFile, { readonly: true, fileMustExist: true });
}, 120_000);

afterAll(async () => {
  sqlite.close();
  for (const page of pages) await page.context().close();
  await browser.close();
  await shell.stop();
  rmSync(dataDir, { recursive: true, force: true });
  expect(problems, 'the pages logged errors (CSP violations included)').toEqual([]);
});

/** The page needs no scrolling at 1366×768: nothing is taller or wider than the window. */
async function expectNoScroll(page: Page, name: string): Promise<void> {
  const size = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth, innerHeight: window.innerHeight, innerWidth: window.innerWidth }));
  expect(size.height, `${name}: page height`).toBeLessThanOrEqual(size.innerHeight);
  expect(size.width, `${name}: page width`).toBeLessThanOrEqual(size.innerWidth);
}

describe('home, settings and the auditor in a real browser', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('home fits 1366×768 without scrolling for every role, in Thai and in English', async () => {
    const page = await newPage();
    for (const username of ['operator', 'supervisor', 'finance', 'head', 'auditor', 'admin']) {
      await login(page, username);
      await seen(page, th.homeCounter.todayHeading);
      await page.waitForTimeout(200);
      await page.screenshot({ path: `/tmp/full-${username}.png`, fullPage: true });
      await kit.switchLanguage(page, 'English');
      await page.waitForTimeout(150);
      await page.screenshot({ path: `/tmp/full-${username}-en.png`, fullPage: true });
      await kit.switchLanguage(page, 'ไทย');
      await expectNoScroll(page, `home-${username} (th)`);
      await kit.switchLanguage(page, 'English');
      await page.waitForTimeout(150);
      await expectNoScroll(page, `home-${username} (en)`);
      await kit.switchLanguage(page, 'ไทย');
      await capture(page, `home-${username}`);
      await logout(page);
    }
  });
});

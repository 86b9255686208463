import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { dataPaths } from '../../src-main/platform/paths';
import { th } from '../../src-renderer/i18n/th';
import { ROOT } from '../helpers/cli';
import { launchChromium, startWebShell, type RunningShell } from '../helpers/web-shell';

/** What every browser test file of the counter does with its pages: open, log in, check, shoot. */
export const SHOTS = join(ROOT, 'test-results', 'screens');
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
export const VIEWPORT = { width: 1366, height: 768 };
export const DEMO_PASSWORD = 'demo1234';

export interface PageKit {
  /** Script errors of every page (CSP violations included); a refused request the page shows is not one. */
  readonly problems: string[];
  readonly pages: Page[];
  readonly newPage: () => Promise<Page>;
  readonly login: (page: Page, username: string) => Promise<void>;
  readonly logout: (page: Page) => Promise<void>;
  readonly seen: (page: Page, text: string | RegExp) => Promise<void>;
  readonly expectAccessible: (page: Page, name: string) => Promise<void>;
  /** axe, then a screenshot in Thai and in English (the language switch in the header), back to Thai. */
  readonly capture: (page: Page, name: string) => Promise<void>;
  /** The header's language button; behind an open modal dialog (inert) its click is dispatched, as a script on the page would. */
  readonly switchLanguage: (page: Page, name: 'English' | 'ไทย') => Promise<void>;
}

export function pageKit(browser: () => Browser, shellUrl: () => string): PageKit {
  const problems: string[] = [];
  const pages: Page[] = [];
  const kit: PageKit = {
    problems,
    pages,
    newPage: async () => {
      const context = await browser().newContext({ viewport: VIEWPORT, locale: 'th-TH' });
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        // A refused request is a 4xx the page handles and shows; only script errors count.
        if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(message.text());
      });
      pages.push(page);
      return page;
    },
    login: async (page, username) => {
      await page.goto(shellUrl());
      await expect.poll(() => page.getByRole('button', { name: th.login.submit }).isVisible(), { timeout: 15_000 }).toBe(true);
      await page.getByLabel(th.fields.username.label).fill(username);
      await page.getByLabel(th.fields.password.label, { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: th.login.submit }).click();
      await expect.poll(() => page.getByRole('heading', { name: /ยินดีต้อนรับ/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    },
    logout: async (page) => {
      await page.keyboard.press('Alt+KeyL');
      await expect.poll(() => page.getByRole('button', { name: th.login.submit }).isVisible()).toBe(true);
    },
    seen: async (page, text) => {
      await expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 15_000 }).toBe(true);
    },
    expectAccessible: async (page, name) => {
      // Through the DevTools protocol, not a <script> tag: the page's CSP (script-src 'self') stays as shipped.
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
      });
      expect(violations, `axe on ${name}`).toEqual([]);
    },
    capture: async (page, name) => {
      await page.waitForTimeout(150);
      await kit.expectAccessible(page, `${name} (th)`);
      await page.screenshot({ path: join(SHOTS, `${name}-th.png`) });
      await kit.switchLanguage(page, 'English');
      await page.waitForTimeout(150);
      await kit.expectAccessible(page, `${name} (en)`);
      await page.screenshot({ path: join(SHOTS, `${name}-en.png`) });
      await kit.switchLanguage(page, 'ไทย');
      await page.waitForTimeout(100);
    },
    switchLanguage: async (page, name) => {
      await page.locator('.language-switch__button', { hasText: name }).dispatchEvent('click');
    },
  };
  return kit;
}

/** What a browser test file runs against: the browser shell on its data folder, Chromium, and a read-only view of the database. */
export interface Harness {
  readonly shell: RunningShell;
  readonly browser: Browser;
  readonly sqlite: Database.Database;
}

/** Starts the browser shell on `dataDir` (set up by the test first), Chromium, and the read-only view. */
export async function startHarness(dataDir: string): Promise<Harness> {
  const shell = await startWebShell(dataDir);
  const browser = await launchChromium();
  const sqlite = new Database(dataPaths(dataDir).databaseFile, { readonly: true, fileMustExist: true });
  return { shell, browser, sqlite };
}

/** Closes the view, the kit's pages, Chromium and the shell, removes `dataDir`, then fails if any page logged an error. */
export async function stopHarness(harness: Harness, kit: PageKit, dataDir: string): Promise<void> {
  harness.sqlite.close();
  for (const page of kit.pages) await page.context().close();
  await harness.browser.close();
  await harness.shell.stop();
  rmSync(dataDir, { recursive: true, force: true });
  expect(kit.problems, 'the pages logged errors (CSP violations included)').toEqual([]);
}

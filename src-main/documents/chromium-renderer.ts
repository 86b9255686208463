import type { Browser, Page } from 'playwright-core';
import { CodedError } from '../../src-shared/result';
import { findChromium } from './browser-path';
import type { DocumentHtml } from './html';
import { checkHtmlSize, checkPdf, limitsFor, pxToMm, RENDER_LIMITS, serialQueue, withTimeout, type PdfRenderer, type RenderedPdf } from './renderer';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CSS_PX_PER_MM = 96 / 25.4;

export interface ChromiumRendererOptions {
  /** Default: `findChromium()` (EBILL_CHROMIUM, then the platform's usual install paths), looked up at the first render. */
  readonly executablePath?: string;
}

/**
 * Renders documents with Chromium outside Electron (CLI, tests, benchmarks, the browser shell).
 * One browser and one page are kept warm and reused; renders run one at a time; the browser is
 * started again on the next render if it died.
 */
export function createChromiumRenderer(options: ChromiumRendererOptions = {}): PdfRenderer {
  const serial = serialQueue();
  let browser: Browser | null = null;
  let page: Page | null = null;

  async function warmPage(): Promise<Page> {
    if (page !== null && !page.isClosed() && browser?.isConnected() === true) return page;
    if (browser === null || !browser.isConnected()) {
      const executablePath = options.executablePath ?? findChromium();
      const { chromium } = await import('playwright-core');
      try {
        browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: RENDER_LIMITS.launchTimeoutMs });
      } catch (error) {
        throw new CodedError('RENDER_FAILED', `Chromium did not start (${executablePath}): ${(error as Error).message.split('\n')[0] ?? ''}`);
      }
      browser.on('disconnected', () => {
        browser = null;
        page = null;
      });
    }
    const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
    // Documents carry everything inline; anything else would be remote content.
    await context.route('**/*', (route) => route.abort());
    page = await context.newPage();
    return page;
  }

  async function render(doc: DocumentHtml): Promise<RenderedPdf> {
    checkHtmlSize(doc);
    const current = await warmPage();
    const { widthMm } = doc.page;
    await current.setViewportSize({ width: Math.ceil(widthMm * CSS_PX_PER_MM), height: 800 });
    await current.setContent(doc.html, { waitUntil: 'load', timeout: limitsFor(doc.kind).renderTimeoutMs });
    // Strings, not functions: src-main has no DOM types (tsconfig.main.json); these run in the page.
    await current.evaluate('document.fonts.ready.then(() => true)');
    let heightMm = doc.page.heightMm;
    if (heightMm === null) {
      const px = Number(await current.evaluate('Math.ceil(document.documentElement.getBoundingClientRect().height)'));
      heightMm = pxToMm(px);
      if (heightMm > RENDER_LIMITS.maxMeasuredHeightMm) throw new CodedError('TOO_LARGE', `${doc.kind}: ${heightMm} mm of roll paper`);
    }
    const bytes = await current.pdf({
      width: `${widthMm}mm`,
      height: `${heightMm}mm`,
      printBackground: true,
      margin: { top: `${doc.marginMm}mm`, right: `${doc.marginMm}mm`, bottom: `${doc.marginMm}mm`, left: `${doc.marginMm}mm` },
    });
    return checkPdf(doc.kind, new Uint8Array(bytes));
  }

  return {
    renderPdf: (document) =>
      serial(async () => {
        try {
          return await withTimeout(`rendering ${document.kind}`, limitsFor(document.kind).renderTimeoutMs + RENDER_LIMITS.launchTimeoutMs, render(document));
        } catch (error) {
          // A page that timed out or crashed is not reused: the next render starts a fresh browser.
          const stuck = browser;
          browser = null;
          page = null;
          await stuck?.close().catch(() => undefined);
          if (error instanceof CodedError) throw error;
          throw new CodedError('RENDER_FAILED', `rendering ${document.kind} failed: ${(error as Error).message.split('\n')[0] ?? ''}`);
        }
      }),
    close: () =>
      serial(async () => {
        const closing = browser;
        browser = null;
        page = null;
        if (closing !== null) await closing.close();
      }),
  };
}

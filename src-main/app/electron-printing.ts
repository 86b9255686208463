import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import { CodedError } from '../../src-shared/result';
import type { DocumentHtml } from '../documents/html';
import { checkHtmlSize, checkPdf, limitsFor, pxToMm, RENDER_LIMITS, serialQueue, withTimeout, type PdfRenderer } from '../documents/renderer';
import { pdfFileAdapter, type PrintAdapter } from '../printing/adapters';
import { MAX_LISTED_PRINTERS, printFolder, type PrintPlatform, type PrinterInfo } from '../printing/print-platform';

/**
 * The Electron side of documents/ and printing/ (the only folder that may import electron):
 * Electron's own Chromium renders the same HTML (`printToPDF`, sizes in inches) and prints it to
 * an OS printer by name (`print` with `deviceName`, sizes in microns). Type-checked here; it runs
 * only inside the desktop app.
 */
const MM_PER_INCH = 25.4;
const MICRONS_PER_MM = 1_000;

function hiddenWindow(widthMm: number): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: Math.ceil((widthMm / MM_PER_INCH) * 96),
    height: 800,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true, offscreen: true },
  });
}

/** Chromium refuses URLs over 2 MB: a longer document (a report) loads from a private temp file. */
const MAX_DATA_URL_HTML_BYTES = 1024 * 1024;

async function loadDocument(window: BrowserWindow, document: DocumentHtml): Promise<number> {
  checkHtmlSize(document);
  const html = Buffer.from(document.html, 'utf8');
  const dir = html.byteLength > MAX_DATA_URL_HTML_BYTES ? mkdtempSync(join(tmpdir(), 'ebill-render-')) : null;
  try {
    const file = dir === null ? null : join(dir, 'document.html');
    const url = file === null ? `data:text/html;base64,${html.toString('base64')}` : pathToFileURL(file).href;
    if (file !== null) writeFileSync(file, html, { mode: 0o600 });
    // Documents carry everything inline (fonts, codes as SVG); nothing else may load.
    window.webContents.session.webRequest.onBeforeRequest((details, respond) => respond({ cancel: !(details.url.startsWith('data:') || details.url === url) }));
    await window.loadURL(url);
  } finally {
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
  }
  await window.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
  if (document.page.heightMm !== null) return document.page.heightMm;
  const px = Number(await window.webContents.executeJavaScript('Math.ceil(document.documentElement.getBoundingClientRect().height)'));
  const heightMm = pxToMm(px);
  if (heightMm > RENDER_LIMITS.maxMeasuredHeightMm) throw new CodedError('TOO_LARGE', `${document.kind}: ${heightMm} mm of roll paper`);
  return heightMm;
}

/** `webContents.printToPDF` with the page size in inches; one window per render, closed after. */
export function createElectronRenderer(): PdfRenderer {
  const serial = serialQueue();
  return {
    renderPdf: (document) =>
      serial(async () => {
        const window = hiddenWindow(document.page.widthMm);
        try {
          const { renderTimeoutMs } = limitsFor(document.kind);
          const heightMm = await withTimeout(`loading ${document.kind}`, renderTimeoutMs, loadDocument(window, document));
          const marginInches = document.marginMm / MM_PER_INCH;
          const bytes = await withTimeout(
            `rendering ${document.kind}`,
            renderTimeoutMs,
            window.webContents.printToPDF({
              pageSize: { width: document.page.widthMm / MM_PER_INCH, height: heightMm / MM_PER_INCH },
              printBackground: true,
              margins: { top: marginInches, bottom: marginInches, left: marginInches, right: marginInches },
            }),
          );
          return checkPdf(document.kind, new Uint8Array(bytes));
        } finally {
          window.destroy();
        }
      }),
    close: () => Promise.resolve(),
  };
}

/** `print` takes margins in CSS pixels; a report keeps its page margins, a slip or receipt has none. */
function marginsInPixels(marginMm: number): Electron.Margins {
  if (marginMm === 0) return { marginType: 'none' };
  const px = Math.round((marginMm / MM_PER_INCH) * 96);
  return { marginType: 'custom', top: px, bottom: px, left: px, right: px };
}

/** Prints straight to an OS printer by name (Windows office PCs have no `lp`); sizes in microns. */
export function electronPrintAdapter(): PrintAdapter {
  const serial = serialQueue();
  return {
    kind: 'electron',
    send: (request) =>
      serial(async () => {
        const window = hiddenWindow(request.document.page.widthMm);
        try {
          const { renderTimeoutMs } = limitsFor(request.document.kind);
          const heightMm = await withTimeout(`loading ${request.document.kind}`, renderTimeoutMs, loadDocument(window, request.document));
          await withTimeout(
            `printing ${request.document.kind}`,
            renderTimeoutMs,
            new Promise<void>((resolve, reject) => {
              window.webContents.print(
                {
                  silent: true,
                  printBackground: true,
                  ...(request.deviceName === null ? {} : { deviceName: request.deviceName }),
                  pageSize: { width: request.document.page.widthMm * MICRONS_PER_MM, height: Math.ceil(heightMm * MICRONS_PER_MM) },
                  margins: marginsInPixels(request.document.marginMm),
                },
                (success, failureReason) => (success ? resolve() : reject(new CodedError('PRINT_FAILED', `the printer refused the job: ${failureReason}`))),
              );
            }),
          );
        } finally {
          window.destroy();
        }
      }),
  };
}

/** The OS printers as Electron sees them (`webContents.getPrintersAsync`, Windows and Linux alike). */
async function electronPrinters(): Promise<PrinterInfo[]> {
  const existing = BrowserWindow.getAllWindows()[0];
  const window = existing ?? hiddenWindow(210);
  try {
    const printers = await window.webContents.getPrintersAsync();
    // Electron has no `isDefault` field any more; CUPS and Windows put it in the options.
    return printers.slice(0, MAX_LISTED_PRINTERS).map((p) => ({ name: p.name, isDefault: (p.options as Record<string, unknown>)['is-default'] === 'true' }));
  } finally {
    if (existing === undefined) window.destroy();
  }
}

/** The desktop app's printing: Electron's Chromium renders and prints; PDF files stay available. */
export function electronPrintPlatform(dataDir: string): PrintPlatform {
  return {
    createRenderer: () => createElectronRenderer(),
    adapters: { electron: electronPrintAdapter(), 'pdf-file': pdfFileAdapter(printFolder(dataDir)) },
    listPrinters: () => electronPrinters(),
  };
}

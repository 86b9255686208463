import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createChromiumRenderer } from '../documents/chromium-renderer';
import type { PdfRenderer } from '../documents/renderer';
import type { LedgerDeps } from '../ledger/action';
import type { Logger } from '../platform/logger';
import { findLp, lpAdapter, pdfFileAdapter, type AdapterKind, type PrintAdapter } from './adapters';
import type { PrintDeps } from './print-service';

/** An OS printer as the printer list shows it. */
export interface PrinterInfo {
  readonly name: string;
  readonly isDefault: boolean;
}

/**
 * What printing needs from the platform it runs on (style.md §10): a renderer, the adapters that
 * exist here and the OS printer list. Plain Node (CLI, browser shell, tests): Chromium through
 * playwright-core, PDF files and CUPS `lp`; Electron: `app/electron-printing.ts`.
 */
export interface PrintPlatform {
  createRenderer(): PdfRenderer;
  readonly adapters: Readonly<Partial<Record<AdapterKind, PrintAdapter>>>;
  listPrinters(): Promise<PrinterInfo[]>;
}

/** `lpstat` may take this long (CUPS asks network printers); style.md §14. */
export const LPSTAT_TIMEOUT_MS = 10_000;
/** Printers listed at most (a print server may share hundreds). */
export const MAX_LISTED_PRINTERS = 100;
export const LPSTAT_PATHS = ['/usr/bin/lpstat', '/usr/local/bin/lpstat', '/bin/lpstat'] as const;

/** Folder of the PDF-file adapter: `<data dir>/prints/<job id>.pdf`. */
export function printFolder(dataDir: string): string {
  return join(dataDir, 'prints');
}

function runLpstat(lpstat: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve) => {
    // A failing lpstat (no CUPS daemon, no printers) means: no OS printers to list.
    execFile(lpstat, [...args], { timeout: LPSTAT_TIMEOUT_MS, encoding: 'utf8' }, (error, stdout) => resolve(error === null ? stdout : ''));
  });
}

/** `lpstat -e` names the destinations, `lpstat -d` the default one ("system default destination: X"). */
export function parseLpstat(destinations: string, defaultLine: string): PrinterInfo[] {
  const defaultName = /destination:\s*(\S+)/.exec(defaultLine)?.[1] ?? null;
  const names = destinations
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && /^[^\p{Cc}\s]{1,128}$/u.test(line));
  return [...new Set(names)].slice(0, MAX_LISTED_PRINTERS).map((name) => ({ name, isDefault: name === defaultName }));
}

export async function listCupsPrinters(lpstat: string | null = LPSTAT_PATHS.find((path) => existsSync(path)) ?? null): Promise<PrinterInfo[]> {
  if (lpstat === null) return [];
  const [destinations, defaultLine] = await Promise.all([runLpstat(lpstat, ['-e']), runLpstat(lpstat, ['-d'])]);
  return parseLpstat(destinations, defaultLine);
}

/** Plain Node: Debian's (or the configured) Chromium, PDF files in the data folder, `lp` when CUPS is installed. */
export function nodePrintPlatform(dataDir: string): PrintPlatform {
  const lp = findLp();
  return {
    createRenderer: () => createChromiumRenderer(),
    adapters: { 'pdf-file': pdfFileAdapter(printFolder(dataDir)), ...(lp === null ? {} : { lp: lpAdapter(lp) }) },
    listPrinters: () => listCupsPrinters(),
  };
}

/** One host's printing: the renderer is made on first use, kept warm, and closed with the host. */
export interface PrintRuntime {
  readonly platform: PrintPlatform;
  renderer(): PdfRenderer;
  deps(ledger: LedgerDeps): PrintDeps;
  close(): Promise<void>;
}

export function createPrintRuntime(platform: PrintPlatform, logger: Logger): PrintRuntime {
  let renderer: PdfRenderer | null = null;
  const lazyRenderer = (): PdfRenderer => {
    renderer ??= platform.createRenderer();
    return renderer;
  };
  return {
    platform,
    renderer: lazyRenderer,
    deps: (ledger) => ({ ledger, renderer: lazyRenderer(), adapters: platform.adapters }),
    close: async () => {
      const closing = renderer;
      renderer = null;
      try {
        await closing?.close();
      } catch (error) {
        logger.warn('closing the document renderer failed', { error });
      }
    },
  };
}

import { CodedError } from '../../src-shared/result';
import type { DocumentHtml } from './html';

/** Limits on every render (style.md §14). */
export const RENDER_LIMITS = {
  launchTimeoutMs: 30_000,
  renderTimeoutMs: 20_000,
  maxHtmlBytes: 4 * 1024 * 1024,
  maxPdfBytes: 16 * 1024 * 1024,
  maxPages: 200,
  /** A thermal receipt longer than this is a layout fault, not a receipt. */
  maxMeasuredHeightMm: 2_000,
} as const;

export interface DocumentLimits {
  readonly renderTimeoutMs: number;
  readonly maxHtmlBytes: number;
  readonly maxPdfBytes: number;
  readonly maxPages: number;
}

/**
 * Reports flow over as many pages as their rows need: a month's receipt register of a busy office
 * is several hundred A4 pages (about 30 receipts a page), a fiscal year's a few thousand. They get
 * their own, larger limits; every other document is a page or two and keeps RENDER_LIMITS.
 */
export const LONG_DOCUMENT_LIMITS: DocumentLimits = {
  renderTimeoutMs: 180_000,
  maxHtmlBytes: 64 * 1024 * 1024,
  maxPdfBytes: 160 * 1024 * 1024,
  maxPages: 5_000,
};
const LONG_DOCUMENT_KINDS: ReadonlySet<string> = new Set(['report']);

/** The limits a document of this kind renders under. */
export function limitsFor(kind: string): DocumentLimits {
  return LONG_DOCUMENT_KINDS.has(kind) ? LONG_DOCUMENT_LIMITS : RENDER_LIMITS;
}

export interface RenderedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/**
 * HTML → PDF. Two implementations: Debian/any Chromium through playwright-core (plain Node: CLI,
 * tests, browser shell) and Electron's own `webContents.printToPDF` (src-main/app).
 */
export interface PdfRenderer {
  renderPdf(document: DocumentHtml): Promise<RenderedPdf>;
  close(): Promise<void>;
}

export function checkHtmlSize(document: DocumentHtml): void {
  const bytes = Buffer.byteLength(document.html, 'utf8');
  const { maxHtmlBytes } = limitsFor(document.kind);
  if (bytes > maxHtmlBytes) throw new CodedError('TOO_LARGE', `${document.kind}: ${bytes} bytes of HTML, more than ${maxHtmlBytes}`);
}

/** Pages of a PDF as Chromium writes it (one `/Type /Page` object per page). */
export function countPdfPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

export function checkPdf(kind: string, bytes: Uint8Array): RenderedPdf {
  const { maxPdfBytes, maxPages } = limitsFor(kind);
  if (bytes.byteLength > maxPdfBytes) throw new CodedError('TOO_LARGE', `${kind}: the PDF is ${bytes.byteLength} bytes, more than ${maxPdfBytes}`);
  const pages = countPdfPages(bytes);
  if (pages < 1 || pages > maxPages) throw new CodedError('RENDER_FAILED', `${kind}: the PDF has ${pages} pages (at most ${maxPages})`);
  return { bytes, pages };
}

/** CSS px (96 per inch) → mm, rounded up to a tenth so nothing is cut. */
export function pxToMm(px: number): number {
  return Math.ceil(((px * 25.4) / 96) * 10) / 10;
}

/** Runs `work` only after every earlier call finished: one page, one render at a time. */
export function serialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

export async function withTimeout<T>(what: string, timeoutMs: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CodedError('TIMEOUT', `${what} took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

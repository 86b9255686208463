import type Database from 'better-sqlite3';
import { renderBillSlip } from './bill-slip';
import { loadBillSlip, loadReceipt, loadRequestForm } from './document-data';
import type { DocumentHtml, PaperSize } from './html';
import { archiveCopies, renderReceipt, renderReceiptDay } from './receipt';
import { CodedError } from '../../src-shared/result';
import { parseBusinessDate } from '../../src-shared/dates';
import { renderRequestForm } from './request-form';
import { RENDER_LIMITS, type PdfRenderer, type RenderedPdf } from './renderer';

/** Which document, of which ledger record. */
export type DocumentTarget =
  | { readonly kind: 'bill'; readonly ref1: string }
  | { readonly kind: 'request'; readonly ref1: string }
  | { readonly kind: 'receipt'; readonly book: string; readonly number: number; readonly paper?: PaperSize };

/**
 * The document of a ledger record as it stands now: a reprinted receipt shows its newest
 * สำเนา-พิมพ์ซ้ำ, a cancelled one ยกเลิก (cli.md `print`). Reads only; not a print event.
 */
export async function archiveDocument(sqlite: Database.Database, target: DocumentTarget): Promise<DocumentHtml> {
  switch (target.kind) {
    case 'bill':
      return renderBillSlip(loadBillSlip(sqlite, target.ref1));
    case 'request':
      return renderRequestForm(loadRequestForm(sqlite, target.ref1));
    case 'receipt': {
      const data = loadReceipt(sqlite, target.book, target.number);
      return renderReceipt(data, { paper: target.paper ?? 'A4', copies: archiveCopies(data) });
    }
  }
}

export async function archivePdf(sqlite: Database.Database, renderer: PdfRenderer, target: DocumentTarget): Promise<RenderedPdf> {
  return renderer.renderPdf(await archiveDocument(sqlite, target));
}

/** One page per receipt and one PDF per day: a day may hold at most as many receipts as a PDF has pages. */
export const MAX_RECEIPTS_PER_DAY_ARCHIVE = RENDER_LIMITS.maxPages;

export interface DayArchive {
  readonly pdf: RenderedPdf;
  readonly receipts: readonly { readonly book: string; readonly number: number }[];
}

/**
 * Every receipt issued on a business date (electronic and keyed paper ones, by book and number) as
 * one PDF: each re-rendered from the ledger as issued, marked as it stands now (ยกเลิก with its
 * reason, reprint count). Reads only; not a print event.
 */
export async function archiveDayPdf(sqlite: Database.Database, renderer: PdfRenderer, businessDate: string): Promise<DayArchive> {
  if (!parseBusinessDate(businessDate).ok) throw new CodedError('BAD_INPUT', `date: ${businessDate.slice(0, 32)} is not a date (YYYY-MM-DD)`);
  const receipts = sqlite.prepare('SELECT book, number FROM receipts WHERE business_date = ? ORDER BY book, number').all(businessDate) as { book: string; number: number }[];
  if (receipts.length === 0) throw new CodedError('NOT_FOUND', `No receipts were issued on ${businessDate}`);
  if (receipts.length > MAX_RECEIPTS_PER_DAY_ARCHIVE) {
    throw new CodedError('TOO_LARGE', `${receipts.length} receipts on ${businessDate}: one archive file holds at most ${MAX_RECEIPTS_PER_DAY_ARCHIVE}`);
  }
  const data = receipts.map((r) => loadReceipt(sqlite, r.book, r.number));
  const pdf = await renderer.renderPdf(renderReceiptDay(data, businessDate));
  if (pdf.pages !== receipts.length) throw new CodedError('RENDER_FAILED', `the day's archive has ${pdf.pages} pages for ${receipts.length} receipts`);
  return { pdf, receipts };
}

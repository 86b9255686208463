import type Database from 'better-sqlite3';
import { renderBillSlip } from './bill-slip';
import { loadBillSlip, loadReceipt, loadRequestForm } from './document-data';
import type { DocumentHtml, PaperSize } from './html';
import { archiveCopies, renderReceipt } from './receipt';
import { renderRequestForm } from './request-form';
import type { PdfRenderer, RenderedPdf } from './renderer';

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

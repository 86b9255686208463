import { CodedError, strictAssert } from '../../src-shared/result';
import { renderBillSlip } from '../documents/bill-slip';
import { loadBillSlip, loadReceipt, loadRequestForm } from '../documents/document-data';
import type { DocumentHtml, PaperSize } from '../documents/html';
import { renderReceipt } from '../documents/receipt';
import { renderRequestForm } from '../documents/request-form';
import { renderTestPage } from '../documents/test-page';
import { readOfficeHeader } from '../documents/document-data';
import type { PdfRenderer } from '../documents/renderer';
import type { LedgerDeps } from '../ledger/action';
import { requireBill } from '../ledger/bills';
import { recordOriginalPrint, recordReprint, requireReceipt, type SupervisedChange } from '../ledger/receipts';
import { newId } from '../platform/ids';
import type { AdapterKind, PrintAdapter } from './adapters';
import { printerFor, type PrintDocumentKind, type PrinterSetting } from './settings';
import { businessDateOf } from '../../src-shared/dates';

export type PrintJobState = 'queued' | 'sent' | 'failed' | 'confirmed';
export type PrintPurpose = 'original' | 'reprint' | 'document';

export interface PrintJob {
  readonly id: string;
  readonly documentKind: PrintDocumentKind;
  readonly receiptId: string | null;
  readonly ref1: string | null;
  readonly purpose: PrintPurpose;
  readonly copyNo: number | null;
  readonly adapter: AdapterKind;
  readonly deviceName: string | null;
  readonly paper: PaperSize;
  readonly state: PrintJobState;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

/** The most attempts one job may make; after that it stays failed for a supervisor to look at. */
export const MAX_PRINT_ATTEMPTS = 10;
/** Jobs listed at most per call. */
export const MAX_LISTED_JOBS = 200;

export interface PrintDeps {
  readonly ledger: LedgerDeps;
  readonly renderer: PdfRenderer;
  readonly adapters: Readonly<Partial<Record<AdapterKind, PrintAdapter>>>;
}

const JOB_SQL = `SELECT id, document_kind AS documentKind, receipt_id AS receiptId, ref1, purpose, copy_no AS copyNo, adapter, device_name AS deviceName,
  paper, state, attempts, last_error AS lastError, created_at_ms AS createdAtMs, updated_at_ms AS updatedAtMs FROM print_jobs`;

export function findJob(deps: PrintDeps, jobId: string): PrintJob | undefined {
  return deps.ledger.sqlite.prepare(`${JOB_SQL} WHERE id = ?`).get(jobId) as PrintJob | undefined;
}

function requireJob(deps: PrintDeps, jobId: string): PrintJob {
  const job = findJob(deps, jobId);
  if (job === undefined) throw new CodedError('NOT_FOUND', `No print job ${jobId}`);
  return job;
}

export function listJobs(deps: PrintDeps, states: readonly PrintJobState[] = ['queued', 'sent', 'failed']): PrintJob[] {
  const marks = states.map(() => '?').join(',');
  return deps.ledger.sqlite.prepare(`${JOB_SQL} WHERE state IN (${marks}) ORDER BY created_at_ms, id LIMIT ${MAX_LISTED_JOBS}`).all(...states) as PrintJob[];
}

function insertJob(deps: PrintDeps, userId: string, job: { documentKind: PrintDocumentKind; receiptId: string | null; ref1: string | null; purpose: PrintPurpose; copyNo: number | null }): PrintJob {
  const setting = printerFor(deps.ledger.sqlite, job.documentKind);
  const nowMs = deps.ledger.clock.nowMs();
  const id = newId(deps.ledger.clock);
  deps.ledger.sqlite
    .prepare(
      `INSERT INTO print_jobs (id, document_kind, receipt_id, ref1, purpose, copy_no, adapter, device_name, paper, state, attempts, created_by_user_id, created_at_ms, updated_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)`,
    )
    .run(id, job.documentKind, job.receiptId, job.ref1, job.purpose, job.copyNo, setting.adapter, setting.deviceName, setting.paper, userId, nowMs, nowMs);
  return requireJob(deps, id);
}

async function documentOf(deps: PrintDeps, job: PrintJob): Promise<DocumentHtml> {
  const sqlite = deps.ledger.sqlite;
  switch (job.documentKind) {
    case 'bill-slip':
      strictAssert(job.ref1 !== null, 'a slip job has a Ref1');
      return renderBillSlip(loadBillSlip(sqlite, job.ref1));
    case 'request-form':
      strictAssert(job.ref1 !== null, 'a form job has a Ref1');
      return renderRequestForm(loadRequestForm(sqlite, job.ref1));
    case 'receipt': {
      strictAssert(job.receiptId !== null, 'a receipt job has a receipt');
      const ref = sqlite.prepare('SELECT book, number FROM receipts WHERE id = ?').get(job.receiptId) as { book: string; number: number };
      const data = loadReceipt(sqlite, ref.book, ref.number);
      if (job.purpose === 'original') return renderReceipt(data, { paper: job.paper, copies: { kind: 'original-and-copy' } });
      strictAssert(job.copyNo !== null, 'a reprint job has its copy number');
      const event = sqlite.prepare(`SELECT at_ms AS atMs FROM receipt_events WHERE receipt_id = ? AND kind = 'reprinted' AND copy_no = ?`).get(job.receiptId, job.copyNo) as { atMs: number };
      return renderReceipt(data, { paper: job.paper, copies: { kind: 'reprint', copyNo: job.copyNo, atMs: event.atMs } });
    }
  }
}

function setState(deps: PrintDeps, jobId: string, state: PrintJobState, lastError: string | null, attempted: boolean): PrintJob {
  deps.ledger.sqlite
    .prepare('UPDATE print_jobs SET state = ?, last_error = ?, attempts = attempts + ?, updated_at_ms = ? WHERE id = ?')
    .run(state, lastError, attempted ? 1 : 0, deps.ledger.clock.nowMs(), jobId);
  return requireJob(deps, jobId);
}

/**
 * One attempt: render, hand to the adapter, record sent or failed. A failure never loses the job
 * and never throws: the job is returned failed with the reason, to be retried as the same print.
 */
async function attempt(deps: PrintDeps, job: PrintJob, userId: string): Promise<PrintJob> {
  if (job.attempts >= MAX_PRINT_ATTEMPTS) throw new CodedError('PRINT_JOB_STATE', `Print job ${job.id} has failed ${job.attempts} times; check the printer and start a new job`);
  if (job.purpose === 'original' && job.receiptId !== null) {
    const ref = deps.ledger.sqlite.prepare('SELECT book, number FROM receipts WHERE id = ?').get(job.receiptId) as { book: string; number: number };
    // Handed to the printer = printed (ledger/receipts.ts); refused (cancelled meanwhile) = nothing sent.
    if (!requireReceipt(deps.ledger.sqlite, ref.book, ref.number).isPrinted) recordOriginalPrint(deps.ledger, userId, ref.book, ref.number);
  }
  try {
    const document = await documentOf(deps, job);
    const adapter = deps.adapters[job.adapter];
    if (adapter === undefined) throw new CodedError('PRINTER_UNAVAILABLE', `No ${job.adapter} printer on this machine`);
    const pdf = await deps.renderer.renderPdf(document);
    await adapter.send({ jobId: job.id, title: `${job.documentKind} ${job.ref1 ?? job.receiptId ?? ''}`, document, pdf, deviceName: job.deviceName });
    return setState(deps, job.id, 'sent', null, true);
  } catch (error) {
    const code: string = error instanceof CodedError ? String(error.code) : 'PRINT_FAILED';
    return setState(deps, job.id, 'failed', `${code}: ${(error as Error).message}`.slice(0, 500), true);
  }
}

/**
 * The operator's one print of a receipt (seed 001 §3.1.5). The first call records the ledger's
 * `printed` event and makes the receipt's only original job; until an operator confirms that job,
 * calling again retries that same job (the same original, no new ledger entry). After
 * confirmation a further print is a supervisor's reprint.
 */
export async function printReceiptOriginal(deps: PrintDeps, userId: string, book: string, number: number): Promise<PrintJob> {
  const sqlite = deps.ledger.sqlite;
  const receipt = requireReceipt(sqlite, book, number);
  const existing = sqlite.prepare(`${JOB_SQL} WHERE receipt_id = ? AND purpose = 'original'`).get(receipt.receiptId) as PrintJob | undefined;
  if (existing !== undefined) return retryJob(deps, userId, existing.id);
  if (receipt.isCancelled) throw new CodedError('ALREADY_CANCELLED', `Receipt ${book}/${number} is cancelled; it is not printed as an original`);
  if (receipt.isPrinted) throw new CodedError('ALREADY_PRINTED', `Receipt ${book}/${number} was already printed; a copy needs a supervisor's reprint`);
  // The job is saved first (the unique index allows one original job per receipt); its first
  // attempt records the ledger's `printed` event. A crash between the two leaves a queued job
  // whose retry records the event: the ledger and the queue never disagree for long.
  const job = insertJob(deps, userId, { documentKind: 'receipt', receiptId: receipt.receiptId, ref1: receipt.ref1, purpose: 'original', copyNo: null });
  return attempt(deps, job, userId);
}

/** A supervisor's copy (สำเนา-พิมพ์ซ้ำ): the ledger's reprint event, then a job numbered as it. */
export async function printReceiptReprint(deps: PrintDeps, userId: string, book: string, number: number, change: SupervisedChange): Promise<PrintJob> {
  const { receipt, copyNo } = recordReprint(deps.ledger, userId, book, number, change);
  const job = insertJob(deps, userId, { documentKind: 'receipt', receiptId: receipt.receiptId, ref1: receipt.ref1, purpose: 'reprint', copyNo });
  return attempt(deps, job, userId);
}

/**
 * The copy of a reprint a supervisor already approved (`receipt.reprint` recorded the ledger's
 * `reprinted` event with its copy number): one job per copy, retried as the same copy until confirmed.
 */
export async function printReprintCopy(deps: PrintDeps, userId: string, book: string, number: number, copyNo: number): Promise<PrintJob> {
  const sqlite = deps.ledger.sqlite;
  const receipt = requireReceipt(sqlite, book, number);
  const existing = sqlite.prepare(`${JOB_SQL} WHERE receipt_id = ? AND purpose = 'reprint' AND copy_no = ?`).get(receipt.receiptId, copyNo) as PrintJob | undefined;
  if (existing !== undefined) {
    if (existing.state === 'confirmed') throw new CodedError('PRINT_JOB_STATE', `Copy ${copyNo} of receipt ${book}/${number} was printed and confirmed; another copy needs a new reprint approval`);
    return retryJob(deps, userId, existing.id);
  }
  const event = sqlite.prepare(`SELECT 1 AS found FROM receipt_events WHERE receipt_id = ? AND kind = 'reprinted' AND copy_no = ?`).get(receipt.receiptId, copyNo);
  if (event === undefined) throw new CodedError('NOT_FOUND', `Receipt ${book}/${number} has no approved reprint ${copyNo}; a supervisor approves it with receipt.reprint first`);
  const job = insertJob(deps, userId, { documentKind: 'receipt', receiptId: receipt.receiptId, ref1: receipt.ref1, purpose: 'reprint', copyNo });
  return attempt(deps, job, userId);
}

/** A bill payment slip or a request form: no ledger event, any number of prints. */
export async function printBillDocument(deps: PrintDeps, userId: string, documentKind: 'bill-slip' | 'request-form', ref1: string): Promise<PrintJob> {
  requireBill(deps.ledger.sqlite, ref1);
  return attempt(deps, insertJob(deps, userId, { documentKind, receiptId: null, ref1, purpose: 'document', copyNo: null }), userId);
}

/** Tries a job again as the same print (same original, same copy number) until it is confirmed. */
export async function retryJob(deps: PrintDeps, userId: string, jobId: string): Promise<PrintJob> {
  const job = requireJob(deps, jobId);
  if (job.state === 'confirmed') {
    if (job.purpose === 'original') throw new CodedError('ALREADY_PRINTED', 'The original was printed and confirmed; a copy needs a supervisor\'s reprint');
    throw new CodedError('PRINT_JOB_STATE', `Print job ${jobId} is confirmed; start a new print`);
  }
  return attempt(deps, job, userId);
}

/** The operator saw the paper come out right. Only a sent job can be confirmed. */
export function confirmJob(deps: PrintDeps, userId: string, jobId: string): PrintJob {
  const job = requireJob(deps, jobId);
  if (job.state !== 'sent') throw new CodedError('PRINT_JOB_STATE', `Print job ${jobId} is ${job.state}; only a sent job can be confirmed`);
  deps.ledger.sqlite
    .prepare("UPDATE print_jobs SET state = 'confirmed', confirmed_by_user_id = ?, confirmed_at_ms = ?, updated_at_ms = ? WHERE id = ? AND state = 'sent'")
    .run(userId, deps.ledger.clock.nowMs(), deps.ledger.clock.nowMs(), jobId);
  return requireJob(deps, jobId);
}

/** The operator saw the paper jam or come out unreadable: the job goes back to failed, to retry. */
export function reportFailed(deps: PrintDeps, jobId: string, reason: string): PrintJob {
  const job = requireJob(deps, jobId);
  if (job.state !== 'sent') throw new CodedError('PRINT_JOB_STATE', `Print job ${jobId} is ${job.state}; only a sent job can be reported as failed`);
  return setState(deps, jobId, 'failed', `reported by the operator: ${reason}`.slice(0, 500), false);
}

/**
 * A printer test page of one document kind on its configured printer and paper: sample data marked
 * ตัวอย่าง / TEST, no job row and no ledger entry. A failure is thrown as its code.
 */
export async function printTestPage(deps: PrintDeps, documentKind: PrintDocumentKind): Promise<PrinterSetting & { pages: number }> {
  const setting = printerFor(deps.ledger.sqlite, documentKind);
  const adapter = deps.adapters[setting.adapter];
  if (adapter === undefined) throw new CodedError('PRINTER_UNAVAILABLE', `No ${setting.adapter} printer on this machine`);
  const nowMs = deps.ledger.clock.nowMs();
  const document = await renderTestPage(documentKind, readOfficeHeader(deps.ledger.sqlite), setting.paper, businessDateOf(nowMs), nowMs);
  const pdf = await deps.renderer.renderPdf(document);
  await adapter.send({ jobId: `test-page-${newId(deps.ledger.clock)}`, title: `test page ${documentKind}`, document, pdf, deviceName: setting.deviceName });
  return { ...setting, pages: pdf.pages };
}

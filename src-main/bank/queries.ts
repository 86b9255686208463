import type Database from 'better-sqlite3';
import type { BankExceptionKind } from '../../src-shared/domain/bank';

/** Rows a list returns at most (style.md §14). */
export const MAX_LIST_ROWS = 500;

export interface BankFileSummary {
  readonly fileId: string;
  readonly sha256: string;
  readonly format: string;
  readonly byteCount: number;
  readonly bankCode: string | null;
  readonly companyAccount: string | null;
  readonly effectiveDate: string | null;
  readonly lines: number;
  readonly matched: number;
  readonly exceptions: number;
  readonly duplicates: number;
  readonly forwarded: number;
  readonly creditTotalSatang: number;
  readonly importedByUserId: string | null;
  readonly importedAtMs: number;
}

/** Imported files, newest first (the raw bytes stay in the table; they are not sent to the UI). */
export function listBankFiles(sqlite: Database.Database, limit = MAX_LIST_ROWS): BankFileSummary[] {
  return sqlite
    .prepare(
      `SELECT id AS fileId, sha256, format, byte_count AS byteCount, bank_code AS bankCode, company_account AS companyAccount,
              effective_date AS effectiveDate, line_count AS lines, matched_count AS matched, exception_count AS exceptions,
              duplicate_count AS duplicates, forwarded_count AS forwarded, credit_total_satang AS creditTotalSatang, imported_by_user_id AS importedByUserId,
              imported_at_ms AS importedAtMs
       FROM bank_files ORDER BY imported_at_ms DESC, id DESC LIMIT ?`,
    )
    .all(Math.min(limit, MAX_LIST_ROWS)) as BankFileSummary[];
}

export interface BankExceptionSummary {
  readonly exceptionId: string;
  readonly kind: BankExceptionKind;
  readonly detail: string;
  readonly fileId: string;
  readonly lineNo: number;
  readonly paymentDate: string;
  readonly paymentTime: string;
  readonly ref1: string;
  readonly ref2: string;
  readonly customerName: string;
  readonly amountSatang: number;
  readonly isClosed: boolean;
  readonly resolutions: number;
}

/** Exceptions, oldest first; `openOnly` leaves out those matched by hand or sent for a refund. */
export function listBankExceptions(sqlite: Database.Database, options: { openOnly: boolean; fileId?: string | undefined }): BankExceptionSummary[] {
  const rows = sqlite
    .prepare(
      `SELECT x.id AS exceptionId, x.kind, x.detail, p.file_id AS fileId, p.line_no AS lineNo, p.payment_date AS paymentDate,
              p.payment_time AS paymentTime, p.ref1, p.ref2, p.customer_name AS customerName, p.amount_satang AS amountSatang,
              EXISTS (SELECT 1 FROM bank_exception_resolutions r WHERE r.exception_id = x.id AND r.action IN ('match-by-hand','refund-request')) AS isClosed,
              (SELECT count(*) FROM bank_exception_resolutions r WHERE r.exception_id = x.id) AS resolutions
       FROM bank_exceptions x JOIN bank_payments p ON p.id = x.payment_id
       WHERE (@fileId IS NULL OR p.file_id = @fileId)
         AND (@openOnly = 0 OR NOT EXISTS (SELECT 1 FROM bank_exception_resolutions r WHERE r.exception_id = x.id AND r.action IN ('match-by-hand','refund-request')))
       ORDER BY x.at_ms, p.line_no LIMIT @limit`,
    )
    .all({ fileId: options.fileId ?? null, openOnly: options.openOnly ? 1 : 0, limit: MAX_LIST_ROWS }) as (Omit<BankExceptionSummary, 'isClosed'> & { isClosed: number })[];
  return rows.map((row) => ({ ...row, isClosed: row.isClosed === 1 }));
}

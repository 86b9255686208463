import { createHash } from 'node:crypto';
import { bangkokInstantMs, type BusinessDate } from '../../src-shared/dates';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/open';
import type { LedgerDeps } from '../ledger/action';
import { recordPaymentConfirmation } from '../ledger/payments';
import { prepared } from '../ledger/statements';
import { newId } from '../platform/ids';
import { matchLine, type LineVerdict } from './match';
import { parseBankFile, type BankFileFormatChoice } from './parse';
import type { BankPaymentLine, ParsedBankFile } from './records';

export interface BankDeps extends LedgerDeps {
  readonly db: Db;
}

export interface ImportOutcome {
  readonly fileId: string;
  readonly sha256: string;
  readonly format: ParsedBankFile['format'];
  readonly lines: number;
  readonly matched: number;
  readonly exceptions: number;
  readonly duplicates: number;
  /** The very same bytes were imported before: nothing was written, every line is a duplicate. */
  readonly isSameFileAgain: boolean;
}

/** The composite identity of a bank payment (issue 9), without the occurrence. */
export function paymentKey(line: BankPaymentLine): string {
  return [line.bankCode, line.companyAccount, line.paymentDate, line.paymentTime, line.ref1, line.ref2, line.amountSatang, line.branchNo, line.tellerNo, line.kind].join('|');
}

/** Epoch ms of the bank's payment date and time (Bangkok wall clock). */
export function paidAtMsOf(line: BankPaymentLine): number {
  const [h, m, s] = line.paymentTime.split(':').map(Number) as [number, number, number];
  return bangkokInstantMs(line.paymentDate as BusinessDate, h * 60 + m) + s * 1000;
}

/** What `payment_confirmations.bank_reference` says about a bank line: account, when, branch/teller, occurrence. */
export function bankReferenceOf(line: BankPaymentLine, occurrence: number): string {
  return `${line.companyAccount}-${line.paymentDate.replaceAll('-', '')}${line.paymentTime.replaceAll(':', '')}-${line.branchNo}${line.tellerNo}-${occurrence}`;
}

interface PlannedLine {
  readonly line: BankPaymentLine;
  readonly occurrence: number;
  readonly verdict: LineVerdict | 'duplicate';
}

const EXISTING_SQL = `SELECT 1 FROM bank_payments WHERE bank_code = ? AND company_account = ? AND payment_date = ? AND payment_time = ?
  AND ref1 = ? AND ref2 = ? AND amount_satang = ? AND branch_no = ? AND teller_no = ? AND kind = ? AND occurrence = ?`;

function officePlace(deps: BankDeps): string {
  const row = prepared(deps.sqlite, `SELECT place FROM office WHERE id = 1`).get() as { place: string } | undefined;
  if (row === undefined) throw new Error('bank import reached without an office (the dispatcher refuses NOT_SET_UP first)');
  return row.place;
}

function plan(deps: BankDeps, parsed: ParsedBankFile): PlannedLine[] {
  const place = officePlace(deps);
  const occurrences = new Map<string, number>();
  const matchedInFile = new Set<string>();
  const existing = prepared(deps.sqlite, EXISTING_SQL);
  return parsed.lines.map((line) => {
    const key = paymentKey(line);
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    const seen = existing.get(line.bankCode, line.companyAccount, line.paymentDate, line.paymentTime, line.ref1, line.ref2, line.amountSatang, line.branchNo, line.tellerNo, line.kind, occurrence);
    if (seen !== undefined) return { line, occurrence, verdict: 'duplicate' };
    const verdict = matchLine(deps.sqlite, place, line, matchedInFile);
    if (verdict.outcome === 'matched') matchedInFile.add(verdict.bill.billId);
    return { line, occurrence, verdict };
  });
}

/**
 * Imports one bank file (issue 9): a broken file is refused whole before anything is written
 * (BankFileError). A well-formed file is imported in ONE `BEGIN IMMEDIATE` transaction: the
 * archived file, every new payment, its ledger confirmation (`runLedgerAction` nests as a
 * savepoint) or its exception, and the audit row; any throw rolls all of it back. Lines already
 * known by their composite key are counted as duplicates and change nothing; the same bytes again
 * change nothing at all.
 */
export function importBankFile(deps: BankDeps, userId: string | null, bytes: Uint8Array, format: BankFileFormatChoice = 'auto'): ImportOutcome {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const parsed = parseBankFile(bytes, format);
  const run = deps.sqlite.transaction((): ImportOutcome => {
    const again = prepared(deps.sqlite, `SELECT id FROM bank_files WHERE sha256 = ?`).get(sha256) as { id: string } | undefined;
    const lines = parsed.lines.length;
    if (again !== undefined) return { fileId: again.id, sha256, format: parsed.format, lines, matched: 0, exceptions: 0, duplicates: lines, isSameFileAgain: true };
    const planned = plan(deps, parsed);
    const matched = planned.filter((p) => p.verdict !== 'duplicate' && p.verdict.outcome === 'matched').length;
    const duplicates = planned.filter((p) => p.verdict === 'duplicate').length;
    const exceptions = lines - matched - duplicates;
    const atMs = deps.clock.nowMs();
    const fileId = newId(deps.clock);
    prepared(
      deps.sqlite,
      `INSERT INTO bank_files (id, sha256, format, layout_id, byte_count, content, bank_code, company_account, effective_date, line_count, matched_count, exception_count, duplicate_count, credit_total_satang, imported_by_user_id, imported_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(fileId, sha256, parsed.format, parsed.layoutId, bytes.length, Buffer.from(bytes), parsed.bankCode, parsed.companyAccount, parsed.effectiveDate, lines, matched, exceptions, duplicates, parsed.creditTotalSatang, userId, atMs);
    for (const item of planned) {
      if (item.verdict !== 'duplicate') writePayment(deps, userId, fileId, item.line, item.occurrence, item.verdict, atMs);
    }
    recordAudit(deps.db, deps.clock, {
      userId,
      username: null,
      channel: 'system',
      action: 'bank.file.imported',
      outcome: 'ok',
      detail: { fileId, sha256, format: parsed.format, lines, matched, exceptions, duplicates },
    });
    return { fileId, sha256, format: parsed.format, lines, matched, exceptions, duplicates, isSameFileAgain: false };
  });
  return run.immediate();
}

function writePayment(deps: BankDeps, userId: string | null, fileId: string, line: BankPaymentLine, occurrence: number, verdict: LineVerdict, atMs: number): void {
  const paidAtMs = paidAtMsOf(line);
  const confirmationId =
    verdict.outcome === 'matched'
      ? recordPaymentConfirmation(deps, userId, {
          ref1: line.ref1,
          source: 'bank-file',
          bankCode: line.bankCode,
          paidAtMs,
          bankReference: bankReferenceOf(line, occurrence),
          amountSatang: line.amountSatang,
        })
      : null;
  const paymentId = newId(deps.clock);
  const billId = verdict.outcome === 'matched' ? verdict.bill.billId : verdict.billId;
  prepared(
    deps.sqlite,
    `INSERT INTO bank_payments (id, file_id, line_no, sequence_no, bank_code, company_account, payment_date, payment_time, paid_at_ms, ref1, ref2, ref3, customer_name,
       branch_no, teller_no, kind, transaction_code, amount_satang, occurrence, outcome, bill_id, confirmation_id, at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    paymentId,
    fileId,
    line.lineNo,
    line.sequenceNo,
    line.bankCode,
    line.companyAccount,
    line.paymentDate,
    line.paymentTime,
    paidAtMs,
    line.ref1,
    line.ref2,
    line.ref3,
    line.customerName,
    line.branchNo,
    line.tellerNo,
    line.kind,
    line.transactionCode,
    line.amountSatang,
    occurrence,
    verdict.outcome,
    billId,
    confirmationId,
    atMs,
  );
  if (verdict.outcome === 'exception') {
    prepared(deps.sqlite, `INSERT INTO bank_exceptions (id, payment_id, kind, bill_id, detail, at_ms) VALUES (?, ?, ?, ?, ?, ?)`).run(
      newId(deps.clock),
      paymentId,
      verdict.kind,
      verdict.billId,
      verdict.detail,
      atMs,
    );
  }
}

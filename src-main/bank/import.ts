import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { bangkokInstantMs, type BusinessDate } from '../../src-shared/dates';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/open';
import type { LedgerDeps } from '../ledger/action';
import { findBills } from '../ledger/bills';
import { recordPaymentConfirmations } from '../ledger/payments';
import { prepared } from '../ledger/statements';
import { idSequence, newId } from '../platform/ids';
import { officeKindOf } from '../office/office-kind';
import { forwardPlaceOf, matchLine, type ImportingOffice, type LineVerdict } from './match';
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
  /** Lines of another office of the province (a provincial office's import), queued for central (issue 11). */
  readonly forwarded: number;
  /** The very same bytes were imported before: nothing was written, every line is a duplicate. */
  readonly isSameFileAgain: boolean;
}

/**
 * Between the fields of a key: U+001F, a control character, which the parsers refuse in every
 * field (records.ts badCharacterAt), so two different payments never make the same key text.
 */
const SEP = '\u001f';

/** The composite identity of a bank payment (issue 9), without the occurrence, as one text. */
export function paymentKey(line: BankPaymentLine): string {
  return `${line.bankCode}${SEP}${line.companyAccount}${SEP}${line.paymentDate}${SEP}${line.paymentTime}${SEP}${line.ref1}${SEP}${line.ref2}${SEP}${line.amountSatang}${SEP}${line.branchNo}${SEP}${line.tellerNo}${SEP}${line.kind}`;
}

/** The last payment date seen and its Bangkok midnight: a file's lines share a few dates. */
let midnightCache = { date: '', ms: 0 };

/** Epoch ms of the bank's payment date and time (Bangkok wall clock, a fixed UTC+7: midnight + the time of day). */
export function paidAtMsOf(line: BankPaymentLine): number {
  if (line.paymentDate !== midnightCache.date) midnightCache = { date: line.paymentDate, ms: bangkokInstantMs(line.paymentDate as BusinessDate, 0) };
  const t = line.paymentTime;
  // HH:MM:SS, validated by the parser: read from the digits without split/map.
  const seconds = Number(t.slice(0, 2)) * 3600 + Number(t.slice(3, 5)) * 60 + Number(t.slice(6, 8));
  return midnightCache.ms + seconds * 1000;
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

/**
 * The file's (bank, account, payment date)s on which some payment is already stored: only a line
 * of one of those days can be a duplicate (they are the first three columns of the unique index
 * bank_payments_identity, so each day is one index probe). A fresh download skips the per-line
 * lookup entirely; a re-import or an overlap looks its lines up one by one, as before.
 */
function daysWithStoredPayments(deps: BankDeps, lines: readonly BankPaymentLine[]): Set<string> {
  const probe = prepared(deps.sqlite, `SELECT 1 FROM bank_payments WHERE bank_code = ? AND company_account = ? AND payment_date = ? LIMIT 1`);
  const seen = new Map<string, boolean>();
  for (const line of lines) {
    const day = dayOf(line);
    if (!seen.has(day)) seen.set(day, probe.get(line.bankCode, line.companyAccount, line.paymentDate) !== undefined);
  }
  return new Set([...seen].filter(([, stored]) => stored).map(([day]) => day));
}

const dayOf = (line: BankPaymentLine): string => `${line.bankCode}${SEP}${line.companyAccount}${SEP}${line.paymentDate}`;

const EXISTING_SQL = `SELECT 1 FROM bank_payments WHERE bank_code = ? AND company_account = ? AND payment_date = ? AND payment_time = ?
  AND ref1 = ? AND ref2 = ? AND amount_satang = ? AND branch_no = ? AND teller_no = ? AND kind = ? AND occurrence = ?`;

function importingOffice(deps: BankDeps): ImportingOffice {
  const row = prepared(deps.sqlite, `SELECT place FROM office WHERE id = 1`).get() as { place: string } | undefined;
  if (row === undefined) throw new Error('bank import reached without an office (the dispatcher refuses NOT_SET_UP first)');
  return { place: row.place, kind: officeKindOf(deps.sqlite) };
}

/**
 * The bank reference a forwarded line carries in central's feed (its key with the bank code, issue 11):
 * the bank's payment instant (digits, checked by the parser), then 25 hex digits of SHA-256 over the
 * line's whole identity (the composite key and its occurrence), so two payments of one second at
 * one counter (KTB writes 0000/0000) stay two, and the same payment imported again makes the same
 * reference. 40 characters of `[0-9a-f-]`, inside the feed's pattern whatever the branch and
 * teller fields hold (free text in the layout: a blank or a letter there must not make central
 * refuse the batch).
 */
export function forwardReferenceOf(line: BankPaymentLine, occurrence: number): string {
  const digest = createHash('sha256').update(`${paymentKey(line)}${SEP}${occurrence}`).digest('hex').slice(0, 25);
  return `${line.paymentDate.replaceAll('-', '')}${line.paymentTime.replaceAll(':', '')}-${digest}`;
}

/**
 * Every line's verdict, read before anything is written: duplicate (its key and occurrence are
 * stored), matched or an exception. Duplicates are looked up only on days that have stored
 * payments; the bills of all Ref1s come from one query (findBills); a bill's confirmations only
 * for the lines that found a bill.
 */
function plan(deps: BankDeps, parsed: ParsedBankFile): PlannedLine[] {
  const office = importingOffice(deps);
  const occurrences = new Map<string, number>();
  const matchedInFile = new Set<string>();
  const storedDays = daysWithStoredPayments(deps, parsed.lines);
  const existing = prepared(deps.sqlite, EXISTING_SQL);
  const keyed = parsed.lines.map((line) => {
    const key = paymentKey(line);
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    const isDuplicate =
      storedDays.has(dayOf(line)) &&
      existing.get(line.bankCode, line.companyAccount, line.paymentDate, line.paymentTime, line.ref1, line.ref2, line.amountSatang, line.branchNo, line.tellerNo, line.kind, occurrence) !== undefined;
    return { line, occurrence, isDuplicate };
  });
  const ref1s = new Set<string>();
  for (const k of keyed) if (!k.isDuplicate && k.line.kind === 'C') ref1s.add(k.line.ref1);
  const bills = findBills(deps.sqlite, ref1s);
  return keyed.map(({ line, occurrence, isDuplicate }): PlannedLine => {
    if (isDuplicate) return { line, occurrence, verdict: 'duplicate' };
    const forwardTo = forwardPlaceOf(office, line);
    if (forwardTo !== null) return { line, occurrence, verdict: { outcome: 'forwarded', place: forwardTo } };
    const verdict = matchLine(deps.sqlite, office.place, line, matchedInFile, (ref1) => bills.get(ref1));
    if (verdict.outcome === 'matched') matchedInFile.add(verdict.bill.billId);
    return { line, occurrence, verdict };
  });
}

/**
 * Imports one bank file (issue 9): a broken file is refused whole before anything is written
 * (BankFileError). A well-formed file is imported in ONE `BEGIN IMMEDIATE` transaction: the
 * archived file, every new payment, its ledger confirmation (one `payment.confirmed` entry each,
 * `recordPaymentConfirmations`: one savepoint for them all) or its exception, and the audit row;
 * any throw rolls all of it back. Lines already
 * known by their composite key are counted as duplicates and change nothing; the same bytes again
 * change nothing at all.
 */
export function importBankFile(deps: BankDeps, userId: string | null, bytes: Uint8Array, format: BankFileFormatChoice = 'auto'): ImportOutcome {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const parsed = parseBankFile(bytes, format);
  const run = deps.sqlite.transaction((): ImportOutcome => {
    const again = prepared(deps.sqlite, `SELECT id FROM bank_files WHERE sha256 = ?`).get(sha256) as { id: string } | undefined;
    const lines = parsed.lines.length;
    if (again !== undefined) return { fileId: again.id, sha256, format: parsed.format, lines, matched: 0, exceptions: 0, duplicates: lines, forwarded: 0, isSameFileAgain: true };
    const planned = plan(deps, parsed);
    const matched = planned.filter((p) => p.verdict !== 'duplicate' && p.verdict.outcome === 'matched').length;
    const duplicates = planned.filter((p) => p.verdict === 'duplicate').length;
    const forwarded = planned.filter((p) => p.verdict !== 'duplicate' && p.verdict.outcome === 'forwarded').length;
    const exceptions = lines - matched - duplicates - forwarded;
    const atMs = deps.clock.nowMs();
    const fileId = newId(deps.clock);
    prepared(
      deps.sqlite,
      `INSERT INTO bank_files (id, sha256, format, layout_id, byte_count, content, bank_code, company_account, effective_date, line_count, matched_count, exception_count, duplicate_count, forwarded_count, credit_total_satang, imported_by_user_id, imported_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(fileId, sha256, parsed.format, parsed.layoutId, bytes.length, Buffer.from(bytes), parsed.bankCode, parsed.companyAccount, parsed.effectiveDate, lines, matched, exceptions, duplicates, forwarded, parsed.creditTotalSatang, userId, atMs);
    // The confirmations first, in file order, as one batch of ledger actions (one entry each, the
    // same chain as one by one); then every new line's payment row, in file order.
    const toConfirm = planned.filter((p) => p.verdict !== 'duplicate' && p.verdict.outcome === 'matched');
    const confirmationIds = recordPaymentConfirmations(
      deps,
      userId,
      toConfirm.map(({ line, occurrence }) => ({
        ref1: line.ref1,
        source: 'bank-file' as const,
        bankCode: line.bankCode,
        paidAtMs: paidAtMsOf(line),
        bankReference: bankReferenceOf(line, occurrence),
        amountSatang: line.amountSatang,
      })),
    );
    const confirmationOf = new Map(toConfirm.map((p, i) => [p, confirmationIds[i] ?? null]));
    const statements = writeStatements(deps);
    const sourceFile = `${parsed.format} ${parsed.effectiveDate ?? 'no-date'} sha256:${sha256.slice(0, 16)}`;
    for (const item of planned) {
      if (item.verdict === 'duplicate') continue;
      const paymentId = writePayment(deps, statements, fileId, item.line, item.occurrence, item.verdict, confirmationOf.get(item) ?? null, atMs);
      if (item.verdict.outcome === 'forwarded') {
        // The send queue, in the same transaction: the feed key and body are fixed here, before sending.
        statements.forward.run(paymentId, item.verdict.place, item.line.ref1, item.line.bankCode, forwardReferenceOf(item.line, item.occurrence), paidAtMsOf(item.line), item.line.amountSatang, sourceFile, atMs);
      }
    }
    recordAudit(deps.db, deps.clock, {
      userId,
      username: null,
      channel: 'system',
      action: 'bank.file.imported',
      outcome: 'ok',
      detail: { fileId, sha256, format: parsed.format, lines, matched, exceptions, duplicates, forwarded },
    });
    return { fileId, sha256, format: parsed.format, lines, matched, exceptions, duplicates, forwarded, isSameFileAgain: false };
  });
  return run.immediate();
}

interface WriteStatements {
  readonly payment: Statement;
  readonly exception: Statement;
  readonly forward: Statement;
  /** Payment and exception row ids, made in increasing order (platform/ids.ts idSequence). */
  readonly newId: () => string;
}

/** The two inserts of every line, looked up once per import rather than once per line, and their ids. */
function writeStatements(deps: BankDeps): WriteStatements {
  return {
    payment: prepared(
      deps.sqlite,
      `INSERT INTO bank_payments (id, file_id, line_no, sequence_no, bank_code, company_account, payment_date, payment_time, paid_at_ms, ref1, ref2, ref3, customer_name,
         branch_no, teller_no, kind, transaction_code, amount_satang, occurrence, outcome, bill_id, confirmation_id, at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    exception: prepared(deps.sqlite, `INSERT INTO bank_exceptions (id, payment_id, kind, bill_id, detail, at_ms) VALUES (?, ?, ?, ?, ?, ?)`),
    forward: prepared(
      deps.sqlite,
      `INSERT INTO province_payment_outbox (payment_id, place, ref1, bank_code, bank_reference, paid_at_ms, amount_satang, source_file, queued_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    newId: idSequence(deps.clock),
  };
}

/** One new line's payment row (and its exception row), returning its id; `confirmationId` is its ledger confirmation when matched. */
function writePayment(
  deps: BankDeps,
  statements: WriteStatements,
  fileId: string,
  line: BankPaymentLine,
  occurrence: number,
  verdict: LineVerdict,
  confirmationId: string | null,
  atMs: number,
): string {
  const paidAtMs = paidAtMsOf(line);
  const paymentId = statements.newId();
  const billId = verdict.outcome === 'matched' ? verdict.bill.billId : verdict.outcome === 'exception' ? verdict.billId : null;
  statements.payment.run(
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
  if (verdict.outcome === 'exception') statements.exception.run(statements.newId(), paymentId, verdict.kind, verdict.billId, verdict.detail, atMs);
  return paymentId;
}

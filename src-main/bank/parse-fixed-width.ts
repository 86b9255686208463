import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import type { FieldSpec, FixedWidthLayout } from './layouts';
import {
  MAX_FIELD_SATANG,
  ProblemList,
  badCharacterAt,
  checkFileSize,
  checkLineCount,
  clockFromHhmmss,
  fieldProblem,
  hasBadCharacterButLineBreaks,
  isDigits,
  isoFromDdmmyyyy,
  satangFromImplied2,
  type BankPaymentLine,
  type ParsedBankFile,
} from './records';

/** windows-874 (TIS-620 + Windows extras): one byte is one position (payment-formats.md §3.3). */
export const FIXED_WIDTH_ENCODING = 'windows-874';

/**
 * The platform's own windows-874 decoder (WHATWG, native), about 3× faster than iconv-lite's on a
 * 25 MB file. It agrees with iconv-lite on every byte iconv-lite defines; the 31 bytes iconv-lite
 * leaves undefined (→ U+FFFD, refused) it writes as U+0081…U+009F or U+F8C1…U+F8C8, so a text with
 * any of those is decoded again by iconv-lite and the result is always iconv-lite's (tested over
 * all 256 bytes). Null when the runtime has no windows-874 (a Node built without full ICU).
 */
const NATIVE_874: TextDecoder | null = (() => {
  try {
    return new TextDecoder('windows-874');
  } catch {
    return null;
  }
})();
const NATIVE_ONLY = /[\u0080-\u009f\uf8c1-\uf8c8]/;
/** A bad character (records.ts) other than a line break, or a character only the native decoder writes: one scan for both. */
// eslint-disable-next-line no-control-regex
const BAD_OR_NATIVE_ONLY = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\uf8c1-\uf8c8]/;

/** The whole file as text, exactly as iconv-lite decodes windows-874. */
export function decodeWindows874(buffer: Buffer): string {
  const fast = NATIVE_874?.decode(buffer);
  return fast !== undefined && !NATIVE_ONLY.test(fast) ? fast : iconv.decode(buffer, FIXED_WIDTH_ENCODING);
}

/**
 * The file decoded as iconv-lite does and whether it may hold a bad character, in one scan of the
 * native decoder's text: when that scan finds nothing the text is iconv-lite's and clean; otherwise
 * the file is decoded by iconv-lite (every record is then checked one by one).
 */
function decodeAndScan(buffer: Buffer): { text: string; anyBad: boolean } {
  const fast = NATIVE_874?.decode(buffer);
  if (fast !== undefined && !BAD_OR_NATIVE_ONLY.test(fast)) return { text: fast, anyBad: false };
  const text = iconv.decode(buffer, FIXED_WIDTH_ENCODING);
  return { text, anyBad: hasBadCharacterButLineBreaks(text) };
}

const CR = 0x0d;
const LF = 0x0a;

/** Where each record lies in the file: [start, end) byte offsets, line breaks excluded. */
interface RecordRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Cuts the file into records on its bytes: CRLF/LF/CR-separated lines, or, when the file has no
 * line break at all, every `recordLength` bytes (the bellpetchpol samples run records together,
 * §3.3). One trailing line break is allowed; an empty record in the middle is a problem of its own.
 * Line breaks are found with `Buffer.indexOf` (native), not a loop over every byte.
 */
function recordRanges(bytes: Buffer, recordLength: number): RecordRange[] {
  let nextLf = bytes.indexOf(LF);
  let nextCr = bytes.indexOf(CR);
  const ranges: RecordRange[] = [];
  if (nextLf < 0 && nextCr < 0) {
    for (let start = 0; start < bytes.length; start += recordLength) ranges.push({ start, end: Math.min(start + recordLength, bytes.length) });
    return ranges;
  }
  let start = 0;
  while (nextLf >= 0 || nextCr >= 0) {
    const i = nextCr < 0 || (nextLf >= 0 && nextLf < nextCr) ? nextLf : nextCr;
    ranges.push({ start, end: i });
    const next = bytes[i] === CR && bytes[i + 1] === LF ? i + 2 : i + 1;
    start = next;
    if (nextLf >= 0 && nextLf < next) nextLf = bytes.indexOf(LF, next);
    if (nextCr >= 0 && nextCr < next) nextCr = bytes.indexOf(CR, next);
  }
  if (start < bytes.length) ranges.push({ start, end: bytes.length });
  return ranges;
}

const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));

/** The records of a file as byte views (see recordRanges). */
export function splitRecords(bytes: Uint8Array, recordLength: number): Uint8Array[] {
  return recordRanges(asBuffer(bytes), recordLength).map((r) => bytes.subarray(r.start, r.end));
}

type Values = Record<string, string>;

function readFields(text: string, fields: readonly FieldSpec[], lineNo: number, problems: ProblemList): Values {
  const values: Values = {};
  for (const field of fields) {
    if (field.type === 'filler') continue;
    const raw = text.slice(field.start - 1, field.start - 1 + field.length);
    const value = field.type === 'text' ? raw.trim() : field.type === 'digits-or-blank' ? raw.trim() : raw;
    const problem = fieldProblem(field, value, field.type === 'digits' ? field.length : null);
    if (problem !== null) problems.add(lineNo, field.name, problem);
    values[field.name] = value;
  }
  return values;
}

/**
 * Parses a fixed-width H/D/T file under `layout`. Every structural rule of payment-formats.md §3.3:
 * record lengths, H first / D… / T last, sequence numbers running 1…n (n = record count incl. H
 * and T), the same bank and account throughout, dates and times, amounts, and the trailer's counts
 * and totals equal to the detail records. Any problem refuses the whole file.
 */
export function parseFixedWidth(bytes: Uint8Array, layout: FixedWidthLayout): ParsedBankFile {
  checkFileSize(bytes.length);
  const buffer = asBuffer(bytes);
  const records = recordRanges(buffer, layout.recordLength);
  checkLineCount(records.length);
  const problems = new ProblemList();
  // windows-874 is single-byte: the whole file is decoded once and a record's text is the same
  // [start, end) of it. Bad characters are looked for in one pass; only when there is one are the
  // records searched one by one to name the line and position.
  const { text: whole, anyBad } = decodeAndScan(buffer);
  const texts: string[] = records.map((record, index) => {
    const lineNo = index + 1;
    const length = record.end - record.start;
    if (length !== layout.recordLength) {
      problems.add(lineNo, 'record', length === 0 ? `empty record (expected ${layout.recordLength} characters)` : `${length} characters, expected ${layout.recordLength}`);
    }
    const text = whole.slice(record.start, record.end);
    const bad = anyBad ? badCharacterAt(text) : -1;
    if (bad >= 0) problems.add(lineNo, 'encoding', `position ${bad + 1} is not a windows-874 (TIS-620) character or is a control character (byte 0x${(buffer[record.start + bad] ?? 0).toString(16).padStart(2, '0')})`);
    return text;
  });
  if (records.length < 2) problems.add(records.length, 'recordType', `a file needs a header (${layout.recordTypes.header}) and a trailer (${layout.recordTypes.trailer}) record`);
  problems.throwIfAny();

  const last = texts.length;
  const { header: H, detail: D, trailer: T } = layout.recordTypes;
  let header: Values | null = null;
  let trailer: Values | null = null;
  const lines: BankPaymentLine[] = [];
  let credit = { count: 0, satang: 0 };
  let debit = { count: 0, satang: 0 };
  // An amount that does not parse is its own problem; the trailer totals are then not compared (no cascade).
  let totalsCheckable = true;
  texts.forEach((text, index) => {
    const lineNo = index + 1;
    const type = text.charAt(0);
    const expected = lineNo === 1 ? H : lineNo === last ? T : D;
    if (type !== expected) {
      problems.add(lineNo, 'recordType', `${JSON.stringify(type)} where a ${expected} record belongs (${H} first, ${D} records, ${T} last)`);
      return;
    }
    const fields = type === H ? layout.header : type === T ? layout.trailer : layout.detail;
    const values = readFields(text, fields, lineNo, problems);
    if (values['sequenceNo'] !== undefined && isDigits(values['sequenceNo']) && Number(values['sequenceNo']) !== lineNo) {
      problems.add(lineNo, 'sequenceNo', `${values['sequenceNo']} where ${String(lineNo).padStart(6, '0')} belongs (records are numbered 1…n, the trailer's number is the record count)`);
    }
    if (type === H) header = values;
    else if (type === T) trailer = values;
    else {
      if (header !== null) {
        const h: Values = header;
        for (const field of ['bankCode', 'companyAccount']) {
          if (values[field] !== h[field]) problems.add(lineNo, field, `${JSON.stringify(values[field])} differs from the header's ${JSON.stringify(h[field])}`);
        }
      }
      const amountText = values['amount'] ?? '';
      const amountParses = amountText.length <= 13 && isDigits(amountText);
      if (!amountParses) totalsCheckable = false;
      const amountSatang = amountParses ? satangFromImplied2(amountText) : 0;
      if (amountParses && amountSatang === 0) problems.add(lineNo, 'amount', 'the amount is zero');
      const kind = values['kind'] === 'D' ? 'D' : 'C';
      if (kind === 'C') credit = { count: credit.count + 1, satang: Math.min(credit.satang + amountSatang, MAX_FIELD_SATANG + 1) };
      else debit = { count: debit.count + 1, satang: Math.min(debit.satang + amountSatang, MAX_FIELD_SATANG + 1) };
      lines.push({
        lineNo,
        sequenceNo: Number(values['sequenceNo']),
        bankCode: values['bankCode'] ?? '',
        companyAccount: values['companyAccount'] ?? '',
        paymentDate: isoFromDdmmyyyy(values['paymentDate'] ?? ''),
        paymentTime: clockFromHhmmss(values['paymentTime'] ?? ''),
        customerName: values['customerName'] ?? '',
        ref1: values['ref1'] ?? '',
        ref2: values['ref2'] ?? '',
        ref3: values['ref3'] ?? '',
        branchNo: values['branchNo'] ?? '',
        tellerNo: values['tellerNo'] ?? '',
        kind,
        transactionCode: values['transactionCode'] ?? '',
        amountSatang,
      });
    }
  });
  if (trailer !== null && header !== null && totalsCheckable) checkTrailer(trailer, header, last, credit, debit, problems);
  problems.throwIfAny();
  const h: Values = header ?? {};
  return {
    format: 'ktb256',
    layoutId: layout.id,
    bankCode: h['bankCode'] ?? null,
    companyAccount: h['companyAccount'] ?? null,
    effectiveDate: h['effectiveDate'] === undefined ? null : isoFromDdmmyyyy(h['effectiveDate']),
    lines,
    creditTotalSatang: credit.satang,
  };
}

interface Tally {
  readonly count: number;
  readonly satang: number;
}

function checkTrailer(trailer: Values, header: Values, lineNo: number, credit: Tally, debit: Tally, problems: ProblemList): void {
  for (const field of ['bankCode', 'companyAccount']) {
    if (trailer[field] !== header[field]) problems.add(lineNo, field, `${JSON.stringify(trailer[field])} differs from the header's ${JSON.stringify(header[field])}`);
  }
  const expect = (field: string, actual: number, what: string) => {
    const text = trailer[field] ?? '';
    if (isDigits(text) && Number.parseInt(text, 10) !== actual) problems.add(lineNo, field, `${text} but the detail records ${what} ${actual}`);
  };
  expect('totalCreditCount', credit.count, 'hold credit records:');
  expect('totalCreditAmount', credit.satang, 'credit amounts add up to (satang)');
  expect('totalDebitCount', debit.count, 'hold debit records:');
  expect('totalDebitAmount', debit.satang, 'debit amounts add up to (satang)');
}

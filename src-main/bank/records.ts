import { CodedError } from '../../src-shared/result';
import { daysInMonth } from '../../src-shared/dates';
import type { BankFileFormat, FieldSpec } from './layouts';

import { MAX_BANK_FILE_BYTES, MAX_BANK_FILE_LINES } from '../../src-shared/domain/bank';

export { MAX_BANK_FILE_BYTES, MAX_BANK_FILE_LINES };
/** Problems listed in one refusal; the rest are counted. */
export const MAX_REPORTED_PROBLEMS = 50;
/** Largest 13-digit amount field (2 implied decimals): 99,999,999,999.99 baht. */
export const MAX_FIELD_SATANG = 9_999_999_999_999;
/** Christian years a bank date may carry; a B.E. year (25xx) is refused by name. */
const MIN_DATE_YEAR = 1990;
const MAX_DATE_YEAR = 2399;

/** One payment line of a bank file, typed. Amounts are integer satang read from digits. */
export interface BankPaymentLine {
  /** Physical line (record) number in the file, 1-based. */
  readonly lineNo: number;
  /** The file's own running number (fixed width); null for CSV. Not part of any key. */
  readonly sequenceNo: number | null;
  readonly bankCode: string;
  readonly companyAccount: string;
  /** YYYY-MM-DD (Gregorian). */
  readonly paymentDate: string;
  /** HH:MM:SS, Bangkok time. */
  readonly paymentTime: string;
  readonly customerName: string;
  readonly ref1: string;
  readonly ref2: string;
  readonly ref3: string;
  readonly branchNo: string;
  readonly tellerNo: string;
  /** C credit (a payment), D debit. */
  readonly kind: 'C' | 'D';
  readonly transactionCode: string;
  readonly amountSatang: number;
}

export interface ParsedBankFile {
  readonly format: BankFileFormat;
  readonly layoutId: string;
  readonly bankCode: string | null;
  readonly companyAccount: string | null;
  readonly effectiveDate: string | null;
  readonly lines: readonly BankPaymentLine[];
  readonly creditTotalSatang: number;
}

/** One reason a file is broken: which line, which field, what is wrong. */
export interface FileProblem {
  readonly line: number;
  readonly field: string;
  readonly problem: string;
}

/** A broken file, refused whole (issue 9): BANK_FILE_INVALID with every problem found (up to a limit). */
export class BankFileError extends CodedError<'BANK_FILE_INVALID' | 'BANK_FILE_TOO_LARGE'> {
  readonly problems: readonly FileProblem[];
  readonly problemCount: number;
  constructor(problems: readonly FileProblem[], problemCount = problems.length, code: 'BANK_FILE_INVALID' | 'BANK_FILE_TOO_LARGE' = 'BANK_FILE_INVALID') {
    const listed = problems.slice(0, MAX_REPORTED_PROBLEMS);
    const more = problemCount > listed.length ? `; and ${problemCount - listed.length} more` : '';
    super(code, `The bank file was refused whole (${problemCount} problem${problemCount === 1 ? '' : 's'}): ${listed.map(describeProblem).join('; ')}${more}`);
    this.problems = listed;
    this.problemCount = problemCount;
  }
}

export function describeProblem(problem: FileProblem): string {
  return `line ${problem.line} ${problem.field}: ${problem.problem}`;
}

/** Collects problems; keeps only the first MAX_REPORTED_PROBLEMS but counts all. */
export class ProblemList {
  readonly items: FileProblem[] = [];
  count = 0;
  add(line: number, field: string, problem: string): void {
    this.count += 1;
    if (this.items.length < MAX_REPORTED_PROBLEMS) this.items.push({ line, field, problem });
  }
  throwIfAny(): void {
    if (this.count > 0) throw new BankFileError(this.items, this.count);
  }
}

export function checkFileSize(byteLength: number): void {
  if (byteLength > MAX_BANK_FILE_BYTES) {
    throw new BankFileError([{ line: 0, field: 'file', problem: `${byteLength} bytes; the limit is ${MAX_BANK_FILE_BYTES}` }], 1, 'BANK_FILE_TOO_LARGE');
  }
  if (byteLength === 0) throw new BankFileError([{ line: 1, field: 'file', problem: 'the file is empty' }]);
}

export function checkLineCount(lines: number): void {
  if (lines > MAX_BANK_FILE_LINES) {
    throw new BankFileError([{ line: MAX_BANK_FILE_LINES + 1, field: 'file', problem: `more than ${MAX_BANK_FILE_LINES} lines` }], 1, 'BANK_FILE_TOO_LARGE');
  }
}

/** One or more ASCII digits. A char-code loop, not a regex: it runs for most fields of every line. */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Why `text` is not a value of `type` (null when it is). `length` is the field's width, if fixed. */
export function fieldProblem(spec: Pick<FieldSpec, 'type' | 'values'>, text: string, length: number | null): string | null {
  switch (spec.type) {
    case 'text':
    case 'filler':
      return null;
    case 'digits':
      if (length !== null ? text.length !== length || !isDigits(text) : !isDigits(text)) return `${JSON.stringify(text)} is not ${length ?? 'all'} digits`;
      return null;
    case 'digits-or-blank':
      return text.trim() === '' || isDigits(text) ? null : `${JSON.stringify(text)} is neither digits nor blank`;
    case 'code':
      return (spec.values ?? []).includes(text) ? null : `${JSON.stringify(text)} is not one of ${(spec.values ?? []).join(', ')}`;
    case 'date-ddmmyyyy':
      return dateProblem(text);
    case 'time-hhmmss':
      return timeProblem(text);
    case 'amount-implied-2':
      return text.length > 0 && isDigits(text) && text.length <= 13 ? null : `${JSON.stringify(text)} is not an amount (digits, 2 implied decimals)`;
  }
}

function dateProblem(text: string): string | null {
  if (text.length !== 8 || !isDigits(text)) return `${JSON.stringify(text)} is not a date DDMMYYYY`;
  const day = Number(text.slice(0, 2));
  const month = Number(text.slice(2, 4));
  const year = Number(text.slice(4, 8));
  if (year > MAX_DATE_YEAR) return `year ${year} looks like a Buddhist Era year; the layout expects Christian years (DDMMYYYY)`;
  if (year < MIN_DATE_YEAR) return `year ${year} is before ${MIN_DATE_YEAR}`;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return `${text} is not a calendar day (DDMMYYYY)`;
  return null;
}

function timeProblem(text: string): string | null {
  if (text.length !== 6 || !isDigits(text)) return `${JSON.stringify(text)} is not a time HHMMSS`;
  const [h, m, s] = [Number(text.slice(0, 2)), Number(text.slice(2, 4)), Number(text.slice(4, 6))];
  return h <= 23 && m <= 59 && s <= 59 ? null : `${text} is not a time of day (HHMMSS)`;
}

/** DDMMYYYY → YYYY-MM-DD (already validated). */
export const isoFromDdmmyyyy = (text: string): string => `${text.slice(4, 8)}-${text.slice(2, 4)}-${text.slice(0, 2)}`;
/** HHMMSS → HH:MM:SS (already validated). */
export const clockFromHhmmss = (text: string): string => `${text.slice(0, 2)}:${text.slice(2, 4)}:${text.slice(4, 6)}`;

/** Implied-2-decimal digits → satang, straight from the digits (13 digits < 2^53: exact). */
export const satangFromImplied2 = (text: string): number => Number.parseInt(text, 10);

/** A character that a decoded bank text must not contain: undecodable bytes and control characters. */
// eslint-disable-next-line no-control-regex
const BAD_CHARACTER = /[\u0000-\u001f\u007f\ufffd]/;

/** The same characters but CR and LF, for one pass over a whole decoded file whose records are cut at line breaks. */
// eslint-disable-next-line no-control-regex
const BAD_CHARACTER_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

/** Whether a whole decoded file holds a bad character other than a line break (then its records are checked one by one). */
export function hasBadCharacterButLineBreaks(text: string): boolean {
  return BAD_CHARACTER_BUT_LINE_BREAKS.test(text);
}

export function badCharacterAt(text: string): number {
  const match = BAD_CHARACTER.exec(text);
  return match === null ? -1 : match.index;
}

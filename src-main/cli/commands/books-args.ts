import { CodedError } from '../../../src-shared/result';
import { UsageError } from '../args';

/** Option parsing shared by `ebill book|outage|field` (issue 8). */

/** `B:F-L` (or `B:N`), e.g. `P70-001:1-25`: one range of one paper book. */
export function parseLeafRange(text: string): { bookNo: string; firstLeaf: number; lastLeaf: number } {
  const match = /^([A-Z0-9][A-Z0-9-]{0,31}):([1-9]\d{0,6})(?:-([1-9]\d{0,6}))?$/.exec(text);
  if (match === null) throw new UsageError(`--leaves must be BOOK:FIRST-LAST, e.g. P70-001:1-25, got "${text.slice(0, 48)}"`);
  const firstLeaf = Number(match[2]);
  return { bookNo: match[1] ?? '', firstLeaf, lastLeaf: match[3] === undefined ? firstLeaf : Number(match[3]) };
}

/** `B:F-L@YYYY-MM-DD`: leaves written on paper with the date written on them. */
export function parseWrittenLeaves(text: string): { bookNo: string; firstLeaf: number; lastLeaf: number; businessDate: string } {
  const at = text.lastIndexOf('@');
  if (at < 0) throw new UsageError(`--leaves must be BOOK:FIRST-LAST@YYYY-MM-DD (the date on the paper), got "${text.slice(0, 48)}"`);
  return { ...parseLeafRange(text.slice(0, at)), businessDate: parseDate(text.slice(at + 1), '--leaves date') };
}

export function parseDate(text: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new UsageError(`${flag} must be YYYY-MM-DD, got "${text.slice(0, 32)}"`);
  return text;
}

export function parseWholeNumber(text: string, flag: string): number {
  if (!/^[1-9]\d{0,6}$/.test(text)) throw new UsageError(`${flag} must be a whole number 1–9999999, got "${text.slice(0, 16)}"`);
  return Number(text);
}

/**
 * Amounts on the command line are strict integer satang (cli.md): "150000", never "1500.00" or
 * "1.5e5". Anything else is refused with MONEY_NOT_INTEGER (exit 3), before anything is sent.
 */
export function parseSatangOption(text: string, flag: string): number {
  if (!/^(0|[1-9]\d{0,14})$/.test(text)) throw new CodedError('MONEY_NOT_INTEGER', `${flag} is integer satang (150000 = 1,500.00 baht), got "${text.slice(0, 24)}"`);
  return Number(text);
}

/** An instant with its offset, e.g. 2026-12-01T09:00+07:00 (Bangkok) or …Z. */
export function parseInstant(text: string, flag: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    throw new UsageError(`${flag} must be a time with its offset, e.g. 2026-12-01T09:00+07:00, got "${text.slice(0, 32)}"`);
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new UsageError(`${flag} is not a real time: "${text.slice(0, 32)}"`);
  return ms;
}

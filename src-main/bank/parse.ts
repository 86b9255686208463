import { CSV_LAYOUTS, FIXED_WIDTH_LAYOUTS, KTB256, KTB_CSV, type BankFileFormat } from './layouts';
import { parseCsv } from './parse-csv';
import { parseFixedWidth } from './parse-fixed-width';
import type { ParsedBankFile } from './records';

export type BankFileFormatChoice = 'auto' | BankFileFormat;

/**
 * Which format a file is in, for `--format auto`: a file whose first byte is the header record's
 * type and whose first line is one record long (or that has no line break and is a whole number
 * of records) is fixed width; anything else is read as CSV. A broken fixed-width file that looks
 * like neither is reported against the fixed-width layout, the one banks send.
 */
export function detectFormat(bytes: Uint8Array): BankFileFormat {
  const layout = KTB256;
  const firstBreak = bytes.findIndex((byte) => byte === 0x0a || byte === 0x0d);
  const firstLineLength = firstBreak < 0 ? bytes.length : firstBreak;
  const startsWithHeader = bytes[0] === layout.recordTypes.header.charCodeAt(0);
  if (startsWithHeader) return 'ktb256';
  const firstLine = Buffer.from(bytes.subarray(0, Math.min(firstLineLength, 4096))).toString('latin1');
  if (firstLine.includes(KTB_CSV.delimiter)) return 'csv';
  return 'ktb256';
}

/** Parses a bank file; a broken file throws one BankFileError listing line, field and problem. */
export function parseBankFile(bytes: Uint8Array, format: BankFileFormatChoice = 'auto'): ParsedBankFile {
  const chosen = format === 'auto' ? detectFormat(bytes) : format;
  if (chosen === 'csv') return parseCsv(bytes, CSV_LAYOUTS['csv'] ?? KTB_CSV);
  return parseFixedWidth(bytes, FIXED_WIDTH_LAYOUTS['ktb256'] ?? KTB256);
}

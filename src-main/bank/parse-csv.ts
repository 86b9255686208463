import iconv from 'iconv-lite';
import { parseAmount } from '../../src-shared/money';
import { PAYMENT_FIELDS, type CsvLayout, type PaymentField } from './layouts';
import {
  BankFileError,
  MAX_FIELD_SATANG,
  ProblemList,
  badCharacterAt,
  checkFileSize,
  checkLineCount,
  clockFromHhmmss,
  fieldProblem,
  isoFromDdmmyyyy,
  type BankPaymentLine,
  type ParsedBankFile,
} from './records';

/** Fixed lengths of the CSV digit columns (the same fields as the 256-character layout). */

/**
 * Text of a CSV file: UTF-8 (with or without BOM) when its bytes are valid UTF-8, otherwise
 * windows-874 (a Thai Excel export). Windows-874 Thai text is practically never valid UTF-8.
 */
export function decodeCsvText(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.length), 'windows-874');
  }
}

/** RFC 4180 rows: quoted fields with "" escapes, CRLF or LF. Returns each row with its first line number. */
export function splitCsv(text: string, delimiter: string): { line: number; cells: string[]; unterminated: boolean }[] {
  const rows: { line: number; cells: string[]; unterminated: boolean }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i += 1;
      cells.push(cell);
      rows.push({ line: rowLine, cells, unterminated: false });
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0 || quoted) rows.push({ line: rowLine, cells: [...cells, cell], unterminated: quoted });
  return rows;
}

/**
 * Parses the CSV variant: the header row names the columns (any order, names from the layout's
 * mapping); each following row is one payment. Any problem refuses the whole file.
 */
export function parseCsv(bytes: Uint8Array, layout: CsvLayout): ParsedBankFile {
  checkFileSize(bytes.length);
  const text = decodeCsvText(bytes);
  const rows = splitCsv(text, layout.delimiter).filter((row) => !(row.cells.length === 1 && row.cells[0]?.trim() === ''));
  checkLineCount(rows.length);
  const problems = new ProblemList();
  const headerRow = rows[0];
  if (headerRow === undefined) throw new BankFileError([{ line: 1, field: 'header', problem: 'no header row (the file holds only blank lines)' }]);
  const names = headerRow.cells.map((name) => name.trim().toLowerCase());
  const columnOf = new Map<PaymentField, number>();
  for (const field of PAYMENT_FIELDS) {
    const spec = layout.columns[field];
    const index = names.findIndex((name) => spec.headers.includes(name));
    if (index >= 0) columnOf.set(field, index);
    else if (spec.defaultValue === undefined) problems.add(headerRow.line, field, `no column named ${spec.headers.map((h) => JSON.stringify(h)).join(' or ')}`);
  }
  if (rows.length < 2) problems.add(headerRow.line + 1, 'record', 'the file has a header row but no payment rows');
  problems.throwIfAny();

  const lines: BankPaymentLine[] = [];
  let creditSatang = 0;
  for (const row of rows.slice(1)) {
    if (row.unterminated) problems.add(row.line, 'record', 'a quoted field is not closed (the file may be cut short)');
    if (row.cells.length !== names.length) {
      problems.add(row.line, 'record', `${row.cells.length} columns, the header has ${names.length}`);
      continue;
    }
    const values = {} as Record<PaymentField, string>;
    for (const field of PAYMENT_FIELDS) {
      const spec = layout.columns[field];
      const index = columnOf.get(field);
      const value = index === undefined ? (spec.defaultValue ?? '') : (row.cells[index] ?? '').trim();
      const bad = badCharacterAt(value);
      if (bad >= 0) problems.add(row.line, field, `position ${bad + 1} is an undecodable or control character`);
      values[field] = value;
      const type = spec.type;
      if (type === 'amount-baht') continue;
      const problem = fieldProblem({ type, values: spec.values ?? [] }, value, spec.length ?? null);
      if (problem !== null) problems.add(row.line, field, problem);
    }
    const amount = parseAmount(values.amount, { allowZero: false, maxSatang: MAX_FIELD_SATANG });
    if (!amount.ok) problems.add(row.line, 'amount', amount.error.message);
    const amountSatang = amount.ok ? amount.value : 0;
    const kind = values.kind === 'D' ? 'D' : 'C';
    if (kind === 'C') creditSatang = Math.min(creditSatang + amountSatang, MAX_FIELD_SATANG + 1);
    lines.push({
      lineNo: row.line,
      sequenceNo: null,
      bankCode: values.bankCode,
      companyAccount: values.companyAccount,
      paymentDate: isoFromDdmmyyyy(values.paymentDate),
      paymentTime: clockFromHhmmss(values.paymentTime),
      customerName: values.customerName,
      ref1: values.ref1,
      ref2: values.ref2,
      ref3: values.ref3,
      branchNo: values.branchNo,
      tellerNo: values.tellerNo,
      kind,
      transactionCode: values.transactionCode,
      amountSatang,
    });
  }
  problems.throwIfAny();
  return { format: 'csv', layoutId: layout.id, bankCode: null, companyAccount: null, effectiveDate: null, lines, creditTotalSatang: creditSatang };
}

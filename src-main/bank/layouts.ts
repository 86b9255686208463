/**
 * Bank file layouts as data (issue 9): a new bank layout, or KTB's official one when we get it, is
 * a change to these tables, not to the parser. Positions are 1-based and inclusive of `start`, as
 * in payment-formats.md §3.1; one position is one single-byte windows-874 character (§3.3).
 *
 * ASSUMED: the official "Receivable information download" layout of Krungthai was not available
 * (payment-formats.md §3.3 last point). `KTB256` is the common 256-character H/D/T layout that three
 * independent codebases agree on (§3.1), with KTB's differences (§3.2): cheque number blank,
 * branch/teller often `0000`, a 4-digit service code in the header. Diff a real download against it
 * before relying on it; src-main/bank/README.md says how to change it.
 */

/** How a field's text is read. Every numeric type is read from its digits, never through a float. */
export type FieldType =
  /** Trimmed text; may be empty. */
  | 'text'
  /** Exactly `length` ASCII digits. */
  | 'digits'
  /** Digits or all spaces (an absent optional number, e.g. KTB's blank cheque number). */
  | 'digits-or-blank'
  /** DDMMYYYY, Christian year (every sample, §3.1), a real calendar day; read as YYYY-MM-DD. */
  | 'date-ddmmyyyy'
  /** HHMMSS, 00–23 / 00–59 / 00–59; read as HH:MM:SS. */
  | 'time-hhmmss'
  /** Digits with 2 implied decimals (`0000000017000` = 170.00 baht), read as integer satang. */
  | 'amount-implied-2'
  /** One of `values`. */
  | 'code'
  /** Not read (filler, bank-specific areas). */
  | 'filler';

export interface FieldSpec {
  readonly name: string;
  /** 1-based first position. */
  readonly start: number;
  readonly length: number;
  readonly type: FieldType;
  /** For `code`: the accepted values. */
  readonly values?: readonly string[];
}

export interface FixedWidthLayout {
  readonly id: string;
  readonly description: string;
  /** Characters per record (= bytes: windows-874 is single-byte). */
  readonly recordLength: number;
  /** The first character of each record kind. */
  readonly recordTypes: { readonly header: string; readonly detail: string; readonly trailer: string };
  readonly header: readonly FieldSpec[];
  readonly detail: readonly FieldSpec[];
  readonly trailer: readonly FieldSpec[];
}

/** payment-formats.md §3.1 (H / D / T), with the KTB notes of §3.2. */
export const KTB256: FixedWidthLayout = {
  id: 'ktb256',
  description: 'Krungthai bill-payment receivables, 256-character H/D/T records (assumed common layout, payment-formats.md §3.1)',
  recordLength: 256,
  recordTypes: { header: 'H', detail: 'D', trailer: 'T' },
  header: [
    { name: 'recordType', start: 1, length: 1, type: 'code', values: ['H'] },
    { name: 'sequenceNo', start: 2, length: 6, type: 'digits' },
    { name: 'bankCode', start: 8, length: 3, type: 'digits' },
    { name: 'companyAccount', start: 11, length: 10, type: 'digits' },
    { name: 'companyName', start: 21, length: 40, type: 'text' },
    { name: 'effectiveDate', start: 61, length: 8, type: 'date-ddmmyyyy' },
    { name: 'serviceCode', start: 69, length: 8, type: 'text' },
    { name: 'filler', start: 77, length: 180, type: 'filler' },
  ],
  detail: [
    { name: 'recordType', start: 1, length: 1, type: 'code', values: ['D'] },
    { name: 'sequenceNo', start: 2, length: 6, type: 'digits' },
    { name: 'bankCode', start: 8, length: 3, type: 'digits' },
    { name: 'companyAccount', start: 11, length: 10, type: 'digits' },
    { name: 'paymentDate', start: 21, length: 8, type: 'date-ddmmyyyy' },
    { name: 'paymentTime', start: 29, length: 6, type: 'time-hhmmss' },
    { name: 'customerName', start: 35, length: 50, type: 'text' },
    { name: 'ref1', start: 85, length: 20, type: 'text' },
    { name: 'ref2', start: 105, length: 20, type: 'text' },
    { name: 'ref3', start: 125, length: 20, type: 'text' },
    { name: 'branchNo', start: 145, length: 4, type: 'text' },
    { name: 'tellerNo', start: 149, length: 4, type: 'text' },
    { name: 'kind', start: 153, length: 1, type: 'code', values: ['C', 'D'] },
    { name: 'transactionCode', start: 154, length: 3, type: 'text' },
    { name: 'chequeNo', start: 157, length: 7, type: 'digits-or-blank' },
    { name: 'amount', start: 164, length: 13, type: 'amount-implied-2' },
    { name: 'chequeBankCode', start: 177, length: 3, type: 'digits-or-blank' },
    { name: 'bankSpecific', start: 180, length: 77, type: 'filler' },
  ],
  trailer: [
    { name: 'recordType', start: 1, length: 1, type: 'code', values: ['T'] },
    { name: 'sequenceNo', start: 2, length: 6, type: 'digits' },
    { name: 'bankCode', start: 8, length: 3, type: 'digits' },
    { name: 'companyAccount', start: 11, length: 10, type: 'digits' },
    { name: 'totalDebitAmount', start: 21, length: 13, type: 'amount-implied-2' },
    { name: 'totalDebitCount', start: 34, length: 6, type: 'digits' },
    { name: 'totalCreditAmount', start: 40, length: 13, type: 'amount-implied-2' },
    { name: 'totalCreditCount', start: 53, length: 6, type: 'digits' },
    { name: 'filler', start: 59, length: 198, type: 'filler' },
  ],
};

/** The fields a payment line carries, whatever the format. */
export const PAYMENT_FIELDS = [
  'bankCode',
  'companyAccount',
  'paymentDate',
  'paymentTime',
  'customerName',
  'ref1',
  'ref2',
  'ref3',
  'branchNo',
  'tellerNo',
  'kind',
  'transactionCode',
  'amount',
] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

export interface CsvColumn {
  /** Header names accepted for this column (compared trimmed, case-insensitive). */
  readonly headers: readonly string[];
  readonly type: FieldType | 'amount-baht';
  /** Absent column → this value (only for optional columns). */
  readonly defaultValue?: string;
  readonly values?: readonly string[];
  /** For `digits`: exactly this many (absent: any number of digits). */
  readonly length?: number;
}

export interface CsvLayout {
  readonly id: string;
  readonly description: string;
  readonly delimiter: string;
  readonly columns: { readonly [F in PaymentField]: CsvColumn };
}

/**
 * ASSUMED: a CSV export of the same detail records. No bank CSV layout was found; the header row
 * names the columns (any order), the mapping below is data. Amounts are baht with a decimal point
 * ("170.00", read straight to satang). There are no header/trailer records, so no total to check.
 */
export const KTB_CSV: CsvLayout = {
  id: 'csv',
  description: 'Bill-payment detail records as CSV with a header row (assumed layout)',
  delimiter: ',',
  columns: {
    bankCode: { headers: ['bank_code', 'bank code', 'รหัสธนาคาร'], type: 'digits', length: 3 },
    companyAccount: { headers: ['account_no', 'company account', 'เลขที่บัญชี'], type: 'digits', length: 10 },
    paymentDate: { headers: ['payment_date', 'payment date', 'วันที่ชำระ'], type: 'date-ddmmyyyy' },
    paymentTime: { headers: ['payment_time', 'payment time', 'เวลาชำระ'], type: 'time-hhmmss' },
    customerName: { headers: ['customer_name', 'customer name', 'ชื่อผู้ชำระ'], type: 'text', defaultValue: '' },
    ref1: { headers: ['ref1', 'reference 1', 'เลขอ้างอิง 1'], type: 'text' },
    ref2: { headers: ['ref2', 'reference 2', 'เลขอ้างอิง 2'], type: 'text' },
    ref3: { headers: ['ref3', 'reference 3', 'เลขอ้างอิง 3'], type: 'text', defaultValue: '' },
    branchNo: { headers: ['branch_no', 'branch', 'สาขา'], type: 'text', defaultValue: '0000' },
    tellerNo: { headers: ['teller_no', 'teller', 'เทลเลอร์'], type: 'text', defaultValue: '0000' },
    kind: { headers: ['kind', 'dr_cr', 'ประเภท'], type: 'code', values: ['C', 'D'], defaultValue: 'C' },
    transactionCode: { headers: ['transaction_code', 'channel', 'ช่องทาง'], type: 'text', defaultValue: '' },
    amount: { headers: ['amount', 'amount_baht', 'จำนวนเงิน'], type: 'amount-baht' },
  },
};

/** The field names the fixed-width parser reads, per record kind (any other field is kept as data only). */
export const FIXED_WIDTH_FIELDS_READ = {
  header: ['recordType', 'sequenceNo', 'bankCode', 'companyAccount', 'effectiveDate'],
  detail: ['recordType', 'sequenceNo', 'bankCode', 'companyAccount', 'paymentDate', 'paymentTime', 'customerName', 'ref1', 'ref2', 'ref3', 'branchNo', 'tellerNo', 'kind', 'transactionCode', 'amount'],
  trailer: ['recordType', 'sequenceNo', 'bankCode', 'companyAccount', 'totalDebitAmount', 'totalDebitCount', 'totalCreditAmount', 'totalCreditCount'],
} as const;

/**
 * What is wrong with a fixed-width layout as data (empty when nothing): each record kind's fields
 * cover positions 1…recordLength exactly once, in order, with no gap or overlap; the record type is
 * position 1, one character, a `code` of that kind's letter; every field the parser reads is there,
 * once. A layout change that breaks one of these fails tests/bank/parse.test.ts, not an import.
 */
export function fixedWidthLayoutProblems(layout: FixedWidthLayout): string[] {
  const problems: string[] = [];
  for (const kind of ['header', 'detail', 'trailer'] as const) {
    const fields = layout[kind];
    let next = 1;
    for (const field of fields) {
      if (field.start !== next) problems.push(`${kind} ${field.name} starts at ${field.start}, where position ${next} is next`);
      if (!Number.isInteger(field.length) || field.length < 1) problems.push(`${kind} ${field.name} has length ${field.length}`);
      if (field.type === 'code' && (field.values ?? []).length === 0) problems.push(`${kind} ${field.name} is a code with no values`);
      next = field.start + field.length;
    }
    if (next !== layout.recordLength + 1) problems.push(`${kind} fields end at position ${next - 1}, the record is ${layout.recordLength} long`);
    const type = fields.find((f) => f.name === 'recordType');
    const letter = layout.recordTypes[kind];
    if (type === undefined || type.start !== 1 || type.length !== 1 || type.type !== 'code' || type.values?.join() !== letter) {
      problems.push(`${kind} recordType must be position 1, length 1, the code ${letter}`);
    }
    for (const name of FIXED_WIDTH_FIELDS_READ[kind]) {
      const n = fields.filter((f) => f.name === name).length;
      if (n !== 1) problems.push(`${kind} has ${n} fields named ${name}; the parser reads exactly one`);
    }
  }
  return problems;
}

/** What is wrong with a CSV layout as data: a column without a header name, or a name two columns accept. */
export function csvLayoutProblems(layout: CsvLayout): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const field of PAYMENT_FIELDS) {
    const column = layout.columns[field];
    if (column.headers.length === 0) problems.push(`${field} has no header name`);
    for (const header of column.headers) {
      const key = header.trim().toLowerCase();
      const other = owner.get(key);
      if (other !== undefined && other !== field) problems.push(`header ${JSON.stringify(header)} names both ${other} and ${field}`);
      owner.set(key, field);
    }
    if (column.type === 'code' && (column.values ?? []).length === 0) problems.push(`${field} is a code with no values`);
  }
  return problems;
}

export const FIXED_WIDTH_LAYOUTS: Readonly<Record<string, FixedWidthLayout>> = { ktb256: KTB256 };
export const CSV_LAYOUTS: Readonly<Record<string, CsvLayout>> = { csv: KTB_CSV };

export const BANK_FILE_FORMATS = ['ktb256', 'csv'] as const;
export type BankFileFormat = (typeof BANK_FILE_FORMATS)[number];

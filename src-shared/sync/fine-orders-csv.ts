import { parseAmount } from '../money';
import type { FineOrder } from './messages';

/**
 * The CSV export of the fines system that central imports (issue 11: there is no API): UTF-8,
 * comma-separated, a header line with exactly these columns in this order, one order per line:
 *
 *   order_no,place,revenue_code,offender_name,offender_id,amount_baht,issued_date,law
 *
 * `amount_baht` is a decimal with at most 2 places (1,234.50 without the comma: 1234.50);
 * `offender_id` is 13 digits or empty; `issued_date` is YYYY-MM-DD (Gregorian); a field that holds a
 * comma or a quote is quoted ("…", a quote doubled), RFC 4180. A file with any bad line imports nothing.
 */
export const FINE_ORDERS_CSV_HEADER = ['order_no', 'place', 'revenue_code', 'offender_name', 'offender_id', 'amount_baht', 'issued_date', 'law'] as const;
export const MAX_FINE_ORDER_LINES = 100_000;

export interface CsvProblem {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

export type ParsedFineOrder = Omit<FineOrder, 'cursor'>;

/** RFC 4180 fields of one line (no line breaks inside fields: the export has none). */
function splitLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= line.length) return undefined;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += line[i];
        i += 1;
      }
      if (i < line.length && line[i] !== ',') return undefined;
      fields.push(value);
      i += 1;
    } else {
      const end = line.indexOf(',', i);
      const stop = end === -1 ? line.length : end;
      fields.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function parseFineOrdersCsv(text: string): { orders: ParsedFineOrder[]; problems: CsvProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const problems: CsvProblem[] = [];
  const orders: ParsedFineOrder[] = [];
  if (lines[0] !== FINE_ORDERS_CSV_HEADER.join(',')) return { orders, problems: [{ line: 1, field: 'header', message: `the first line is ${FINE_ORDERS_CSV_HEADER.join(',')}` }] };
  if (lines.length - 1 > MAX_FINE_ORDER_LINES) return { orders, problems: [{ line: 1, field: 'file', message: `at most ${MAX_FINE_ORDER_LINES} orders per file` }] };
  const seen = new Set<string>();
  lines.slice(1).forEach((line, index) => {
    const lineNo = index + 2;
    const fields = splitLine(line);
    const problem = (field: string, message: string) => problems.push({ line: lineNo, field, message });
    if (fields === undefined || fields.length !== FINE_ORDERS_CSV_HEADER.length) return void problem('line', `a line has ${FINE_ORDERS_CSV_HEADER.length} fields`);
    const [orderNo = '', place = '', revenueCode = '', offenderName = '', offenderId = '', amountBaht = '', issuedDate = '', law = ''] = fields.map((f) => f.trim());
    const before = problems.length;
    if (!/^[0-9A-Za-z/.-]{1,40}$/.test(orderNo)) problem('order_no', 'letters, digits, / . - (at most 40)');
    else if (seen.has(orderNo)) problem('order_no', 'the same order appears twice in the file');
    if (!/^\d{4}$/.test(place)) problem('place', '4 digits');
    if (!/^\d{6}$/.test(revenueCode)) problem('revenue_code', '6 digits');
    if (offenderName === '' || offenderName.length > 200) problem('offender_name', 'a name (at most 200 characters)');
    if (offenderId !== '' && !/^\d{13}$/.test(offenderId)) problem('offender_id', '13 digits or empty');
    const amount = /^\d{1,8}(\.\d{1,2})?$/.test(amountBaht) ? parseAmount(amountBaht) : undefined;
    if (amount === undefined || !amount.ok || amount.value <= 0) problem('amount_baht', 'a positive amount with at most 2 decimals');
    if (!DATE.test(issuedDate)) problem('issued_date', 'YYYY-MM-DD');
    if (law === '' || law.length > 200) problem('law', 'the law (at most 200 characters)');
    seen.add(orderNo);
    if (problems.length === before && amount?.ok === true) {
      orders.push({ orderNo, place, revenueCode, offenderName, offenderId: offenderId === '' ? null : offenderId, amountSatang: amount.value, issuedDate, law });
    }
  });
  return { orders: problems.length === 0 ? orders : [], problems };
}

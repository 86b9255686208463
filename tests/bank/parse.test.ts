import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CSV_LAYOUTS, csvLayoutProblems, FIXED_WIDTH_LAYOUTS, fixedWidthLayoutProblems, KTB256, KTB_CSV, type FieldSpec, type FixedWidthLayout } from '../../src-main/bank/layouts';
import { decodeWindows874, parseFixedWidth } from '../../src-main/bank/parse-fixed-width';
import { parseBankFile } from '../../src-main/bank/parse';
import { BankFileError, MAX_BANK_FILE_BYTES, type FileProblem } from '../../src-main/bank/records';
import { csvFile, encodeRecords, ktb256File, ktb256Records, SAMPLE_LINES, type GenLine } from '../fixtures/bank/generate';

function problemsOf(bytes: Uint8Array, format: 'auto' | 'ktb256' | 'csv' = 'auto'): readonly FileProblem[] {
  try {
    parseBankFile(bytes, format);
  } catch (error) {
    if (error instanceof BankFileError) return error.problems;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

/** Replaces `length` characters at 1-based `start` of record `index` (0 = header). */
function patched(index: number, start: number, text: string, lines: readonly GenLine[] = SAMPLE_LINES): Buffer {
  const records = ktb256Records(lines);
  const r = records[index] ?? '';
  records[index] = r.slice(0, start - 1) + text + r.slice(start - 1 + text.length);
  return encodeRecords(records);
}

const field = (name: string, kind: 'header' | 'detail' | 'trailer' = 'detail') => {
  const spec = KTB256[kind].find((f) => f.name === name);
  if (spec === undefined) throw new Error(name);
  return spec;
};

describe('KTB 256-character files: round trip', () => {
  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['no line breaks (cut every 256)', ''],
  ] as const)('the generator writes what the parser reads back, field for field (%s)', (_name, lineBreak) => {
    const parsed = parseBankFile(ktb256File(SAMPLE_LINES, { lineBreak }));
    expect(parsed).toMatchObject({ format: 'ktb256', bankCode: '006', companyAccount: '9876543210', effectiveDate: '2026-11-23', creditTotalSatang: 200_000 });
    expect(parsed.lines).toHaveLength(SAMPLE_LINES.length);
    SAMPLE_LINES.forEach((line, i) => {
      expect(parsed.lines[i]).toEqual({
        lineNo: i + 2,
        sequenceNo: i + 2,
        bankCode: '006',
        companyAccount: '9876543210',
        paymentDate: line.paymentDate,
        paymentTime: line.paymentTime,
        customerName: line.customerName,
        ref1: line.ref1,
        ref2: line.ref2,
        ref3: '',
        branchNo: '0000',
        tellerNo: '0000',
        kind: 'C',
        transactionCode: line.transactionCode ?? 'NET',
        amountSatang: line.amountSatang,
      });
    });
  });

  it('Thai names are one position per character (windows-874), including tone marks and vowels above/below', () => {
    const name = 'นางสาวกุ้งก้ามกราม ปู่ย่าตายาย';
    const bytes = ktb256File([{ ...SAMPLE_LINES[0]!, customerName: name }]);
    expect(bytes.length).toBe(3 * 258);
    expect(parseBankFile(bytes).lines[0]?.customerName).toBe(name);
  });

  it('amounts are integer satang read from the digits: 0000000017000 = 170.00 baht, the largest 13-digit amount exactly', () => {
    expect(parseBankFile(ktb256File([{ ...SAMPLE_LINES[0]!, amountSatang: 17_000 }])).lines[0]?.amountSatang).toBe(17_000);
    const big = 9_999_999_999_999;
    expect(parseBankFile(ktb256File([{ ...SAMPLE_LINES[0]!, amountSatang: big }])).lines[0]?.amountSatang).toBe(big);
  });

  it('debit records count in the trailer debit totals, credits in the credit totals', () => {
    const lines = [...SAMPLE_LINES, { ...SAMPLE_LINES[0]!, kind: 'D' as const, amountSatang: 2_250, ref1: '', ref2: '' }];
    const parsed = parseBankFile(ktb256File(lines));
    expect(parsed.lines.map((l) => l.kind)).toEqual(['C', 'C', 'D']);
    expect(parsed.creditTotalSatang).toBe(200_000);
  });
});

describe('a broken fixed-width file is refused whole, each problem with its line and field', () => {
  const d = (name: string) => field(name).start;
  it.each<[string, () => Buffer, FileProblem]>([
    ['a record of the wrong length', () => encodeRecords(ktb256Records(SAMPLE_LINES).map((r, i) => (i === 1 ? r.slice(0, 250) : r))), { line: 2, field: 'record', problem: '250 characters, expected 256' }],
    ['a file cut short inside a record', () => ktb256File(SAMPLE_LINES).subarray(0, 258 + 100), { line: 2, field: 'record', problem: '100 characters, expected 256' }],
    ['a file cut short at a record boundary (no trailer)', () => ktb256File(SAMPLE_LINES).subarray(0, 3 * 258), { line: 3, field: 'recordType', problem: '"D" where a T record belongs (H first, D records, T last)' }],
    ['no header first', () => patched(0, 1, 'D'), { line: 1, field: 'recordType', problem: '"D" where a H record belongs (H first, D records, T last)' }],
    ['an unknown record type', () => patched(1, 1, 'X'), { line: 2, field: 'recordType', problem: '"X" where a D record belongs (H first, D records, T last)' }],
    ['a sequence number out of order', () => patched(2, d('sequenceNo'), '000007'), { line: 3, field: 'sequenceNo', problem: "000007 where 000003 belongs (records are numbered 1…n, the trailer's number is the record count)" }],
    ['a sequence number that is not digits', () => patched(1, d('sequenceNo'), '00 002'), { line: 2, field: 'sequenceNo', problem: '"00 002" is not 6 digits' }],
    ['a day that does not exist', () => patched(1, d('paymentDate'), '31022026'), { line: 2, field: 'paymentDate', problem: '31022026 is not a calendar day (DDMMYYYY)' }],
    ['a Buddhist Era year', () => patched(1, d('paymentDate'), '23112569'), { line: 2, field: 'paymentDate', problem: 'year 2569 looks like a Buddhist Era year; the layout expects Christian years (DDMMYYYY)' }],
    ['a header date that is not a date', () => patched(0, field('effectiveDate', 'header').start, '2026-11-'), { line: 1, field: 'effectiveDate', problem: '"2026-11-" is not a date DDMMYYYY' }],
    ['a time that does not exist', () => patched(1, d('paymentTime'), '246000'), { line: 2, field: 'paymentTime', problem: '246000 is not a time of day (HHMMSS)' }],
    ['an amount with a decimal point', () => patched(1, d('amount'), '00000001500.0'), { line: 2, field: 'amount', problem: '"00000001500.0" is not an amount (digits, 2 implied decimals)' }],
    ['an amount of zero', () => patched(1, d('amount'), '0000000000000'), { line: 2, field: 'amount', problem: 'the amount is zero' }],
    ['a kind that is neither C nor D', () => patched(1, d('kind'), 'X'), { line: 2, field: 'kind', problem: '"X" is not one of C, D' }],
    ['a cheque number that is neither digits nor blank', () => patched(1, d('chequeNo'), 'AB12345'), { line: 2, field: 'chequeNo', problem: '"AB12345" is neither digits nor blank' }],
    ['another account in a detail record', () => patched(2, d('companyAccount'), '1111111111'), { line: 3, field: 'companyAccount', problem: '"1111111111" differs from the header\'s "9876543210"' }],
    ['another bank in the trailer', () => patched(3, field('bankCode', 'trailer').start, '014'), { line: 4, field: 'bankCode', problem: '"014" differs from the header\'s "006"' }],
    ['a trailer credit total that is not the sum', () => ktb256File(SAMPLE_LINES, { trailer: { totalCreditAmount: '200001' } }), { line: 4, field: 'totalCreditAmount', problem: '0000000200001 but the detail records credit amounts add up to (satang) 200000' }],
    ['a trailer credit count that is not the count', () => ktb256File(SAMPLE_LINES, { trailer: { totalCreditCount: '3' } }), { line: 4, field: 'totalCreditCount', problem: '000003 but the detail records hold credit records: 2' }],
    ['a trailer debit total that is not the sum', () => ktb256File(SAMPLE_LINES, { trailer: { totalDebitAmount: '2250' } }), { line: 4, field: 'totalDebitAmount', problem: '0000000002250 but the detail records debit amounts add up to (satang) 0' }],
    ['a trailer debit count that is not the count', () => ktb256File(SAMPLE_LINES, { trailer: { totalDebitCount: '1' } }), { line: 4, field: 'totalDebitCount', problem: '000001 but the detail records hold debit records: 0' }],
    ['a trailer that is not the record count', () => ktb256File(SAMPLE_LINES, { trailer: { sequenceNo: '3' } }), { line: 4, field: 'sequenceNo', problem: "000003 where 000004 belongs (records are numbered 1…n, the trailer's number is the record count)" }],
    ['a byte that is not windows-874', () => { const b = ktb256File(SAMPLE_LINES); b[258 + 40] = 0xfc; return b; }, { line: 2, field: 'encoding', problem: 'position 41 is not a windows-874 (TIS-620) character or is a control character (byte 0xfc)' }],
    ['a control character', () => { const b = ktb256File(SAMPLE_LINES); b[258 + 40] = 0x07; return b; }, { line: 2, field: 'encoding', problem: 'position 41 is not a windows-874 (TIS-620) character or is a control character (byte 0x07)' }],
    ['a UTF-8 file (Thai is 3 bytes a character)', () => Buffer.from(iconv.decode(ktb256File(SAMPLE_LINES), 'windows-874'), 'utf8'), { line: 2, field: 'record', problem: expect.stringMatching(/characters, expected 256/) }],
    ['an empty record in the middle', () => Buffer.concat([ktb256File(SAMPLE_LINES.slice(0, 1)).subarray(0, 258), Buffer.from('\r\n'), ktb256File(SAMPLE_LINES.slice(0, 1)).subarray(258)]), { line: 2, field: 'record', problem: 'empty record (expected 256 characters)' }],
    ['only a header', () => encodeRecords(ktb256Records(SAMPLE_LINES).slice(0, 1)), { line: 1, field: 'recordType', problem: 'a file needs a header (H) and a trailer (T) record' }],
    ['an empty file', () => Buffer.alloc(0), { line: 1, field: 'file', problem: 'the file is empty' }],
  ])('%s', (_name, make, expected) => {
    expect(problemsOf(make(), 'ktb256')).toContainEqual(expected);
  });

  it('lists every problem of the file (up to the limit) in one refusal, with the code BANK_FILE_INVALID', () => {
    const records = ktb256Records(SAMPLE_LINES).map((r, i) => (i === 1 || i === 2 ? r.slice(0, field('amount').start - 1) + 'ABCDEFGHIJKLM' + r.slice(field('amount').start + 12) : r));
    let error: unknown;
    try {
      parseBankFile(encodeRecords(records));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BankFileError);
    expect(error).toMatchObject({ code: 'BANK_FILE_INVALID', problemCount: 2 });
    expect((error as Error).message).toMatch(/line 2 amount: .*; line 3 amount: /);
  });

  it('a file over the size limit is BANK_FILE_TOO_LARGE before it is read', () => {
    expect(() => parseBankFile(Buffer.alloc(MAX_BANK_FILE_BYTES + 1, 0x20))).toThrow(expect.objectContaining({ code: 'BANK_FILE_TOO_LARGE' }) as Error);
  });
});

describe('the CSV variant', () => {
  it('round trip in UTF-8 and in windows-874; the header row names the columns in any order', () => {
    for (const encoding of ['utf-8', 'windows-874'] as const) {
      const parsed = parseBankFile(csvFile(SAMPLE_LINES, { encoding }));
      expect(parsed.format).toBe('csv');
      expect(parsed.lines.map((l) => [l.lineNo, l.ref1, l.ref2, l.amountSatang, l.customerName, l.paymentDate, l.paymentTime])).toEqual(
        SAMPLE_LINES.map((l, i) => [i + 2, l.ref1, l.ref2, l.amountSatang, l.customerName, l.paymentDate, l.paymentTime]),
      );
    }
    const text = csvFile(SAMPLE_LINES).toString('utf8').split('\r\n').filter((row) => row !== '');
    const swapped = text.map((row) => row.split(',')).map((cells) => [cells[12], ...cells.slice(0, 12)].join(',')).join('\r\n');
    expect(parseBankFile(Buffer.from(swapped), 'csv').lines[0]?.amountSatang).toBe(150_000);
  });

  it('only the required columns are needed; quoted names with commas survive', () => {
    const csv = 'bank_code,account_no,payment_date,payment_time,ref1,ref2,amount\r\n006,9876543210,23112026,101500,180540169100001,' + SAMPLE_LINES[0]!.ref2 + ',"1,500.00"\r\n';
    expect(parseBankFile(Buffer.from(csv)).lines[0]).toMatchObject({ amountSatang: 150_000, branchNo: '0000', kind: 'C', customerName: '' });
  });

  it.each<[string, string, FileProblem]>([
    ['a missing column', 'bank_code,account_no,payment_date,payment_time,ref1,amount\r\n006,9876543210,23112026,101500,1,1.00\r\n', { line: 1, field: 'ref2', problem: 'no column named "ref2" or "reference 2" or "เลขอ้างอิง 2"' }],
    ['a row with too few columns (cut short)', 'bank_code,account_no,payment_date,payment_time,ref1,ref2,amount\r\n006,9876543210,23112026,1015', { line: 2, field: 'record', problem: '4 columns, the header has 7' }],
    ['an amount with three decimals', 'bank_code,account_no,payment_date,payment_time,ref1,ref2,amount\r\n006,9876543210,23112026,101500,1,2,1.005\r\n', { line: 2, field: 'amount', problem: expect.stringMatching(/decimal/) }],
    ['a date that does not exist', 'bank_code,account_no,payment_date,payment_time,ref1,ref2,amount\r\n006,9876543210,30022026,101500,1,2,1.00\r\n', { line: 2, field: 'paymentDate', problem: '30022026 is not a calendar day (DDMMYYYY)' }],
    ['a bank code that is not 3 digits', 'bank_code,account_no,payment_date,payment_time,ref1,ref2,amount\r\n06,9876543210,23112026,101500,1,2,1.00\r\n', { line: 2, field: 'bankCode', problem: '"06" is not 3 digits' }],
    ['an unclosed quote', 'bank_code,account_no,payment_date,payment_time,ref1,ref2,amount\r\n006,9876543210,23112026,101500,1,2,"1.00\r\n', { line: 2, field: 'record', problem: 'a quoted field is not closed (the file may be cut short)' }],
    ['a header and no rows', 'bank_code,account_no,payment_date,payment_time,ref1,ref2,amount\r\n', { line: 2, field: 'record', problem: 'the file has a header row but no payment rows' }],
  ])('%s is refused whole with line and field', (_name, csv, expected) => {
    expect(problemsOf(Buffer.from(csv), 'csv')).toContainEqual(expected);
  });
});

describe('layouts are data (README "The assumed layout, and how to change it")', () => {
  it('every registered layout is well-formed: fields tile each record, every field the parser reads is there once', () => {
    for (const layout of Object.values(FIXED_WIDTH_LAYOUTS)) expect(fixedWidthLayoutProblems(layout), layout.id).toEqual([]);
    for (const layout of Object.values(CSV_LAYOUTS)) expect(csvLayoutProblems(layout), layout.id).toEqual([]);
  });

  it('a mistyped layout is named, field by field', () => {
    const detail = KTB256.detail.map((f) => (f.name === 'customerName' ? { ...f, length: 49 } : f)).filter((f) => f.name !== 'ref3');
    expect(fixedWidthLayoutProblems({ ...KTB256, detail })).toEqual([
      'detail ref1 starts at 85, where position 84 is next',
      'detail branchNo starts at 145, where position 125 is next',
      'detail has 0 fields named ref3; the parser reads exactly one',
    ]);
    const columns = { ...KTB_CSV.columns, ref2: { ...KTB_CSV.columns.ref2, headers: ['ref1'] } };
    expect(csvLayoutProblems({ ...KTB_CSV, columns })).toEqual(['header "ref1" names both ref1 and ref2']);
  });

  it('a changed layout is a data change: a file written under a layout with the name 10 shorter and Ref1/Ref2 moved parses under it, and not under KTB256', () => {
    const moved = (f: FieldSpec): FieldSpec => {
      if (f.name === 'customerName') return { ...f, length: 40 };
      if (f.name === 'ref1' || f.name === 'ref2' || f.name === 'ref3') return { ...f, start: f.start - 10 };
      if (f.name === 'branchNo') return { ...f, start: 135 };
      if (f.name === 'tellerNo') return { ...f, start: 139 };
      if (f.name === 'kind') return { ...f, start: 143 };
      if (f.name === 'transactionCode') return { ...f, start: 144 };
      if (f.name === 'chequeNo') return { ...f, start: 147 };
      if (f.name === 'amount') return { ...f, start: 154 };
      if (f.name === 'chequeBankCode') return { ...f, start: 167 };
      if (f.name === 'bankSpecific') return { ...f, start: 170, length: 87 };
      return f;
    };
    const layout: FixedWidthLayout = { ...KTB256, id: 'ktb256-test', detail: KTB256.detail.map(moved) };
    expect(fixedWidthLayoutProblems(layout)).toEqual([]);
    const bytes = encodeRecords(ktb256Records(SAMPLE_LINES, {}, layout));
    const parsed = parseFixedWidth(bytes, layout);
    expect(parsed.layoutId).toBe('ktb256-test');
    expect(parsed.lines.map((l) => [l.ref1, l.ref2, l.customerName, l.amountSatang])).toEqual(SAMPLE_LINES.map((l) => [l.ref1, l.ref2, l.customerName.slice(0, 40).trim(), l.amountSatang]));
    expect(() => parseFixedWidth(bytes, KTB256)).toThrow(BankFileError);
  });
});

describe('windows-874 decoding (decodeWindows874: native decoder, iconv-lite when it must)', () => {
  it('gives exactly what iconv-lite gives for every byte, alone and in a text', () => {
    for (let b = 0; b < 256; b += 1) {
      const bytes = Buffer.from([0x41, b, 0x42]);
      expect(decodeWindows874(bytes), `byte 0x${b.toString(16)}`).toBe(iconv.decode(bytes, 'windows-874'));
    }
    const all = Buffer.from(Array.from({ length: 256 }, (_, b) => b));
    expect(decodeWindows874(all)).toBe(iconv.decode(all, 'windows-874'));
  });

  it('refuses each byte iconv-lite leaves undefined, by line and position', () => {
    const undefinedBytes = Array.from({ length: 256 }, (_, b) => b).filter((b) => iconv.decode(Buffer.from([b]), 'windows-874') === '\ufffd');
    expect(undefinedBytes).toHaveLength(31);
    for (const b of undefinedBytes) {
      const bytes = ktb256File(SAMPLE_LINES);
      bytes[258 + 40] = b;
      expect(problemsOf(bytes, 'ktb256')).toEqual([{ line: 2, field: 'encoding', problem: `position 41 is not a windows-874 (TIS-620) character or is a control character (byte 0x${b.toString(16)})` }]);
    }
  });
});

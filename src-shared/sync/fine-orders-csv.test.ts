import { describe, expect, it } from 'vitest';
import { FINE_ORDERS_CSV_HEADER, parseFineOrdersCsv } from './fine-orders-csv';

const header = FINE_ORDERS_CSV_HEADER.join(',');

describe('fine orders CSV', () => {
  it('parses quoted fields, amounts in baht to satang, an empty offender id', () => {
    const { orders, problems } = parseFineOrdersCsv(`\uFEFF${header}\n"A/1",5401,804001,"นาย ""ดำ"", แดง",,99.9,2026-01-31,"กฎหมาย, มาตรา 1"\n`);
    expect(problems).toEqual([]);
    expect(orders).toEqual([{ orderNo: 'A/1', place: '5401', revenueCode: '804001', offenderName: 'นาย "ดำ", แดง', offenderId: null, amountSatang: 9990, issuedDate: '2026-01-31', law: 'กฎหมาย, มาตรา 1' }]);
  });

  it('fine-orders-csv-all-or-nothing: any bad line gives every problem and no order', () => {
    const { orders, problems } = parseFineOrdersCsv(`${header}\nA1,5401,804001,ก,,10,2026-01-01,ก\nA1,54,80400,,123,0,2026-13-01,\nA3,5401`);
    expect(orders).toEqual([]);
    expect(problems.map((p) => `${p.line}:${p.field}`)).toEqual(['3:order_no', '3:place', '3:revenue_code', '3:offender_name', '3:offender_id', '3:amount_baht', '3:issued_date', '3:law', '4:line']);
  });

  it('refuses a file without the header', () => {
    expect(parseFineOrdersCsv('order,place\n').problems).toEqual([{ line: 1, field: 'header', message: `the first line is ${header}` }]);
  });
});

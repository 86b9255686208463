import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';

/** cli.md's ledger commands through the real bin: names, JSON fields and exit codes are the contract. */
let dir: string;
const run = (args: readonly string[], stdin = '') => ebill(['--data-dir', dir, '--json', ...args], stdin);
const PASSWORD = 'demo1234\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebill-cli-ledger-'));
  expect(run(['demo']).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ebill request / bill / receipt / ledger', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('records a request, shows its bill, issues, reprints and cancels a receipt, and verifies the ledger', () => {
    const file = join(dir, 'request.json');
    writeFileSync(file, JSON.stringify({ payerName: 'นายสมหมาย ทดสอบ', payerId: '1101700230708', revenueCode: '804001', amountSatang: 150000, fineOrderNo: 'พป 1/2569' }));
    const created = run(['request', 'create', '--file', file, '--user', 'operator', '--password-stdin'], PASSWORD);
    expect(created.status, created.stdout).toBe(0);
    expect(created.json).toMatchObject({ ok: true, amountSatang: 150000 });
    expect(Object.keys(created.json)).toEqual(expect.arrayContaining(['requestNo', 'ref1', 'ref2', 'amountSatang', 'dueDate']));
    const ref1 = String(created.json['ref1']);

    const fromStdin = run(['request', 'create', '--file', '-', '--user', 'operator', '--password-stdin'], `${PASSWORD}{"payerName":"บริษัท ทดสอบ จำกัด","revenueCode":"804003","amountSatang":500000}`);
    expect(fromStdin.json).toMatchObject({ ok: true, amountSatang: 500000 });

    const bill = run(['bill', 'show', ref1]);
    expect(bill.json).toMatchObject({ ok: true, ref1, billerId: '099999999999990', amountSatang: 150000 });
    expect(String(bill.json['barcodeText'])).toContain(ref1);
    expect(String(bill.json['qrText'])).toMatch(/^000201/);

    const issued = run(['receipt', 'issue', '--ref1', ref1, '--method', 'cash', '--user', 'operator', '--password-stdin'], PASSWORD);
    expect(issued.json).toMatchObject({ ok: true, receiptBook: 'E70-5401-1', receiptNo: 1, amountSatang: 150000 });
    expect(issued.json['businessDate']).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const inOneStep = run(['receipt', 'issue', '--request-file', '-', '--method', 'cash', '--user', 'operator', '--password-stdin'], `${PASSWORD}{"payerName":"นางสาวจ่าย ทันที","revenueCode":"804001","amountSatang":20000}`);
    expect(inOneStep.json).toMatchObject({ ok: true, receiptBook: 'E70-5401-1', receiptNo: 2, amountSatang: 20000, requestNo: expect.stringMatching(/^5401\/69\//) });
    expect(run(['receipt', 'issue', '--request-file', '-', '--ref1', ref1, '--method', 'cash', '--user', 'operator', '--password-stdin'], PASSWORD)).toMatchObject({ status: 2 });

    const again = run(['receipt', 'issue', '--ref1', ref1, '--method', 'cash', '--user', 'operator', '--password-stdin'], PASSWORD);
    expect(again.status).toBe(3);
    expect(again.json).toMatchObject({ ok: false, error: { code: 'ALREADY_PAID' } });

    const byOperator = run(['receipt', 'reprint', '--book', 'E70-5401-1', '--no', '1', '--reason', 'กระดาษติด', '--supervisor', 'operator', '--password-stdin'], PASSWORD);
    expect(byOperator.status).toBe(3);
    expect(byOperator.json).toMatchObject({ error: { code: 'APPROVAL_REQUIRED' } });
    const reprint = run(['receipt', 'reprint', '--book', 'E70-5401-1', '--no', '1', '--reason', 'กระดาษติด', '--reason-code', 'printer-fault', '--supervisor', 'supervisor', '--password-stdin'], PASSWORD);
    expect(reprint.json).toMatchObject({ ok: true, copyNo: 1 });
    const cancel = run(['receipt', 'cancel', '--book', 'E70-5401-1', '--no', '1', '--reason', 'จำนวนเงินผิด', '--supervisor', 'supervisor', '--password-stdin'], PASSWORD);
    expect(cancel.json).toMatchObject({ ok: true });

    const verify = run(['ledger', 'verify']);
    expect(verify.json).toMatchObject({ ok: true, entries: 7 });
    expect(String(verify.json['headHash'])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a database copied onto another machine is re-bound with ebill terminal rebind', () => {
    const refused = run(['terminal', 'rebind', '--slot', '1', '--reason', 'ย้ายเครื่อง', '--user', 'admin', '--password-stdin'], PASSWORD);
    expect(refused).toMatchObject({ status: 3, json: { error: { code: 'SLOT_IN_USE' } } });
    expect(run(['terminal', 'rebind', '--slot', '0', '--reason', 'x', '--user', 'admin', '--password-stdin'], PASSWORD)).toMatchObject({ status: 3, json: { error: { code: 'BAD_INPUT' } } });
    expect(run(['terminal', 'rebind', '--slot', '4', '--reason', 'ย้ายเครื่อง', '--user', 'operator', '--password-stdin'], PASSWORD)).toMatchObject({ status: 3, json: { error: { code: 'FORBIDDEN' } } });
    const doctor = run(['doctor']);
    const names = (doctor.json['checks'] as { name: string; status: string }[]).filter((c) => c.name === 'ledger' || c.name === 'clock');
    expect(names).toEqual([expect.objectContaining({ name: 'clock', status: 'ok' }), expect.objectContaining({ name: 'ledger', status: 'ok' })]);
  });

  it('office update fills in or corrects settings, and locks the bill settings once a bill exists', () => {
    run(['request', 'create', '--file', '-', '--user', 'operator', '--password-stdin'], `${PASSWORD}{"payerName":"นายมี บิล","revenueCode":"804001","amountSatang":10000}`);
    const renamed = run(['office', 'update', '--name', 'ที่ทำการปกครองอำเภอเมืองแพร่ จังหวัดแพร่', '--user', 'admin', '--password-stdin'], PASSWORD);
    expect(renamed.json).toMatchObject({ ok: true, place: '5401', nameTh: 'ที่ทำการปกครองอำเภอเมืองแพร่ จังหวัดแพร่' });
    const locked = run(['office', 'update', '--biller-id', '099999999999991', '--user', 'admin', '--password-stdin'], PASSWORD);
    expect(locked).toMatchObject({ status: 3, json: { ok: false, error: { code: 'OFFICE_SETTING_LOCKED' } } });
    expect(run(['office', 'update', '--user', 'admin', '--password-stdin'], PASSWORD)).toMatchObject({ status: 2, json: { error: { code: 'USAGE' } } });
    expect(run(['office', 'update', '--name', 'x', '--user', 'operator', '--password-stdin'], PASSWORD)).toMatchObject({ status: 3, json: { error: { code: 'FORBIDDEN' } } });
  });

  it('usage mistakes exit 2 and refusals exit 3, with specific messages', () => {
    expect(run(['receipt', 'issue', '--ref1', '1', '--method', 'gold', '--user', 'operator', '--password-stdin'], PASSWORD)).toMatchObject({ status: 2, json: { error: { code: 'USAGE' } } });
    expect(run(['receipt', 'cancel', '--book', 'E70-5401-1', '--no', 'x', '--reason', 'r', '--supervisor', 'supervisor', '--password-stdin'], PASSWORD).status).toBe(2);
    expect(run(['receipt', 'cancel', '--book', 'E70-5401-1', '--no', '1', '--reason', 'r', '--reason-code', 'printer-fault', '--supervisor', 'supervisor', '--password-stdin'], PASSWORD).status).toBe(2);
    expect(run(['bill', 'show', '12'])).toMatchObject({ status: 2 });
    expect(run(['bill', 'show', '100540169199999'])).toMatchObject({ status: 3, json: { error: { code: 'NOT_FOUND' } } });
    const badFile = join(dir, 'bad.json');
    writeFileSync(badFile, '{"payerName":');
    expect(run(['request', 'create', '--file', badFile, '--user', 'operator', '--password-stdin'], PASSWORD)).toMatchObject({ status: 3, json: { error: { code: 'BAD_INPUT' } } });
    writeFileSync(badFile, JSON.stringify({ payerName: 'ก', revenueCode: '804001', amountSatang: 12.5 }));
    const fractional = run(['request', 'create', '--file', badFile, '--user', 'operator', '--password-stdin'], PASSWORD);
    expect(fractional).toMatchObject({ status: 3, json: { error: { code: 'BAD_INPUT' } } });
    expect(String((fractional.json['error'] as { message: string }).message)).toMatch(/amountSatang must be a whole number/);
    expect(run(['request', 'create', '--file', join(dir, 'missing.json'), '--user', 'operator', '--password-stdin'], PASSWORD).json).toMatchObject({ error: { code: 'BAD_INPUT' } });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRef1, buildRef2 } from '../../src-shared/codes';
import { unwrap } from '../../src-shared/result';
import { feedPaymentSchema } from '../../src-shared/sync';
import { csvFile, ktb256File, type GenLine } from '../fixtures/bank/generate';
import { lineFor, makeBankOffice, type BankOffice } from './bank-helpers';

let office: BankOffice;
beforeEach(async () => {
  office = await makeBankOffice();
});
afterEach(() => office.close());

const sqlite = () => office.host.services.database.sqlite;
const ok = async (bytes: Uint8Array, format: 'auto' | 'ktb256' | 'csv' = 'auto') => {
  const reply = await office.importFile(bytes, format);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as { fileId: string; lines: number; matched: number; exceptions: number; duplicates: number; isSameFileAgain: boolean };
};
const confirmations = () => sqlite().prepare(`SELECT b.ref1, c.source, c.amount_satang AS amountSatang, c.bank_code AS bankCode FROM payment_confirmations c JOIN bills b ON b.id = c.bill_id ORDER BY c.rowid`).all();

/** A Ref1 of this office (5401) that no bill has. */
const UNKNOWN_REF1 = unwrap(buildRef1({ requestType: '1', requestSubtype: '80', place: '5401', yearBe: 2569, terminalSlot: 9, counter: 99_999 }));

/** A Ref1/Ref2 pair of another office (place 5402), with valid Ref2 check digits. */
const OTHER_OFFICE = {
  ref1: unwrap(buildRef1({ requestType: '1', requestSubtype: '80', place: '5402', yearBe: 2569, terminalSlot: 1, counter: 1 })),
  ref2: unwrap(buildRef2({ costCentreLast3: '001', place: '5402', revenueCode: '804001' })),
};

describe('matching Ref1 + Ref2 + amount', () => {
  it('a line that pays a bill exactly becomes a bank-file payment.confirmed ledger entry; the ledger verifies', async () => {
    const a = await office.bill();
    const b = await office.bill({ amountSatang: 50_000 });
    const entriesBefore = office.count('ledger_entries');
    const result = await ok(ktb256File([lineFor(a), lineFor(b, { paymentTime: '09:01:02' })]));
    expect(result).toMatchObject({ lines: 2, matched: 2, exceptions: 0, duplicates: 0, isSameFileAgain: false });
    expect(confirmations()).toEqual([
      { ref1: a.ref1, source: 'bank-file', amountSatang: 150_000, bankCode: '006' },
      { ref1: b.ref1, source: 'bank-file', amountSatang: 50_000, bankCode: '006' },
    ]);
    expect(office.count('ledger_entries')).toBe(entriesBefore + 2);
    expect(await office.as(office.operator, 'bill.show', { ref1: a.ref1 })).toMatchObject({ status: 'paid' });
    expect(await office.as(office.supervisor, 'ledger.verify', {})).toMatchObject({ problems: [] });
    // The matched bill can now be receipted as a bill payment.
    expect(await office.as(office.operator, 'receipt.issue', { ref1: a.ref1, payment: { method: 'bill-payment' } })).toMatchObject({ amountSatang: 150_000, isProvisional: false });
  });

  it('the raw file is archived with its SHA-256 and the counts; an audit row records the import', async () => {
    const a = await office.bill();
    const bytes = ktb256File([lineFor(a)]);
    const { fileId } = await ok(bytes);
    const row = sqlite().prepare(`SELECT content, sha256, line_count, matched_count FROM bank_files WHERE id = ?`).get(fileId) as { content: Buffer; sha256: string; line_count: number; matched_count: number };
    expect(Buffer.compare(row.content, bytes)).toBe(0);
    expect(row).toMatchObject({ line_count: 1, matched_count: 1 });
    const audit = sqlite().prepare(`SELECT action, outcome, detail FROM audit_log WHERE action IN ('bank.import', 'bank.file.imported') ORDER BY rowid`).all() as { action: string; detail: string | null }[];
    expect(audit.map((r) => r.action)).toEqual(['bank.file.imported', 'bank.import']);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ fileId, sha256: row.sha256, lines: 1, matched: 1, exceptions: 0, duplicates: 0 });
  });

  it('the CSV variant imports and matches the same way', async () => {
    const a = await office.bill();
    expect(await ok(csvFile([lineFor(a)]))).toMatchObject({ lines: 1, matched: 1 });
    expect(confirmations()).toEqual([{ ref1: a.ref1, source: 'bank-file', amountSatang: 150_000, bankCode: '006' }]);
  });

  it('only the finance officer imports: an operator is FORBIDDEN and nothing changes', async () => {
    const a = await office.bill();
    const before = office.snapshot();
    const reply = await office.call(office.operator, 'bank.import', { contentBase64: ktb256File([lineFor(a)]).toString('base64'), format: 'auto' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(office.snapshot()).toBe(before);
  });
});

describe('idempotent: the same file again, an overlapping download', () => {
  it('the same file again succeeds, every line a duplicate, and changes nothing', async () => {
    const a = await office.bill();
    const bytes = ktb256File([lineFor(a), lineFor({ ...OTHER_OFFICE, amountSatang: 100 })]);
    const first = await ok(bytes);
    const before = office.snapshot();
    const again = await ok(bytes);
    expect(again).toEqual({ ...first, matched: 0, exceptions: 0, duplicates: 2, isSameFileAgain: true, sha256: expect.any(String) as string, format: 'ktb256' });
    expect(office.snapshot()).toBe(before);
  });

  it('the same payments in a different file (re-downloaded in CSV, other sequence numbers) are duplicates; nothing changes', async () => {
    const a = await office.bill();
    const b = await office.bill({ amountSatang: 20_000 });
    await ok(ktb256File([lineFor(a), lineFor(b)]));
    const before = office.snapshot().replace(/"bank_files".*?\]\]/s, '');
    const again = await ok(ktb256File([lineFor(b), lineFor(a)], { lineBreak: '\n' }));
    expect(again).toMatchObject({ lines: 2, matched: 0, exceptions: 0, duplicates: 2, isSameFileAgain: false });
    expect(office.count('bank_payments')).toBe(2);
    expect(office.count('payment_confirmations')).toBe(2);
    expect(office.snapshot().replace(/"bank_files".*?\]\]/s, '')).toBe(before);
  });

  it('an overlapping download imports only its new lines; the overlap counts as duplicates', async () => {
    const [a, b, c] = [await office.bill(), await office.bill({ amountSatang: 20_000 }), await office.bill({ amountSatang: 30_000 })];
    await ok(ktb256File([lineFor(a), lineFor(b)]));
    const overlap = await ok(ktb256File([lineFor(b), lineFor(c)]));
    expect(overlap).toMatchObject({ lines: 2, matched: 1, exceptions: 0, duplicates: 1 });
    expect(confirmations()).toHaveLength(3);
    expect(office.count('bank_payments')).toBe(3);
  });

  it('a download spanning a day already imported and a new day: the known day’s lines are duplicates, the new day’s are new, and paid_at_ms is each line’s Bangkok time', async () => {
    const [a, b, c] = [await office.bill(), await office.bill({ amountSatang: 20_000 }), await office.bill({ amountSatang: 30_000 })];
    await ok(ktb256File([lineFor(a), lineFor(b, { paymentTime: '23:59:59' })]));
    const spanning = await ok(ktb256File([lineFor(b, { paymentTime: '23:59:59' }), lineFor(c, { paymentDate: '2026-11-24', paymentTime: '00:00:01' })]));
    expect(spanning).toMatchObject({ lines: 2, matched: 1, exceptions: 0, duplicates: 1 });
    const rows = office.host.services.database.sqlite.prepare(`SELECT payment_date AS d, payment_time AS t, paid_at_ms AS ms FROM bank_payments ORDER BY paid_at_ms`).all();
    expect(rows).toEqual([
      { d: '2026-11-23', t: '08:45:10', ms: Date.UTC(2026, 10, 23, 1, 45, 10) },
      { d: '2026-11-23', t: '23:59:59', ms: Date.UTC(2026, 10, 23, 16, 59, 59) },
      { d: '2026-11-24', t: '00:00:01', ms: Date.UTC(2026, 10, 23, 17, 0, 1) },
    ]);
  });

  it('two real payments with every key field equal (KTB branch/teller 0000) are two payments, and both are duplicates on re-import', async () => {
    const unknown: GenLine = lineFor({ ref1: UNKNOWN_REF1, ref2: OTHER_OFFICE.ref2, amountSatang: 5_000 });
    const first = await ok(ktb256File([unknown, unknown]));
    expect(first).toMatchObject({ lines: 2, exceptions: 2, duplicates: 0 });
    expect(await ok(ktb256File([unknown, unknown, unknown]))).toMatchObject({ lines: 3, exceptions: 1, duplicates: 2 });
    expect(office.count('bank_payments')).toBe(3);
  });
});

describe('a broken file is refused whole and changes nothing', () => {
  it.each([
    ['cut short inside a record', (b: Buffer) => b.subarray(0, b.length - 300)],
    ['cut short at a record boundary (trailer lost)', (b: Buffer) => b.subarray(0, b.length - 258)],
    ['a changed amount (trailer total no longer matches)', (b: Buffer) => Buffer.from(b.toString('latin1').replace('0000000150000', '0000000150001'), 'latin1')],
  ])('%s → BANK_FILE_INVALID, no line imported', async (_name, corrupt) => {
    const a = await office.bill();
    const b = await office.bill({ amountSatang: 20_000 });
    const before = office.snapshot();
    const reply = await office.importFile(corrupt(ktb256File([lineFor(a), lineFor(b)])));
    expect(reply).toMatchObject({ ok: false, error: { code: 'BANK_FILE_INVALID', message: expect.stringMatching(/^The bank file was refused whole .*line \d+ \w+: /) as string } });
    expect(office.snapshot()).toBe(before);
    const audit = sqlite().prepare(`SELECT outcome, code FROM audit_log WHERE action = 'bank.import'`).get();
    expect(audit).toEqual({ outcome: 'refused', code: 'BANK_FILE_INVALID' });
  });

  it('a failure in the middle of writing rolls back every line, confirmation and ledger entry (one transaction)', async () => {
    const bills = [await office.bill(), await office.bill({ amountSatang: 20_000 }), await office.bill({ amountSatang: 30_000 })];
    sqlite().exec(`CREATE TEMP TRIGGER fail_third AFTER INSERT ON bank_payments WHEN (SELECT count(*) FROM bank_payments) = 3 BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END`);
    const before = office.snapshot();
    const reply = await office.importFile(ktb256File(bills.map((bill) => lineFor(bill))));
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(office.snapshot()).toBe(before);
    sqlite().exec(`DROP TRIGGER fail_third`);
    expect(await ok(ktb256File(bills.map((bill) => lineFor(bill))))).toMatchObject({ matched: 3 });
  });
});

describe('a well-formed line the bank paid is never refused: it becomes an exception', () => {
  it('each kind: amount differs, unknown reference, Ref2 check digits, another office, reference mismatch, already paid, cancelled, late, debit', async () => {
    const amount = await office.bill();
    const badRef2 = await office.bill();
    const mismatch = await office.bill();
    const receipted = await office.cashReceipt();
    const receiptedBill = await office.as(office.operator, 'bill.show', { ref1: receipted.ref1 });
    const cancelled = await office.bill();
    await office.as(office.supervisor, 'request.cancel', { ref1: cancelled.ref1, reasonCode: 'other', reasonText: 'ผู้ชำระขอยกเลิก' });
    const late = await office.bill({ dueDate: '2026-11-25' });
    const twice = await office.bill({ amountSatang: 7_000 });
    const wrongCheck = `${badRef2.ref2.slice(0, 13)}${badRef2.ref2.slice(13) === '99' ? '98' : '99'}`;
    const lines: GenLine[] = [
      lineFor(amount, { amountSatang: 149_999 }),
      lineFor({ ref1: UNKNOWN_REF1, ref2: amount.ref2, amountSatang: 1_000 }),
      lineFor({ ref1: 'ABC', ref2: '', amountSatang: 1_000 }),
      lineFor(badRef2, { ref2: wrongCheck }),
      lineFor({ ...OTHER_OFFICE, amountSatang: 150_000 }),
      lineFor(mismatch, { ref2: unwrap(buildRef2({ costCentreLast3: '001', place: '5401', revenueCode: '804002' })) }),
      lineFor({ ref1: receiptedBill.ref1, ref2: receiptedBill.ref2, amountSatang: receiptedBill.amountSatang }),
      lineFor(cancelled),
      lineFor(late, { paymentDate: '2026-11-26' }),
      lineFor(twice),
      lineFor(twice, { paymentTime: '10:00:00' }),
      lineFor({ ref1: '', ref2: '', amountSatang: 2_250 }, { kind: 'D', transactionCode: 'FEE' }),
    ];
    const before = office.count('payment_confirmations');
    const result = await ok(ktb256File(lines));
    expect(result).toMatchObject({ lines: 12, matched: 1, exceptions: 11, duplicates: 0 });
    expect(office.exceptionKinds()).toEqual([
      'amount-differs',
      'unknown-reference',
      'unknown-reference',
      'ref2-check-digits',
      'other-office',
      'reference-mismatch',
      'already-paid',
      'bill-cancelled',
      'paid-after-due',
      'already-paid',
      'debit-record',
    ]);
    expect(office.count('payment_confirmations')).toBe(before + 1);
    const listed = await office.as(office.finance, 'bank.exceptions', { openOnly: true });
    expect(listed.exceptions).toHaveLength(11);
    expect(listed.exceptions[0]).toMatchObject({ kind: 'amount-differs', lineNo: 2, amountSatang: 149_999, detail: 'the bill is 150000 satang, the bank paid 149999', isClosed: false });
    expect(listed.exceptions[3]?.detail).toMatch(/check digits/);
  });

  it('a provisional confirmation (payer’s evidence) is confirmed when the bank agrees, contradicted when it does not', async () => {
    const agrees = await office.bill();
    const differs = await office.bill();
    for (const bill of [agrees, differs]) {
      await office.as(office.operator, 'payment.recordEvidence', { ref1: bill.ref1, bankCode: '006', paidAtMs: office.clock.nowMs(), bankReference: 'SLIP1', amountSatang: bill.amountSatang });
    }
    const receipt = await office.as(office.operator, 'receipt.issue', { ref1: agrees.ref1, payment: { method: 'bill-payment' } });
    expect(receipt.isProvisional).toBe(true);
    const result = await ok(ktb256File([lineFor(agrees), lineFor(differs, { amountSatang: 100_000 })]));
    expect(result).toMatchObject({ matched: 1, exceptions: 1 });
    expect(office.exceptionKinds()).toEqual(['provisional-contradicted']);
    expect(await office.as(office.operator, 'receipt.get', { book: receipt.receiptBook, number: receipt.receiptNo })).toMatchObject({ isProvisional: false });
    const sources = sqlite().prepare(`SELECT c.source FROM payment_confirmations c JOIN bills b ON b.id = c.bill_id WHERE b.ref1 = ? ORDER BY c.rowid`).all(agrees.ref1);
    expect(sources).toEqual([{ source: 'provisional' }, { source: 'bank-file' }]);
  });
});

describe('resolving exceptions', () => {
  it('match by hand records the confirmation through the ledger; a refund request closes; a second closing action is refused; notes are audited', async () => {
    const bill = await office.bill();
    await ok(ktb256File([lineFor(bill, { ref2: `${bill.ref2.slice(0, 13)}${bill.ref2.slice(13) === '00' ? '01' : '00'}` }), lineFor({ ...OTHER_OFFICE, amountSatang: 500 })]));
    const [mistyped, other] = (await office.as(office.finance, 'bank.exceptions', { openOnly: true })).exceptions;
    expect([mistyped?.kind, other?.kind]).toEqual(['ref2-check-digits', 'other-office']);

    const note = await office.as(office.finance, 'bank.resolveException', { exceptionId: mistyped!.exceptionId, action: 'note', note: 'โทรสอบถามผู้ชำระแล้ว' });
    expect(note).toMatchObject({ confirmationId: null, isClosed: false });
    const matched = await office.as(office.finance, 'bank.resolveException', { exceptionId: mistyped!.exceptionId, action: 'match-by-hand', ref1: bill.ref1, note: 'ผู้ชำระพิมพ์ Ref2 ผิดหนึ่งหลัก' });
    expect(matched.confirmationId).toEqual(expect.any(String));
    expect(confirmations()).toEqual([{ ref1: bill.ref1, source: 'bank-file', amountSatang: 150_000, bankCode: '006' }]);
    const again = await office.call(office.finance, 'bank.resolveException', { exceptionId: mistyped!.exceptionId, action: 'refund-request', note: 'ซ้ำ' });
    expect(again).toMatchObject({ ok: false, error: { code: 'BANK_EXCEPTION_RESOLVED' } });

    expect(await office.as(office.finance, 'bank.resolveException', { exceptionId: other!.exceptionId, action: 'refund-request', note: 'แจ้งธนาคารคืนเงินให้ผู้ชำระ' })).toMatchObject({ isClosed: true });
    expect((await office.as(office.finance, 'bank.exceptions', { openOnly: true })).exceptions).toEqual([]);
    expect((await office.as(office.auditor, 'bank.exceptions', { openOnly: false })).exceptions.map((x) => [x.kind, x.isClosed, x.resolutions])).toEqual([
      ['ref2-check-digits', true, 2],
      ['other-office', true, 1],
    ]);
    const audit = sqlite().prepare(`SELECT detail FROM audit_log WHERE action = 'bank.exception.resolved' ORDER BY rowid`).all() as { detail: string }[];
    expect(audit.map((r) => (JSON.parse(r.detail) as { action: string }).action)).toEqual(['note', 'match-by-hand', 'refund-request']);
    expect(await office.as(office.supervisor, 'ledger.verify', {})).toMatchObject({ problems: [] });
  });

  it('match by hand to a bill already paid by the bank, or cancelled, is refused and changes nothing', async () => {
    const paid = await office.bill();
    await ok(ktb256File([lineFor(paid), lineFor(paid, { paymentTime: '11:11:11' })]));
    const [dup] = (await office.as(office.finance, 'bank.exceptions', { openOnly: true })).exceptions;
    const before = office.snapshot();
    const reply = await office.call(office.finance, 'bank.resolveException', { exceptionId: dup!.exceptionId, action: 'match-by-hand', ref1: paid.ref1, note: 'ลองจับคู่' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'ALREADY_PAID' } });
    expect(office.snapshot()).toBe(before);
    const missing = await office.call(office.finance, 'bank.resolveException', { exceptionId: 'nope', action: 'note', note: 'x' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('bank tables are append-only: an update or delete is refused by the database', async () => {
    await ok(ktb256File([lineFor({ ...OTHER_OFFICE, amountSatang: 500 })]));
    for (const table of ['bank_files', 'bank_payments', 'bank_exceptions']) {
      expect(() => sqlite().prepare(`UPDATE ${table} SET id = id`).run()).toThrow(/append-only/);
      expect(() => sqlite().prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
    }
    expect(await office.as(office.finance, 'bank.files', {})).toMatchObject({ files: [{ lines: 1, exceptions: 1, format: 'ktb256' }] });
  });
});

describe('a provincial office: lines of the other offices of its province are forwarded (issue 11)', () => {
  const place = (p: string, counter: number) => ({
    ref1: unwrap(buildRef1({ requestType: '1', requestSubtype: '80', place: p, yearBe: 2569, terminalSlot: 1, counter })),
    ref2: unwrap(buildRef2({ costCentreLast3: '001', place: p, revenueCode: '804001' })),
  });
  const line = (refs: { ref1: string; ref2: string }, paymentTime: string, over: Partial<GenLine> = {}): GenLine => ({
    paymentDate: '2026-11-23',
    paymentTime,
    customerName: 'นายสมหมาย ทดสอบ',
    ...refs,
    amountSatang: 25_000,
    ...over,
  });
  const provincial = async () => {
    const { setOfficeKind } = await import('../../src-main/office/office-kind');
    setOfficeKind(sqlite(), 'provincial');
  };

  it('only a credit of one other place of the province with a sound Ref2 is forwarded; its own bills match, everything else stays an exception', async () => {
    await provincial();
    const own = await office.bill();
    const mixed = { ref1: place('5402', 3).ref1, ref2: place('5403', 3).ref2 };
    const result = await ok(
      ktb256File([
        line(place('5402', 1), '08:00:00'),
        line(place('5403', 2), '08:01:00'),
        lineFor(own, { paymentTime: '08:02:00' }),
        line(place('5001', 4), '08:03:00'),
        line(mixed, '08:04:00'),
        line(place('5402', 5), '08:05:00', { kind: 'D' }),
        line({ ref1: place('5402', 6).ref1, ref2: `${place('5402', 6).ref2.slice(0, -1)}${place('5402', 6).ref2.endsWith('0') ? '1' : '0'}` }, '08:06:00'),
      ]),
    );
    expect(result).toMatchObject({ lines: 7, matched: 1, exceptions: 4, duplicates: 0, forwarded: 2 });
    // Not forwarded, and what they were before: another province, a Ref2 of another place, a debit, a Ref2 with wrong check digits (its Ref1 is another place's first).
    expect(office.exceptionKinds()).toEqual(['other-office', 'other-office', 'debit-record', 'other-office']);
    expect(sqlite().prepare(`SELECT place, ref1, bank_code AS bank, length(bank_reference) AS n, amount_satang AS a, sent_at_ms AS sent FROM province_payment_outbox ORDER BY rowid`).all()).toEqual([
      { place: '5402', ref1: place('5402', 1).ref1, bank: '006', n: 40, a: 25_000, sent: null },
      { place: '5403', ref1: place('5403', 2).ref1, bank: '006', n: 40, a: 25_000, sent: null },
    ]);
    expect(sqlite().prepare(`SELECT forwarded_count AS f FROM bank_files`).get()).toEqual({ f: 2 });
    // Two payments of one second at one counter, for two bills: two different references; a blank
    // branch and a teller with letters still make a reference inside the feed's pattern.
    await ok(ktb256File([line(place('5402', 7), '09:00:00'), line(place('5402', 8), '09:00:00', { branchNo: '    ', tellerNo: 'AB 1' })]));
    const references = sqlite().prepare(`SELECT bank_reference AS r FROM province_payment_outbox`).pluck().all() as string[];
    expect(new Set(references).size).toBe(4);
    for (const r of references) expect(feedPaymentSchema.shape.bankReference.safeParse(r).success).toBe(true);
  });

  it('a failure while queueing rolls back the whole file, queue included', async () => {
    await provincial();
    sqlite().exec(`CREATE TEMP TRIGGER fail_queue AFTER INSERT ON province_payment_outbox WHEN (SELECT count(*) FROM province_payment_outbox) = 2 BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END`);
    const before = office.snapshot();
    const bytes = ktb256File([line(place('5402', 1), '08:00:00'), line(place('5402', 2), '08:01:00')]);
    expect(await office.importFile(bytes)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(office.snapshot()).toBe(before);
    sqlite().exec(`DROP TRIGGER fail_queue`);
    expect(await ok(bytes)).toMatchObject({ forwarded: 2 });
  });
});

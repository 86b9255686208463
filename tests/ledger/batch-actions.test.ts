import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalEntryText, GENESIS_HASH, readEntriesForSync } from '../../src-main/ledger/chain';
import { recordPaymentConfirmation, recordPaymentConfirmations, type PaymentEvidence } from '../../src-main/ledger/payments';
import { verifyLedger } from '../../src-main/ledger/verify';
import { CodedError } from '../../src-shared/result';
import { makeLedgerOffice, REQUEST, type LedgerOffice } from './ledger-helpers';

// runLedgerActions (action.ts) through its one user, recordPaymentConfirmations (the bank import):
// many actions in one savepoint, each its own entry exactly as one action alone would write it.
let office: LedgerOffice;
beforeEach(async () => {
  office = await makeLedgerOffice();
});
afterEach(() => office.close());

const sqlite = () => office.host.services.database.sqlite;
const deps = () => ({ sqlite: sqlite(), clock: office.host.services.clock, machineId: office.host.services.machineId });
const evidence = (ref1: string, n: number): PaymentEvidence => ({ ref1, source: 'bank-file', bankCode: '006', paidAtMs: office.clock.nowMs() - 60_000, bankReference: `FILE-${n}`, amountSatang: REQUEST.amountSatang });

/** Entries from `fromSeq` on, with the hash recomputed from the entry before and its canonical text (what verify does). */
function entriesFrom(fromSeq: number) {
  const entries = readEntriesForSync(sqlite(), 1, 1_000_000);
  let prev = GENESIS_HASH;
  return entries
    .map((e) => {
      const recomputed = createHash('sha256').update(prev).update(canonicalEntryText(e, e.payloadText)).digest('hex');
      prev = e.hash;
      return { ...e, recomputed };
    })
    .filter((e) => e.seq >= fromSeq);
}

describe('a batch of ledger actions (runLedgerActions)', () => {
  it('writes one chained payment.confirmed entry per item, in order, with the same fields as one action alone', async () => {
    const bills = [];
    for (let i = 0; i < 4; i += 1) bills.push(await office.as(office.operator, 'request.create', { ...REQUEST, payerName: `ผู้ชำระ ${i}` }));
    const [first, ...rest] = bills;
    const single = recordPaymentConfirmation(deps(), null, evidence(first?.ref1 ?? '', 0));
    const headBefore = entriesFrom(1).at(-1)?.seq ?? 0;
    office.clock.advanceMs(1_000);
    const ids = recordPaymentConfirmations(deps(), null, rest.map((b, i) => evidence(b.ref1, i + 1)));
    expect(ids).toHaveLength(3);

    const batch = entriesFrom(headBefore + 1);
    expect(batch.map((e) => e.seq)).toEqual([headBefore + 1, headBefore + 2, headBefore + 3]);
    for (const e of batch) expect(e.hash).toBe(e.recomputed);
    const alone = entriesFrom(headBefore).at(0);
    const shape = (e: (typeof batch)[number]) => {
      const { id: _id, seq: _seq, hash: _hash, recomputed: _r, payloadText, atMs: _at, ...rest } = e;
      return { ...rest, payloadKeys: Object.keys((JSON.parse(payloadText) as { confirmation: Record<string, unknown> }).confirmation) };
    };
    expect(alone?.id).toBeDefined();
    for (const e of batch) expect(shape(e)).toEqual(shape(alone as (typeof batch)[number]));

    const rows = sqlite().prepare(`SELECT c.id, c.bank_reference AS ref, c.entry_seq AS seq, b.ref1 FROM payment_confirmations c JOIN bills b ON b.id = c.bill_id WHERE c.id <> ? ORDER BY c.entry_seq`).all(single) as { id: string; ref: string; seq: number; ref1: string }[];
    expect(rows).toEqual(rest.map((b, i) => ({ id: ids[i], ref: `FILE-${i + 1}`, seq: headBefore + 1 + i, ref1: b.ref1 })));
    expect(verifyLedger(sqlite()).problems).toEqual([]);
  });

  it('is all or nothing: an item that fails rolls back the items before it', async () => {
    const bill = await office.as(office.operator, 'request.create', REQUEST);
    const before = office.ledgerSnapshot();
    let thrown: unknown;
    try {
      recordPaymentConfirmations(deps(), null, [evidence(bill.ref1, 1), evidence('154012569999999', 2)]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CodedError);
    expect((thrown as CodedError).code).toBe('NOT_FOUND');
    expect(office.ledgerSnapshot()).toBe(before);
    expect(recordPaymentConfirmations(deps(), null, [])).toEqual([]);
    expect(office.ledgerSnapshot()).toBe(before);
  });

  it('keeps the clock guard for every item', async () => {
    const bill = await office.as(office.operator, 'request.create', REQUEST);
    const before = office.ledgerSnapshot();
    office.clock.advanceMs(-2 * 3_600_000);
    expect(() => recordPaymentConfirmations(deps(), null, [evidence(bill.ref1, 1)])).toThrow(/clock/i);
    expect(office.ledgerSnapshot()).toBe(before);
  });
});

describe('findBills (the bank import reads a whole file’s bills at once)', () => {
  it('gives for each Ref1 exactly what findBill gives, and nothing for a Ref1 without a bill', async () => {
    const { findBill, findBills } = await import('../../src-main/ledger/bills');
    const a = await office.as(office.operator, 'request.create', REQUEST);
    const b = await office.as(office.operator, 'request.create', { ...REQUEST, amountSatang: 99_00 });
    await office.as(office.supervisor, 'request.cancel', { ref1: b.ref1, reasonCode: 'payer-withdrew', reasonText: 'ผู้ชำระขอยกเลิก' });
    const { ref1: receipted } = await office.cashReceipt();
    const wanted = [a.ref1, b.ref1, receipted, '154012569999999', a.ref1];
    const found = findBills(sqlite(), wanted);
    expect([...found.keys()].sort()).toEqual([a.ref1, b.ref1, receipted].sort());
    for (const ref1 of wanted) expect(found.get(ref1)).toEqual(findBill(sqlite(), ref1));
    expect(found.get(receipted)?.activeReceiptId).not.toBeNull();
    expect(found.get(b.ref1)?.isRequestCancelled).toBe(true);
    expect(findBills(sqlite(), []).size).toBe(0);
  });
});

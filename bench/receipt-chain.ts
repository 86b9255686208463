// The receipt entries central's benches push (issue 11): the keys and sizes of a real
// receipt.issued payload (src-main/ledger/entry-payloads.ts, about 700 bytes), every hash as the
// office computes it.
import { createHash } from 'node:crypto';
import { canonicalEntryText, GENESIS_HASH } from '../src-shared/ledger-entry-text';
import type { SyncEntry } from '../src-shared/sync';

export const BENCH_T0_MS = Date.UTC(2026, 11, 2, 2, 0, 0);
export const BENCH_DAY = '2026-12-02';
/** Each receipt's amount: 100.00 to 109.96 baht. */
export const amountOf = (seq: number): number => 10_000 + (seq % 997);

const idOf = (prefix: string, place: string, slot: number, seq: number): string => `${prefix}${place}${slot}${String(seq).padStart(17, '0')}`;

function receiptPayload(place: string, slot: number, seq: number): string {
  return JSON.stringify({
    receipt: {
      amountSatang: amountOf(seq),
      billId: idOf('01KB', place, slot, seq),
      book: `E70-${place}-${slot}`,
      businessDate: BENCH_DAY,
      entrySeq: seq,
      id: idOf('01KC', place, slot, seq),
      isPaper: false,
      issuedAtMs: BENCH_T0_MS + seq,
      items: JSON.stringify([{ revenueCode: '804001', nameTh: 'ค่าธรรมเนียมการจดทะเบียน', amountSatang: amountOf(seq) }]),
      method: 'cash',
      methodDetail: null,
      number: seq,
      payerId: '1101700230708',
      payerName: 'นายทดสอบ ส่งข้อมูล',
      paymentConfirmationId: null,
      receiverNameTh: 'นายสมชาย ดูแลระบบ',
      receiverPositionTh: 'เจ้าพนักงานปกครอง',
      receiverUserId: '01KD0000000000000000000000',
      requestId: idOf('01KE', place, slot, seq),
      revenueCode: '804001',
    },
  });
}

/** One terminal's chain of `count` receipt entries, all of BENCH_DAY. */
export function receiptChain(count: number, place: string, slot: number): SyncEntry[] {
  const entries: SyncEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const header = { seq, id: idOf('01KF', place, slot, seq), kind: 'receipt.issued', payloadVersion: 1, atMs: BENCH_T0_MS + seq, businessDate: BENCH_DAY, place, terminalSlot: slot, userId: null };
    const payloadText = receiptPayload(place, slot, seq);
    const hash = createHash('sha256').update(prev).update(canonicalEntryText(header, payloadText)).digest('hex');
    entries.push({ ...header, payloadText, hash });
    prev = hash;
  }
  return entries;
}

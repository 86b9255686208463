import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ktb256File, type GenLine } from '../fixtures/bank/generate';
import { lineFor, makeBankOffice, type BankOffice } from './bank-helpers';

/**
 * Issue 9's property: every random corruption of a valid file is either refused whole with a
 * clear error and nothing changed, or (still well-formed) imported with every line accounted for
 * as matched, duplicate or exception. Never a crash (INTERNAL), never a partial import.
 */
let office: BankOffice;
let valid: Buffer;
beforeAll(async () => {
  office = await makeBankOffice();
  const bills = [await office.bill(), await office.bill({ amountSatang: 20_000 }), await office.bill({ amountSatang: 30_000 })];
  const lines: GenLine[] = [...bills.map((bill, i) => lineFor(bill, { paymentTime: `08:0${i}:00` })), lineFor(bills[0]!, { paymentTime: '09:00:00', amountSatang: 99 })];
  valid = ktb256File(lines);
});
afterAll(() => office.close());

const corruption = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('digit' as const), at: fc.nat(), byte: fc.integer({ min: 0x30, max: 0x39 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('repeat-record' as const), record: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('swap-records' as const), a: fc.integer({ min: 0, max: 5 }), b: fc.integer({ min: 0, max: 5 }) }),
);
type Corruption = typeof corruption extends fc.Arbitrary<infer T> ? T : never;

function apply(bytes: Buffer, c: Corruption): Buffer {
  const at = 'at' in c ? c.at % (bytes.length + 1) : 0;
  switch (c.kind) {
    case 'set':
    case 'digit': {
      const copy = Buffer.from(bytes);
      copy[Math.min(at, copy.length - 1)] = c.byte;
      return copy;
    }
    case 'truncate':
      return bytes.subarray(0, at);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + c.length)]);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(c.bytes), bytes.subarray(at)]);
    case 'repeat-record': {
      const records = bytes.toString('latin1').split('\r\n');
      records.splice(c.record, 0, records[c.record] ?? '');
      return Buffer.from(records.join('\r\n'), 'latin1');
    }
    case 'swap-records': {
      const records = bytes.toString('latin1').split('\r\n');
      const [x, y] = [records[c.a] ?? '', records[c.b] ?? ''];
      records[c.a] = y;
      records[c.b] = x;
      return Buffer.from(records.join('\r\n'), 'latin1');
    }
  }
}

describe('random corruptions of a valid KTB file', () => {
  it('are refused whole with nothing changed, or imported with every line accounted for', { timeout: 300_000 }, async () => {
    let refused = 0;
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(corruption, { minLength: 1, maxLength: 3 }), async (corruptions) => {
        const bytes = corruptions.reduce(apply, valid);
        const before = office.snapshot();
        const counts = { payments: office.count('bank_payments'), confirmations: office.count('payment_confirmations'), entries: office.count('ledger_entries') };
        const reply = await office.importFile(bytes, 'auto');
        if (!reply.ok) {
          refused += 1;
          expect(['BANK_FILE_INVALID', 'BANK_FILE_TOO_LARGE', 'BAD_INPUT']).toContain(reply.error.code);
          if (reply.error.code !== 'BAD_INPUT') expect(reply.error.message).toMatch(/line \d+ \w+: /);
          expect(office.snapshot()).toBe(before);
          return;
        }
        imported += 1;
        const r = reply.value as { lines: number; matched: number; exceptions: number; duplicates: number };
        expect(r.matched + r.exceptions + r.duplicates).toBe(r.lines);
        expect(office.count('bank_payments') - counts.payments).toBe(r.matched + r.exceptions);
        expect(office.count('payment_confirmations') - counts.confirmations).toBe(r.matched);
        expect(office.count('ledger_entries') - counts.entries).toBe(r.matched);
      }),
      { numRuns: 150, seed: 9 },
    );
    expect(refused).toBeGreaterThan(0);
    expect(imported).toBeGreaterThan(0);
    expect(await office.as(office.supervisor, 'ledger.verify', {})).toMatchObject({ problems: [] });
  });
});

// Payment-codes throughput: build and parse 1,000,000 Ref2s, bank barcodes and Thai QR payloads,
// 5 rounds each, printing the median operations/s per kind. Compare figures within one run only.
// Run: npx tsx bench/payment-codes.bench.ts (or `npm run bench -- payment-codes`).
import { satangOf } from '../src-shared/money';
import { buildBarcode, buildBillPaymentQr, buildRef2, parseBarcode, parseBillPaymentQr, parseRef2, type BillPaymentFields } from '../src-shared/codes';

const OPERATIONS_PER_ROUND = 1_000_000;
const ROUNDS = 5;
/** Distinct inputs cycled through, so the parsers do not see one string a million times. */
const DISTINCT_INPUTS = 10_000;

const hrtime = globalThis.process.hrtime;
const PLACES = ['5401', '1001', '5001', '9001', '3001', '6501', '8301', '2001'];
const REVENUE_CODES = ['804001', '804002', '804003', '804004', '804005', '804006', '804007', '804008', '804201', '804202', '804203', '804204', '804205', '804206'];

let sink = 0;

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function ref2InputOf(index: number): { costCentreLast3: string; place: string; revenueCode: string } {
  return {
    costCentreLast3: String(index % 1_000).padStart(3, '0'),
    place: PLACES[index % PLACES.length] ?? '5401',
    revenueCode: REVENUE_CODES[index % REVENUE_CODES.length] ?? '804001',
  };
}

const ref2s = Array.from({ length: DISTINCT_INPUTS }, (_, index) => unwrap(buildRef2(ref2InputOf(index))));
function billOf(index: number): BillPaymentFields {
  const ref1 = `1015401691${String((index % 99_999) + 1).padStart(5, '0')}`;
  return { billerId: '099400016301108', ref1, ref2: ref2s[index % DISTINCT_INPUTS] ?? null, amountSatang: index % 7 === 0 ? null : satangOf((index % 9_999_999) + 1) };
}
const bills = Array.from({ length: DISTINCT_INPUTS }, (_, index) => billOf(index));
const ref2Inputs = Array.from({ length: DISTINCT_INPUTS }, (_, index) => ref2InputOf(index));
const barcodes = bills.map((bill) => unwrap(buildBarcode(bill)));
const qrs = bills.map((bill) => unwrap(buildBillPaymentQr(bill)));

interface Kind {
  readonly name: string;
  readonly operation: (index: number) => number;
}

const kinds: Kind[] = [
  { name: 'ref2 build', operation: (index) => unwrap(buildRef2(ref2Inputs[index % DISTINCT_INPUTS] ?? ref2InputOf(0))).length },
  { name: 'ref2 parse', operation: (index) => unwrap(parseRef2(ref2s[index % DISTINCT_INPUTS] ?? '')).checkDigits.length },
  { name: 'barcode build', operation: (index) => unwrap(buildBarcode(bills[index % DISTINCT_INPUTS] ?? billOf(0))).length },
  { name: 'barcode parse', operation: (index) => unwrap(parseBarcode(barcodes[index % DISTINCT_INPUTS] ?? '')).ref1.length },
  { name: 'qr build', operation: (index) => unwrap(buildBillPaymentQr(bills[index % DISTINCT_INPUTS] ?? billOf(0))).length },
  { name: 'qr parse', operation: (index) => unwrap(parseBillPaymentQr(qrs[index % DISTINCT_INPUTS] ?? '')).ref1.length },
];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

for (const kind of kinds) {
  const opsPerSecond: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const startNs = hrtime.bigint();
    for (let index = 0; index < OPERATIONS_PER_ROUND; index += 1) sink += kind.operation(index);
    const elapsedNs = Number(hrtime.bigint() - startNs);
    opsPerSecond.push(OPERATIONS_PER_ROUND / (elapsedNs / 1e9));
  }
  const rounds = opsPerSecond.map((value) => Math.round(value)).join(', ');
  process.stdout.write(`${kind.name}: median ${Math.round(median(opsPerSecond))} ops/s over ${ROUNDS} rounds of ${OPERATIONS_PER_ROUND} (rounds: ${rounds})\n`);
}
process.stdout.write(`(checksum ${sink})\n`);

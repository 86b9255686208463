// Documents: warm render to PDF (template → HTML → Debian Chromium → PDF bytes) of a bill payment
// slip (barcode + QR) and an A4 receipt (ต้นฉบับ + สำเนา), 30 rounds each after 3 warm-up renders,
// one browser kept warm as the app does. Prints p50 / p90 / max in ms; target p50 ≤ 300 ms. Not asserted.
// Run: npx tsx bench/documents.bench.ts (or `npm run bench -- documents`).
import { renderBillSlip } from '../src-main/documents/bill-slip';
import { createChromiumRenderer } from '../src-main/documents/chromium-renderer';
import type { DocumentHtml } from '../src-main/documents/html';
import { renderReceipt } from '../src-main/documents/receipt';
import { RECEIPT, SLIP } from '../tests/documents/fixtures';

const WARM_UP = 3;
const ROUNDS = 30;
const hrtime = globalThis.process.hrtime;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

const renderer = createChromiumRenderer();
async function measure(name: string, make: (round: number) => Promise<DocumentHtml>): Promise<void> {
  for (let i = 0; i < WARM_UP; i += 1) await renderer.renderPdf(await make(i));
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < ROUNDS; i += 1) {
    const start = hrtime.bigint();
    // Template included: a new document each round (new amount), as at the counter.
    const pdf = await renderer.renderPdf(await make(i));
    times.push(Number(hrtime.bigint() - start) / 1e6);
    bytes = pdf.bytes.byteLength;
  }
  times.sort((a, b) => a - b);
  const f = (ms: number): string => ms.toFixed(0).padStart(5);
  globalThis.console.log(`${name.padEnd(28)} p50 ${f(percentile(times, 0.5))} ms  p90 ${f(percentile(times, 0.9))} ms  max ${f(times.at(-1) ?? 0)} ms  (${(bytes / 1024).toFixed(0)} KiB PDF; target p50 ≤ 300 ms)`);
}

try {
  await measure('bill slip (A4, barcode + QR)', (i) => renderBillSlip({ ...SLIP, amountSatang: 150_000 + i }));
  await measure('receipt (A4, original + copy)', (i) => Promise.resolve(renderReceipt({ ...RECEIPT, totalSatang: 150_000 + i }, { paper: 'A4', copies: { kind: 'original-and-copy' } })));
  await measure('receipt (80 mm thermal)', (i) => Promise.resolve(renderReceipt({ ...RECEIPT, totalSatang: 150_000 + i }, { paper: 'thermal-80', copies: { kind: 'original-and-copy' } })));
} finally {
  await renderer.close();
}

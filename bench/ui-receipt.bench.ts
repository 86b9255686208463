// From "confirm payment" to the receipt PDF ready, in the browser shell (issue 7): the two requests
// the bill screen sends when the operator confirms a cash payment — receipt.issue, then
// print.receiptOriginal, which renders the PDF with Chromium and writes it (pdf-file adapter) before
// it answers — over HTTP to `start:web` with the demo office, as the page sends them. The request
// itself (request.create) and the operator's "printed right" (print.confirm) are outside the timing.
// 3 warm-up rounds (the first starts Chromium), then 20: p50 / p90 / max. Target p50 ≤ 500 ms. Not asserted.
// Run: npm run bench -- ui-receipt (the renderer must be built: npm run -s build:renderer).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HTTP_CLIENT_HEADER, HTTP_TOKEN_HEADER, httpRequestPath } from '../src-shared/contract/names';
import { bundleNodePrograms } from '../scripts/bundle-node';
import { startWebShell } from '../tests/helpers/web-shell';

const WARM_UP = 3;
const ROUNDS = 20;
const hrtime = globalThis.process.hrtime;
const root = join(import.meta.dirname, '..');

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

await bundleNodePrograms(); // startWebShell runs out/web/main.js
const dataDir = mkdtempSync(join(tmpdir(), 'ebill-bench-ui-'));
const demo = spawnSync(globalThis.process.execPath, [join(root, 'bin', 'ebill.mjs'), '--data-dir', dataDir, '--json', 'demo'], { cwd: root, encoding: 'utf8' });
if (demo.status !== 0) throw new Error(`ebill demo failed: ${demo.stderr}`);
const shell = await startWebShell(dataDir);
const url = new URL(shell.url);
const token = url.searchParams.get('token') ?? '';
/** One browser tab = one client id (a UUID), as the page makes it. */
const CLIENT_ID = randomUUID();

async function call(name: Parameters<typeof httpRequestPath>[0], input: unknown): Promise<Record<string, unknown>> {
  const response = await globalThis.fetch(new URL(httpRequestPath(name), url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: token, [HTTP_CLIENT_HEADER]: CLIENT_ID },
    body: JSON.stringify(input),
  });
  const reply = (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
  if (!reply.ok || reply.value === undefined) throw new Error(`${name}: ${reply.error?.code ?? response.status} ${reply.error?.message ?? ''}`);
  return reply.value;
}

try {
  await call('session.login', { username: 'operator', password: 'demo1234' });
  const times: number[] = [];
  for (let round = 0; round < WARM_UP + ROUNDS; round += 1) {
    const bill = await call('request.create', { payerName: 'นายทดสอบ ความเร็ว', payerId: '1101700230708', revenueCode: '804001', amountSatang: 150_000 + round });
    const start = hrtime.bigint();
    const receipt = await call('receipt.issue', { ref1: bill['ref1'], payment: { method: 'cash' } });
    const job = await call('print.receiptOriginal', { book: receipt['receiptBook'], number: receipt['receiptNo'] });
    const ms = Number(hrtime.bigint() - start) / 1e6;
    if (job['state'] !== 'sent') throw new Error(`print job ${String(job['state'])}: ${String(job['lastError'])}`);
    await call('print.confirm', { jobId: job['id'] });
    if (round >= WARM_UP) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const f = (ms: number): string => ms.toFixed(0).padStart(5);
  globalThis.console.log(`confirm payment → receipt PDF ready  p50 ${f(percentile(times, 0.5))} ms  p90 ${f(percentile(times, 0.9))} ms  max ${f(times.at(-1) ?? 0)} ms  (${ROUNDS} rounds; target p50 ≤ 500 ms)`);
} finally {
  await shell.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

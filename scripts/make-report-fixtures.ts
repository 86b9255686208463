/**
 * `npx tsx scripts/make-report-fixtures.ts`: renders every report of tests/reports/reference-reports.ts
 * with Debian's Chromium and writes its reference PNG (page 1, 60 dpi gray) to tests/fixtures/reports/.
 * Run it only for a deliberate layout change, then look at every changed PNG before committing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChromiumRenderer } from '../src-main/documents/chromium-renderer';
import { REPORT_FIXTURE_DIR, renderReferenceReportPngs } from '../tests/reports/reference-reports';

const renderer = createChromiumRenderer();
try {
  const pngs = await renderReferenceReportPngs(renderer);
  mkdirSync(REPORT_FIXTURE_DIR, { recursive: true });
  for (const [file, png] of pngs) {
    writeFileSync(join(REPORT_FIXTURE_DIR, file), png);
    process.stdout.write(`${file}\t${png.byteLength} bytes\n`);
  }
  process.stdout.write(`wrote ${pngs.size} reference PNGs to ${REPORT_FIXTURE_DIR}\n`);
} finally {
  await renderer.close();
}

/**
 * `npm run fixtures:documents`: renders every document of tests/documents/reference-documents.ts
 * with Debian's Chromium and writes its reference PNGs to tests/fixtures/documents/. Run it only for
 * a deliberate layout change, then look at every changed PNG before committing
 * (tests/fixtures/documents/README.md).
 */
import { createChromiumRenderer } from '../src-main/documents/chromium-renderer';
import { FIXTURE_DIR, renderReferencePngs, writeFixtures } from '../tests/documents/reference-documents';

const renderer = createChromiumRenderer();
try {
  const pngs = await renderReferencePngs(renderer);
  writeFixtures(pngs);
  for (const [file, png] of pngs) process.stdout.write(`${file}\t${png.byteLength} bytes\n`);
  process.stdout.write(`wrote ${pngs.size} reference PNGs to ${FIXTURE_DIR}\n`);
} finally {
  await renderer.close();
}

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumRenderer } from '../../src-main/documents/chromium-renderer';
import type { PdfRenderer } from '../../src-main/documents/renderer';
import { OUTPUT_DIR } from './pdf-tools';
import { decodeGray, encodeGray, FIXTURE_DIR, pngName, REFERENCE_DOCUMENTS, renderReferencePngs, type GrayImage } from './reference-documents';

/**
 * Every document's page 1 (and page 2 or 3 where it matters) compared with its reference PNG in
 * tests/fixtures/documents/ (issue 6): a layout change shows here even when every word and code
 * still reads back. Regenerate with `npm run fixtures:documents` only for a deliberate change.
 */

/**
 * A pixel counts as changed when its gray value moved by more than this (0–255). The same Chromium
 * renders these byte for byte alike; 32 still lets antialiasing move a little, and catches the light
 * ตัวอย่าง / DEMO watermark disappearing (64 did not).
 */
const PIXEL_DIFFERENCE_THRESHOLD = 32;
/** At most this fraction of a page's pixels may change: 0.1 %, a few digits at 60 dpi on A4 (0.5 % let a changed Ref2 and QR pass). */
const MAX_CHANGED_PIXEL_FRACTION = 0.001;

let renderer: PdfRenderer;
let rendered: Map<string, Buffer>;

beforeAll(async () => {
  renderer = createChromiumRenderer();
  rendered = await renderReferencePngs(renderer);
});
afterAll(async () => {
  await renderer.close();
});

/** The changed pixels black on white, unchanged ones a faint copy of the reference, to see where it moved. */
function diffImage(reference: GrayImage, actual: GrayImage): { image: GrayImage; changed: number } {
  const gray = new Uint8Array(reference.gray.length);
  let changed = 0;
  for (let i = 0; i < gray.length; i += 1) {
    const before = reference.gray[i] ?? 0;
    const isChanged = Math.abs(before - (actual.gray[i] ?? 0)) > PIXEL_DIFFERENCE_THRESHOLD;
    if (isChanged) changed += 1;
    gray[i] = isChanged ? 0 : 255 - Math.round((255 - before) / 8);
  }
  return { image: { width: reference.width, height: reference.height, gray }, changed };
}

describe('documents match their reference PNGs (60 dpi gray)', () => {
  const pages = REFERENCE_DOCUMENTS.flatMap((doc) => doc.pages.map((page) => ({ doc, page, file: pngName(doc.name, page) })));

  it.each(pages)('$file: $doc.description', ({ file }) => {
    const referenceFile = join(FIXTURE_DIR, file);
    const png = rendered.get(file);
    expect(png, `${file} was rendered`).toBeDefined();
    if (png === undefined) return;
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const actualFile = join(OUTPUT_DIR, file.replace(/\.png$/, '-actual.png'));
    expect(existsSync(referenceFile), `${referenceFile} is missing: run npm run fixtures:documents and look at it`).toBe(true);
    const reference = decodeGray(readFileSync(referenceFile));
    const actual = decodeGray(png);
    if (actual.width !== reference.width || actual.height !== reference.height) {
      writeFileSync(actualFile, png);
      expect.fail(`${file}: page is ${actual.width}×${actual.height} px, the reference ${reference.width}×${reference.height} px; the new rendering is ${actualFile}`);
    }
    const { image, changed } = diffImage(reference, actual);
    const fraction = changed / reference.gray.length;
    if (fraction > MAX_CHANGED_PIXEL_FRACTION) {
      const diffFile = join(OUTPUT_DIR, file.replace(/\.png$/, '-diff.png'));
      writeFileSync(actualFile, png);
      writeFileSync(diffFile, encodeGray(image));
      expect.fail(
        `${file}: ${(fraction * 100).toFixed(2)} % of pixels changed by more than ${PIXEL_DIFFERENCE_THRESHOLD} gray levels ` +
          `(at most ${MAX_CHANGED_PIXEL_FRACTION * 100} %); new rendering ${actualFile}, changed pixels in black ${diffFile}. ` +
          'If the change is deliberate, run npm run fixtures:documents and look at the new PNG.',
      );
    }
  });

  it('tests/fixtures/documents holds exactly these references, none left over from a removed page', () => {
    expect(readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.png')).sort()).toEqual(pages.map((p) => p.file).sort());
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError } from '../../src-shared/result';
import { findResourcesDir } from '../platform/app-version';

/** The one family every document uses (payment-formats.md §7.3): Sarabun, OFL, bundled in resources/fonts. */
export const DOCUMENT_FONT_FAMILY = 'Sarabun';

/** The files copied from @fontsource/sarabun 5.3.0 (woff2: Chromium embeds them as TrueType subsets in the PDF). */
export const DOCUMENT_FONT_FILES = [
  { file: 'sarabun-thai-400-normal.woff2', weight: 400, unicodeRange: 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC' },
  { file: 'sarabun-thai-700-normal.woff2', weight: 700, unicodeRange: 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC' },
  // Latin faces carry no range: every other character falls to them, never to a system font.
  { file: 'sarabun-latin-400-normal.woff2', weight: 400, unicodeRange: null },
  { file: 'sarabun-latin-700-normal.woff2', weight: 700, unicodeRange: null },
] as const;

let cachedCss: string | null = null;

export function fontsDir(resourcesDir: string | null = findResourcesDir()): string {
  const dir = resourcesDir === null ? null : join(resourcesDir, 'fonts');
  if (dir === null || !existsSync(join(dir, DOCUMENT_FONT_FILES[0].file))) {
    throw new CodedError('FONT_MISSING', `The bundled Thai font (${DOCUMENT_FONT_FAMILY}) is not in resources/fonts; documents cannot be printed`);
  }
  return dir;
}

/**
 * `@font-face` rules with the fonts inlined as data URLs, so a document loads nothing from
 * anywhere (no remote content, no file access needed by the page) and the PDF embeds the font.
 */
export function fontFaceCss(): string {
  if (cachedCss !== null) return cachedCss;
  const dir = fontsDir();
  cachedCss = DOCUMENT_FONT_FILES.map(({ file, weight, unicodeRange }) => {
    const base64 = readFileSync(join(dir, file)).toString('base64');
    const range = unicodeRange === null ? '' : `unicode-range:${unicodeRange};`;
    return `@font-face{font-family:'${DOCUMENT_FONT_FAMILY}';font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${base64}) format('woff2');${range}}`;
  }).join('\n');
  return cachedCss;
}

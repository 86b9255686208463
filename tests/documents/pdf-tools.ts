import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli';

/** Rendered documents are kept here (git-ignored) so that a person can look at every page. */
export const OUTPUT_DIR = join(ROOT, 'test-results', 'documents');

export function savePdf(name: string, bytes: Uint8Array): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = join(OUTPUT_DIR, `${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

export interface PdfFont {
  readonly name: string;
  readonly embedded: boolean;
}

/** `pdffonts`: every font the PDF uses and whether it is embedded. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: `emb` is the 5th column from the end.
    return { name: columns[0] ?? '', embedded: columns.at(-5) === 'yes' };
  });
}

/** `pdftotext` with every run of whitespace made one space (lines and layout do not matter here). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** `pdftotext` of one page (1-based), whitespace made one space. */
export function pdfPageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Number of pages (`pdfinfo`). */
export function pdfPageCount(file: string): number {
  const match = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  if (match === null) throw new Error(`no page count in pdfinfo output for ${file}`);
  return Number(match[1]);
}

/** Page size in mm of the first page (`pdfinfo`). */
export function pdfPageSizeMm(file: string): { widthMm: number; heightMm: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  if (match === null) throw new Error(`no page size in pdfinfo output: ${info}`);
  const mm = (pts: string): number => (Number(pts) * 25.4) / 72;
  return { widthMm: mm(match[1] ?? '0'), heightMm: mm(match[2] ?? '0') };
}

/** `pdftoppm -r 300` then `zbarimg --raw` on every page: the exact texts of every barcode and QR found. */
export function decodeSymbols(file: string): { type: string; text: string }[] {
  const prefix = file.replace(/\.pdf$/, '-300dpi');
  execFileSync('pdftoppm', ['-r', '300', '-png', file, prefix]);
  const dir = OUTPUT_DIR;
  const base = prefix.slice(dir.length + 1);
  const pngs = readdirSync(dir).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'));
  const found: { type: string; text: string }[] = [];
  for (const png of pngs) {
    // zbarimg exits 4 when a page has no symbol; the output still tells what was found.
    let out: string;
    try {
      out = execFileSync('zbarimg', ['-q', '-Sdisable', '-Scode128.enable', '-Sqrcode.enable', join(dir, png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (error) {
      out = String((error as { stdout?: string }).stdout ?? '');
    }
    // Output lines are "CODE-128:…" / "QR-Code:…"; a barcode's text holds CRs, never LFs.
    for (const line of out.split('\n').filter((l) => l !== '')) {
      const colon = line.indexOf(':');
      found.push({ type: line.slice(0, colon), text: line.slice(colon + 1) });
    }
  }
  return found;
}

/** A low-resolution PNG of every page, for looking at the layout. */
export function previewPngs(file: string): void {
  execFileSync('pdftoppm', ['-r', '60', '-png', file, file.replace(/\.pdf$/, '-preview')]);
}

import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { archiveDayPdf, archivePdf, type DocumentTarget } from '../../documents/archive';
import { PAPER_SIZES, type PaperSize } from '../../documents/html';
import { parseCommand, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { withHost, type CliEnv } from '../runtime';

export const PRINT_USAGE = 'print bill|request --ref1 R --pdf F · print receipt --book B --no N [--paper A4|A5|thermal-80] --pdf F · print day --date YYYY-MM-DD --pdf F';

function isPaper(value: string): value is PaperSize {
  return (PAPER_SIZES as readonly string[]).includes(value);
}

function targetOf(sub: string | undefined, values: { ref1?: string | undefined; book?: string | undefined; no?: string | undefined; paper?: string | undefined }): DocumentTarget {
  if (sub === 'bill' || sub === 'request') {
    const ref1 = requireOption(values.ref1, '--ref1');
    if (!/^\d{15}$/.test(ref1)) throw new UsageError(`--ref1 must be 15 digits, got "${ref1.slice(0, 32)}"`);
    return { kind: sub, ref1 };
  }
  if (sub === 'receipt') {
    const book = requireOption(values.book, '--book');
    if (!/^[A-Z0-9][A-Z0-9-]{0,31}$/.test(book)) throw new UsageError(`--book must be letters, digits and dashes, e.g. E70-5401-1, got "${book.slice(0, 32)}"`);
    const noText = requireOption(values.no, '--no');
    if (!/^[1-9]\d{0,6}$/.test(noText)) throw new UsageError(`--no must be a receipt number 1–9999999, got "${noText.slice(0, 16)}"`);
    const paper = values.paper ?? 'A4';
    if (!isPaper(paper)) throw new UsageError(`--paper must be one of ${PAPER_SIZES.join(', ')}`);
    return { kind: 'receipt', book, number: Number(noText), paper };
  }
  throw new UsageError(`print needs bill, request, receipt or day${sub === undefined ? '' : `, not "${sub}"`}`);
}

/**
 * `ebill print bill|request|receipt … --pdf F` (cli.md): the archive rendering of a document to a
 * PDF file. Reads only, needs no login, records no print event; the file appears whole or not at all.
 */
export async function printCommand(env: CliEnv, rest: readonly string[]): Promise<CommandResult> {
  const [sub, ...args] = rest;
  const { values } = parseCommand(args, {
    ref1: { type: 'string' },
    book: { type: 'string' },
    no: { type: 'string' },
    paper: { type: 'string' },
    pdf: { type: 'string' },
    date: { type: 'string' },
  });
  if (sub === 'day') return printDay(env, values);
  const target = targetOf(sub, values);
  const file = resolve(requireOption(values.pdf, '--pdf'));
  return withHost(env, async (host) => {
    const pdf = await archivePdf(host.services.database.sqlite, host.services.printing.renderer(), target);
    writeWhole(file, pdf.bytes);
    return { file, pages: pdf.pages, text: `${file} (${pdf.pages} หน้า / pages)` };
  });
}

/** The file appears whole or not at all. */
function writeWhole(file: string, bytes: Uint8Array): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
}

/** `ebill print day --date D --pdf F`: every receipt of a business date in one PDF, one page each. */
async function printDay(env: CliEnv, values: { date?: string | undefined; pdf?: string | undefined }): Promise<CommandResult> {
  const date = requireOption(values.date, '--date');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD, got "${date.slice(0, 32)}"`);
  const file = resolve(requireOption(values.pdf, '--pdf'));
  return withHost(env, async (host) => {
    const archive = await archiveDayPdf(host.services.database.sqlite, host.services.printing.renderer(), date);
    writeWhole(file, archive.pdf.bytes);
    return { file, pages: archive.pdf.pages, receipts: archive.receipts.length, text: `${file} (${archive.receipts.length} ใบเสร็จ / receipts, ${archive.pdf.pages} หน้า / pages)` };
  });
}

import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { archivePdf, type DocumentTarget } from '../../documents/archive';
import { createChromiumRenderer } from '../../documents/chromium-renderer';
import { PAPER_SIZES, type PaperSize } from '../../documents/html';
import { parseCommand, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { withHost, type CliEnv } from '../runtime';

export const PRINT_USAGE = 'print bill|request --ref1 R --pdf F · print receipt --book B --no N [--paper A4|A5|thermal-80] --pdf F';

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
  throw new UsageError(`print needs bill, request or receipt${sub === undefined ? '' : `, not "${sub}"`}`);
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
  });
  const target = targetOf(sub, values);
  const file = resolve(requireOption(values.pdf, '--pdf'));
  return withHost(env, async (host) => {
    const renderer = createChromiumRenderer();
    try {
      const pdf = await archivePdf(host.services.database.sqlite, renderer, target);
      const partial = `${file}.partial`;
      writeFileSync(partial, pdf.bytes);
      renameSync(partial, file);
      return { file, pages: pdf.pages, text: `${file} (${pdf.pages} หน้า / pages)` };
    } finally {
      await renderer.close();
    }
  });
}

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodedError } from '../../src-shared/result';
import type { DocumentHtml } from '../documents/html';
import type { RenderedPdf } from '../documents/renderer';

export type AdapterKind = 'pdf-file' | 'lp' | 'electron';
export const ADAPTER_KINDS = ['pdf-file', 'lp', 'electron'] as const satisfies readonly AdapterKind[];

/** How long the OS spooler may take to accept a job (style.md §14). */
export const PRINT_SEND_TIMEOUT_MS = 30_000;
/** `lp` is looked for here (CUPS on Linux); Windows uses the Electron adapter. */
export const LP_PATHS = ['/usr/bin/lp', '/usr/local/bin/lp', '/bin/lp'] as const;

export interface PrintRequest {
  readonly jobId: string;
  readonly title: string;
  readonly document: DocumentHtml;
  readonly pdf: RenderedPdf;
  readonly deviceName: string | null;
}

/** Where a job goes. Hands it over or throws (the queue records the failure and keeps the job). */
export interface PrintAdapter {
  readonly kind: AdapterKind;
  send(request: PrintRequest): Promise<void>;
}

/** Writes each job as a PDF file in a folder (archive printing, tests, "print to file"). */
export function pdfFileAdapter(dir: string): PrintAdapter {
  return {
    kind: 'pdf-file',
    send(request) {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${request.jobId}.pdf`);
      writeFileSync(`${file}.partial`, request.pdf.bytes);
      renameSync(`${file}.partial`, file);
      return Promise.resolve();
    },
  };
}

export function findLp(): string | null {
  return LP_PATHS.find((path) => existsSync(path)) ?? null;
}

function paperOption(document: DocumentHtml): string {
  const { widthMm, heightMm } = document.page;
  if (widthMm === 210 && heightMm === 297) return 'A4';
  if (widthMm === 148 && heightMm === 210) return 'A5';
  return `Custom.${widthMm}x${heightMm ?? 297}mm`;
}

/** The OS spooler through CUPS `lp` (Linux office PCs); a missing `lp` is PRINTER_UNAVAILABLE. */
export function lpAdapter(lpPath: string | null = findLp()): PrintAdapter {
  return {
    kind: 'lp',
    async send(request) {
      if (lpPath === null) throw new CodedError('PRINTER_UNAVAILABLE', 'No OS print spooler (lp) on this machine');
      const file = join(tmpdir(), `ebill-print-${request.jobId}.pdf`);
      writeFileSync(file, request.pdf.bytes);
      const args = [...(request.deviceName === null ? [] : ['-d', request.deviceName]), '-t', request.title, '-o', `media=${paperOption(request.document)}`, file];
      try {
        await new Promise<void>((resolve, reject) => {
          execFile(lpPath, args, { timeout: PRINT_SEND_TIMEOUT_MS }, (error, _stdout, stderr) => {
            if (error === null) resolve();
            else reject(new CodedError('PRINT_FAILED', `lp refused the job: ${stderr.trim() || error.message}`));
          });
        });
      } finally {
        rmSync(file, { force: true });
      }
    },
  };
}

import type Database from 'better-sqlite3';
import { CodedError } from '../../src-shared/result';
import type { PaperSize } from '../documents/html';
import { ADAPTER_KINDS, type AdapterKind } from './adapters';

export type PrintDocumentKind = 'bill-slip' | 'request-form' | 'receipt';
export const PRINT_DOCUMENT_KINDS = ['bill-slip', 'request-form', 'receipt'] as const satisfies readonly PrintDocumentKind[];

/** Papers each document is laid out for: the slip's barcode and the form need A4. */
export const PAPERS_FOR: Readonly<Record<PrintDocumentKind, readonly PaperSize[]>> = {
  'bill-slip': ['A4'],
  'request-form': ['A4'],
  receipt: ['A4', 'A5', 'thermal-80'],
};

export interface PrinterSetting {
  readonly documentKind: PrintDocumentKind;
  readonly adapter: AdapterKind;
  /** The OS printer name; null = the system's default printer. */
  readonly deviceName: string | null;
  readonly paper: PaperSize;
}

/** Until someone chooses a printer, documents go to PDF files on A4. */
export function defaultSetting(documentKind: PrintDocumentKind): PrinterSetting {
  return { documentKind, adapter: 'pdf-file', deviceName: null, paper: 'A4' };
}

export function printerFor(sqlite: Database.Database, documentKind: PrintDocumentKind): PrinterSetting {
  const row = sqlite.prepare('SELECT adapter, device_name AS deviceName, paper FROM printer_settings WHERE document_kind = ?').get(documentKind) as
    | { adapter: AdapterKind; deviceName: string | null; paper: PaperSize }
    | undefined;
  return row === undefined ? defaultSetting(documentKind) : { documentKind, ...row };
}

/** Sets this terminal's printer and paper for one document kind; a paper the layout does not support is refused. */
export function setPrinter(sqlite: Database.Database, userId: string, nowMs: number, setting: PrinterSetting): PrinterSetting {
  if (!(PRINT_DOCUMENT_KINDS as readonly string[]).includes(setting.documentKind)) throw new CodedError('BAD_INPUT', `documentKind: ${setting.documentKind} is not a printed document`);
  if (!(ADAPTER_KINDS as readonly string[]).includes(setting.adapter)) throw new CodedError('BAD_INPUT', `adapter: ${setting.adapter} is not a printer kind`);
  if (!PAPERS_FOR[setting.documentKind].includes(setting.paper)) {
    throw new CodedError('BAD_INPUT', `paper: ${setting.documentKind} is printed on ${PAPERS_FOR[setting.documentKind].join(' or ')}, not ${setting.paper}`);
  }
  if (setting.deviceName !== null && !/^[^\p{Cc}]{1,128}$/u.test(setting.deviceName)) throw new CodedError('BAD_INPUT', 'deviceName: 1–128 characters, no control characters');
  sqlite
    .prepare(
      `INSERT INTO printer_settings (document_kind, adapter, device_name, paper, updated_by_user_id, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (document_kind) DO UPDATE SET adapter = excluded.adapter, device_name = excluded.device_name, paper = excluded.paper,
         updated_by_user_id = excluded.updated_by_user_id, updated_at_ms = excluded.updated_at_ms`,
    )
    .run(setting.documentKind, setting.adapter, setting.deviceName, setting.paper, userId, nowMs);
  return printerFor(sqlite, setting.documentKind);
}

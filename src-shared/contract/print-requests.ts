import { z } from 'zod';
import { ID_PATTERN } from '../ids';
import { ref1, receiptBook, receiptNo } from './ledger-requests';
import { LIMITS, type RequestSpec } from './spec';

/**
 * print.*: the print queue and printer settings (issue 6, src-main/printing/README.md). A job
 * references a ledger record and never creates one; the original print of a receipt records the
 * ledger's `printed` event through the queue, a copy is printed only for a reprint event that a
 * supervisor already approved with `receipt.reprint`.
 */
export const PRINT_DOCUMENT_KINDS = ['bill-slip', 'request-form', 'receipt'] as const;
export const PRINT_ADAPTER_KINDS = ['pdf-file', 'lp', 'electron'] as const;
export const PRINT_PAPERS = ['A4', 'A5', 'thermal-80'] as const;
export const PRINT_JOB_STATES = ['queued', 'sent', 'failed', 'confirmed'] as const;

/**
 * Limits of print requests (style.md §14). A print may start Chromium (30 s), render (20 s) and
 * wait for the OS spooler (30 s): the request gets all three and some room.
 * `tests/printing/print-requests.test.ts` checks this against the renderer's and adapters' own limits.
 */
export const PRINT_LIMITS = {
  printTimeoutMs: 90_000,
  /** Listing OS printers runs `lpstat` or asks Electron; both answer in well under this. */
  printersTimeoutMs: 15_000,
  maxInputBytes: 4 * 1024,
} as const;

export const printJobId = z.string().regex(ID_PATTERN, 'jobId must be a print job id (26 characters)');
const copyNo = z.number().int('copyNo must be a whole number').min(1, 'copyNo starts at 1').max(999, 'copyNo is at most 999');
const documentKind = z.enum(PRINT_DOCUMENT_KINDS);
const deviceName = z
  .string()
  .min(1, 'deviceName is empty; use null for the default printer')
  .max(128, 'deviceName is longer than 128 characters')
  .regex(/^[^\p{Cc}]*$/u, 'deviceName contains control characters');

export const printJob = z.strictObject({
  id: z.string(),
  documentKind,
  receiptId: z.string().nullable(),
  ref1: z.string().nullable(),
  purpose: z.enum(['original', 'reprint', 'document']),
  copyNo: z.number().int().nullable(),
  adapter: z.enum(PRINT_ADAPTER_KINDS),
  deviceName: z.string().nullable(),
  paper: z.enum(PRINT_PAPERS),
  state: z.enum(PRINT_JOB_STATES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAtMs: z.number().int(),
  updatedAtMs: z.number().int(),
});
export type PrintJobSummary = z.infer<typeof printJob>;

export const printerSetting = z.strictObject({
  documentKind,
  adapter: z.enum(PRINT_ADAPTER_KINDS),
  /** The OS printer name; null = the system's default printer. */
  deviceName: deviceName.nullable(),
  paper: z.enum(PRINT_PAPERS),
});

const printCommand = { kind: 'command', timeoutMs: PRINT_LIMITS.printTimeoutMs, maxInputBytes: PRINT_LIMITS.maxInputBytes } as const;
const quickCommand = { kind: 'command', timeoutMs: LIMITS.defaultTimeoutMs, maxInputBytes: PRINT_LIMITS.maxInputBytes } as const;
const query = { kind: 'query', timeoutMs: LIMITS.defaultTimeoutMs, maxInputBytes: PRINT_LIMITS.maxInputBytes } as const;
const COUNTER = ['operator', 'supervisor'] as const;
const PRINTER_ADMIN = ['admin'] as const;
const SEES_PRINTERS = ['operator', 'supervisor', 'admin'] as const;
const receiptRef = { book: receiptBook, number: receiptNo };

export const printRequests = {
  'print.receiptOriginal': { input: z.strictObject(receiptRef), output: printJob, access: COUNTER, ...printCommand },
  'print.reprintCopy': { input: z.strictObject({ ...receiptRef, copyNo }), output: printJob, access: COUNTER, ...printCommand },
  'print.billSlip': { input: z.strictObject({ ref1 }), output: printJob, access: COUNTER, ...printCommand },
  'print.requestForm': { input: z.strictObject({ ref1 }), output: printJob, access: COUNTER, ...printCommand },
  'print.retry': { input: z.strictObject({ jobId: printJobId }), output: printJob, access: COUNTER, ...printCommand },
  'print.confirm': { input: z.strictObject({ jobId: printJobId }), output: printJob, access: COUNTER, ...quickCommand },
  'print.reportFailed': {
    input: z.strictObject({
      jobId: printJobId,
      reasonText: z.string().trim().min(1, 'reason is required').max(200, 'reason is longer than 200 characters').regex(/^[^\p{Cc}]*$/u, 'reason contains control characters'),
    }),
    output: printJob,
    access: COUNTER,
    ...quickCommand,
  },
  'print.jobs': { input: z.strictObject({}), output: z.strictObject({ jobs: z.array(printJob) }), access: SEES_PRINTERS, ...query },
  'print.settings.get': { input: z.strictObject({}), output: z.strictObject({ settings: z.array(printerSetting) }), access: SEES_PRINTERS, ...query },
  'print.settings.set': { input: printerSetting, output: printerSetting, access: PRINTER_ADMIN, ...quickCommand },
  'print.printers': {
    input: z.strictObject({}),
    output: z.strictObject({
      adapters: z.array(z.enum(PRINT_ADAPTER_KINDS)),
      printers: z.array(z.strictObject({ name: z.string(), isDefault: z.boolean() })),
    }),
    access: SEES_PRINTERS,
    kind: 'query',
    timeoutMs: PRINT_LIMITS.printersTimeoutMs,
    maxInputBytes: PRINT_LIMITS.maxInputBytes,
  },
  'print.testPage': {
    input: z.strictObject({ documentKind }),
    output: z.strictObject({ documentKind, adapter: z.enum(PRINT_ADAPTER_KINDS), deviceName: z.string().nullable(), paper: z.enum(PRINT_PAPERS), pages: z.number().int() }),
    // A sample page marked ตัวอย่าง, no ledger entry: whoever works the printer may check it.
    access: SEES_PRINTERS,
    ...printCommand,
  },
} as const satisfies Record<string, RequestSpec>;

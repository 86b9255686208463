import { z } from 'zod';
import { BANK_EXCEPTION_KINDS, BANK_FILE_FORMAT_CHOICES, BANK_RESOLUTION_ACTIONS, MAX_BANK_FILE_BYTES } from '../domain/bank';
import { isoDate, thaiText } from './fields';
import { ref1 } from './ledger-requests';
import { LIMITS, type RequestSpec } from './spec';

/** Base64 characters of the largest bank file, and the JSON around them. */
export const MAX_BANK_FILE_BASE64_CHARS = Math.ceil(MAX_BANK_FILE_BYTES / 3) * 4;
/** A 100,000-line file imports in well under a minute; this is the ceiling, not the expectation. */
export const BANK_IMPORT_TIMEOUT_MS = 600_000;

const rowId = z.string().regex(/^[0-9A-Za-z-]{1,40}$/, 'id: 1–40 letters, digits or dashes');

const importResult = z.strictObject({
  fileId: z.string(),
  sha256: z.string(),
  format: z.enum(['ktb256', 'csv']),
  lines: z.number().int(),
  matched: z.number().int(),
  exceptions: z.number().int(),
  duplicates: z.number().int(),
  /** Lines of another office of the province (a provincial office): queued for central, not exceptions (issue 11). */
  forwarded: z.number().int(),
  isSameFileAgain: z.boolean(),
});

const exceptionSummary = z.strictObject({
  exceptionId: z.string(),
  kind: z.enum(BANK_EXCEPTION_KINDS),
  detail: z.string(),
  fileId: z.string(),
  lineNo: z.number().int(),
  paymentDate: isoDate,
  paymentTime: z.string(),
  ref1: z.string(),
  ref2: z.string(),
  customerName: z.string(),
  amountSatang: z.number().int(),
  isClosed: z.boolean(),
  resolutions: z.number().int(),
});

const fileSummary = z.strictObject({
  fileId: z.string(),
  sha256: z.string(),
  format: z.string(),
  byteCount: z.number().int(),
  bankCode: z.string().nullable(),
  companyAccount: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  lines: z.number().int(),
  matched: z.number().int(),
  exceptions: z.number().int(),
  duplicates: z.number().int(),
  forwarded: z.number().int(),
  creditTotalSatang: z.number().int(),
  importedByUserId: z.string().nullable(),
  importedAtMs: z.number().int(),
});

const READERS = ['finance', 'supervisor', 'head', 'auditor', 'admin'] as const;
const query = { kind: 'query', timeoutMs: LIMITS.defaultTimeoutMs, maxInputBytes: LIMITS.defaultMaxInputBytes } as const;

/** bank.*: reconciliation of the bank's bill-payment files (issue 9). Importing and resolving is the finance officer's. */
export const bankRequests = {
  'bank.import': {
    input: z.strictObject({
      contentBase64: z
        .string()
        .min(1, 'contentBase64: the file is empty')
        .max(MAX_BANK_FILE_BASE64_CHARS, `contentBase64: the file is larger than ${MAX_BANK_FILE_BYTES} bytes`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'contentBase64: not base64 (A–Z, a–z, 0–9, +, /, = padding)')
        .refine((text) => text.length % 4 === 0, 'contentBase64: base64 length must be a multiple of 4'),
      format: z.enum(BANK_FILE_FORMAT_CHOICES),
      fileName: thaiText('file name', 255).optional(),
    }),
    output: importResult,
    access: ['finance'],
    kind: 'command',
    timeoutMs: BANK_IMPORT_TIMEOUT_MS,
    maxInputBytes: MAX_BANK_FILE_BASE64_CHARS + 1024,
  },
  'bank.files': {
    input: z.strictObject({}),
    output: z.strictObject({ files: z.array(fileSummary) }),
    access: READERS,
    ...query,
  },
  'bank.exceptions': {
    input: z.strictObject({ openOnly: z.boolean(), fileId: rowId.optional() }),
    output: z.strictObject({ exceptions: z.array(exceptionSummary) }),
    access: READERS,
    ...query,
  },
  'bank.resolveException': {
    input: z.strictObject({
      exceptionId: rowId,
      action: z.enum(BANK_RESOLUTION_ACTIONS),
      ref1: ref1.optional(),
      note: thaiText('note', 500),
    }),
    output: z.strictObject({ resolutionId: z.string(), confirmationId: z.string().nullable(), isClosed: z.boolean() }),
    access: ['finance'],
    kind: 'command',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
} as const satisfies Record<string, RequestSpec>;

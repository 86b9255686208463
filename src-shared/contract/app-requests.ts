import { z } from 'zod';
import { LIMITS, type RequestSpec } from './spec';
import { billerId, companyCode, costCentre, isoDate, password, placeCode, terminalSlot, thaiText, username } from './fields';

export const DOCUMENT_DIGITS = ['arabic', 'thai'] as const;
/** ที่ทำการปกครองอำเภอ / ที่ทำการปกครองจังหวัด (src-main/office/office-kind.ts). */
export const OFFICE_KINDS = ['district', 'provincial'] as const;

export const officeSummary = z.strictObject({
  place: placeCode,
  nameTh: z.string(),
  province: z.string(),
  costCentre: costCentre.nullable(),
  billerId: billerId.nullable(),
  companyCode: companyCode.nullable(),
});
export type OfficeSummary = z.infer<typeof officeSummary>;

/** app.* and setup.*: what the first screen needs, and the first-run set-up (design.md identity). */
export const appRequests = {
  'app.info': {
    input: z.strictObject({}),
    output: z.strictObject({
      version: z.string(),
      isSetUp: z.boolean(),
      isTraining: z.boolean(),
      office: officeSummary.nullable(),
      terminalSlot: terminalSlot.nullable(),
      businessDate: isoDate,
      idleTimeoutMs: z.number().int().positive(),
    }),
    access: 'public',
    kind: 'query',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  'setup.init': {
    input: z.strictObject({
      office: z.strictObject({
        place: placeCode,
        nameTh: thaiText('office name', 200),
        province: thaiText('province', 100),
        costCentre: costCentre.nullable(),
        billerId: billerId.nullable(),
        companyCode: companyCode.nullable(),
      }),
      terminalSlot,
      isTraining: z.boolean(),
      admin: z.strictObject({
        username,
        fullNameTh: thaiText('full name', 100),
        positionTh: thaiText('position', 100),
        password,
      }),
    }),
    output: z.strictObject({ place: placeCode, terminalSlot }),
    access: 'public',
    kind: 'command',
    timeoutMs: LIMITS.loginTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  /** Arabic (default) or Thai digits on this office's printed documents (design.md "Documents"). */
  'office.setDocumentDigits': {
    input: z.strictObject({ digits: z.enum(DOCUMENT_DIGITS) }),
    output: z.strictObject({ digits: z.enum(DOCUMENT_DIGITS) }),
    access: ['admin'],
    kind: 'command',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  /** District (default) or provincial office (issue 10): the provincial office remits its province's bill payments. */
  'office.setKind': {
    input: z.strictObject({ kind: z.enum(OFFICE_KINDS) }),
    output: z.strictObject({ kind: z.enum(OFFICE_KINDS) }),
    access: ['admin'],
    kind: 'command',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  /** This office's kind, for the settings screen (every signed-in role reads it; only the administrator sets it). */
  'office.kind': {
    input: z.strictObject({}),
    output: z.strictObject({ kind: z.enum(OFFICE_KINDS) }),
    access: ['operator', 'supervisor', 'finance', 'head', 'auditor', 'admin'],
    kind: 'query',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  /**
   * The office's own settings after set-up (an office set up without its cost centre or biller id
   * cannot make bills until they are filled in). A setting that bills depend on is locked once the
   * first bill exists: old slips would otherwise print another biller id than the one they carry.
   */
  'office.update': {
    input: z
      .strictObject({
        nameTh: thaiText('office name', 200).optional(),
        costCentre: costCentre.optional(),
        billerId: billerId.optional(),
        companyCode: companyCode.nullable().optional(),
      })
      .refine((input) => Object.keys(input).length > 0, 'name at least one setting to change'),
    output: officeSummary,
    access: ['admin'],
    kind: 'command',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
} as const satisfies Record<string, RequestSpec>;

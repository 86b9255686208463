import { z } from 'zod';
import { SYNC_ERROR_CODES } from './errors';
import { feedItemSchema, feedPaymentSchema } from './feed';
import { MAX_BATCH_ENTRIES, MAX_PROVINCE_PAYMENTS_PER_BATCH } from './limits';
import { SHA256_HEX_PATTERN } from './signing';

/**
 * Every request and response body between a terminal and central (issue 11), zod-validated on
 * both sides: the server parses what a terminal sends, the terminal parses what central answers.
 */

export const PLACE_PATTERN = /^\d{4}$/;
/** Row ids: 26-character Crockford base32 (decision 0003), or the 36-character UUIDs of old rows. */
export const ROW_ID_PATTERN = /^(?:[0-7][0-9A-HJKMNP-TV-Z]{25}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** An Ed25519 public key as SPKI DER (44 bytes) in base64. */
export const ED25519_SPKI_BASE64_PATTERN = /^[A-Za-z0-9+/]{59}=$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;
/** The longest payload text of one entry (a receipt with many items is a few KB). */
export const MAX_PAYLOAD_TEXT_CHARS = 64 * 1024;
/** Enrollment codes: 10 characters of Crockford base32, grouped `XXXXX-XXXXX` for reading aloud. */
export const ENROLL_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

const place = z.string().regex(PLACE_PATTERN);
const slot = z.number().int().min(1).max(9);
const seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const sha256Hex = z.string().regex(SHA256_HEX_PATTERN);
const instantMs = z.number().int().min(0).max(2 ** 48);
const businessDate = z.string().regex(DATE_PATTERN);
const satang = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const enrollRequestSchema = z.strictObject({
  code: z.string().regex(ENROLL_CODE_PATTERN),
  place,
  terminalSlot: slot,
  publicKeySpkiBase64: z.string().regex(ED25519_SPKI_BASE64_PATTERN),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const ackSchema = z.strictObject({
  place,
  terminalSlot: slot,
  keyId: z.string().min(1).max(64),
  /** 0 = nothing yet. */
  highWaterSeq: z.number().int().min(0),
  headHash: sha256Hex,
  atMs: instantMs,
});
export type Ack = z.infer<typeof ackSchema>;

export const signedAckSchema = z.strictObject({ ack: ackSchema, signatureBase64: z.string().regex(BASE64_PATTERN).max(100) });
export type SignedAck = z.infer<typeof signedAckSchema>;

export const enrollResponseSchema = z.strictObject({
  keyId: z.string().min(1).max(64),
  place,
  terminalSlot: slot,
  serverPublicKeySpkiBase64: z.string().regex(ED25519_SPKI_BASE64_PATTERN),
  /** The terminal's offline approval key (design.md "Supervisor approval", path 3): 32 bytes. */
  approvalKeyBase64: z.string().regex(BASE64_PATTERN).length(44),
  signedAck: signedAckSchema,
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

/** One ledger entry as the office sends it (src-main/ledger/chain.ts `EntryForSync`). */
export const syncEntrySchema = z.strictObject({
  seq,
  id: z.string().regex(ROW_ID_PATTERN),
  kind: z.string().min(1).max(64),
  payloadVersion: z.number().int().min(1).max(1000),
  atMs: instantMs,
  businessDate,
  place,
  terminalSlot: slot,
  userId: z.string().regex(ROW_ID_PATTERN).nullable(),
  payloadText: z.string().min(1).max(MAX_PAYLOAD_TEXT_CHARS),
  hash: sha256Hex,
});
export type SyncEntry = z.infer<typeof syncEntrySchema>;

/**
 * Completeness of one business day of this terminal, counted over its chain up to `lastSeq` (the
 * highest seq of that day in the batch's range): entries of the day, sum of the receipts issued
 * that day (satang), the day's last seq and the chain's hash there. Central recounts and compares.
 */
export const dayCompletenessSchema = z.strictObject({
  businessDate,
  entryCount: z.number().int().min(1),
  receiptsSatang: satang,
  lastSeq: seq,
  headHash: sha256Hex,
});
export type DayCompleteness = z.infer<typeof dayCompletenessSchema>;

export const pushRequestSchema = z
  .strictObject({
    entries: z.array(syncEntrySchema).min(1).max(MAX_BATCH_ENTRIES),
    completeness: z.array(dayCompletenessSchema).max(MAX_BATCH_ENTRIES),
  })
  .refine((body) => body.entries.every((e, i) => i === 0 || e.seq === (body.entries[i - 1]?.seq ?? 0) + 1), {
    message: 'entries are one contiguous range in seq order',
    path: ['entries'],
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.strictObject({
  /** Entries central had not stored before. */
  accepted: z.number().int().min(0),
  /** Entries central already had, identical ("already have it"). */
  repeated: z.number().int().min(0),
  signedAck: signedAckSchema,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const statusResponseSchema = z.strictObject({ signedAck: signedAckSchema });
export type StatusResponse = z.infer<typeof statusResponseSchema>;

export const syncErrorSchema = z.strictObject({
  code: z.enum(SYNC_ERROR_CODES),
  message: z.string().max(2000),
  /** With NOT_CONTIGUOUS: what central holds, so the client resends from there. */
  highWaterSeq: z.number().int().min(0).optional(),
});
export type SyncError = z.infer<typeof syncErrorSchema>;

/** Every answer of central: `{ok:true, value}` or `{ok:false, error}` (design.md "Boundaries"). */
export function replySchema<T extends z.ZodType>(value: T) {
  return z.union([z.strictObject({ ok: z.literal(true), value }), z.strictObject({ ok: z.literal(false), error: syncErrorSchema })]);
}

/** Administration (the `ebill-central` CLI through a running server, and the console). */
export const enrollCodeRequestSchema = z.strictObject({ place, terminalSlot: slot });
export const enrollCodeResponseSchema = z.strictObject({ code: z.string().regex(ENROLL_CODE_PATTERN), expiresAtMs: instantMs });
export const revokeRequestSchema = z.strictObject({ place, terminalSlot: slot });
export const revokeResponseSchema = z.strictObject({ revokedKeys: z.number().int().min(0) });

/** Approvals through central (design.md "Supervisor approval", path 2): what a terminal asks. */
export const APPROVAL_ACTIONS = ['receipt.reprint', 'receipt.cancel', 'request.cancel'] as const;
export const approvalRequestSchema = z.strictObject({
  /** Made by the terminal and saved before it is sent, so a resend is the same request. */
  id: z.string().regex(ROW_ID_PATTERN),
  action: z.enum(APPROVAL_ACTIONS),
  /** `book/number` of a receipt, or the Ref1 of a request. */
  subject: z.string().min(1).max(64),
  reasonCode: z.string().min(1).max(32),
  reasonText: z.string().max(500),
  businessDate,
  requestedByUserId: z.string().regex(ROW_ID_PATTERN),
});
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;
export const approvalRequestResponseSchema = z.strictObject({ id: z.string(), status: z.enum(['pending', 'approved', 'rejected']) });

/** A decision made at central, as pulled by the terminal that asked. */
export const approvalDecisionSchema = z.strictObject({
  id: z.string().regex(ROW_ID_PATTERN),
  isApproved: z.boolean(),
  supervisorUsername: z.string().min(1).max(64),
  supervisorNameTh: z.string().min(1).max(200),
  decidedAtMs: instantMs,
  cursor: z.number().int().min(1),
});
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema>;

export const decideApprovalRequestSchema = z.strictObject({
  id: z.string().regex(ROW_ID_PATTERN),
  isApproved: z.boolean(),
  supervisorUsername: z.string().min(1).max(64),
  supervisorNameTh: z.string().min(1).max(200),
});
export const decideApprovalResponseSchema = z.strictObject({ id: z.string(), status: z.enum(['approved', 'rejected']) });

/** A fine order (คำสั่งปรับ) for counter look-up, imported at central from the fines system's CSV. */
export const fineOrderSchema = z.strictObject({
  orderNo: z.string().min(1).max(40),
  place,
  revenueCode: z.string().regex(/^\d{6}$/),
  offenderName: z.string().min(1).max(200),
  offenderId: z.string().regex(/^\d{13}$/).nullable(),
  amountSatang: satang.min(1),
  issuedDate: businessDate,
  law: z.string().min(1).max(200),
  cursor: z.number().int().min(1),
});
export type FineOrder = z.infer<typeof fineOrderSchema>;

export const pullResponseSchema = z.strictObject({
  approvals: z.array(approvalDecisionSchema),
  fineOrders: z.array(fineOrderSchema),
  /** Users, catalog, holidays, payment confirmations, book assignments (feed.ts), after `feedAfter`. */
  feed: z.array(feedItemSchema),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const importFineOrdersRequestSchema = z.strictObject({ csvText: z.string().min(1).max(8 * 1024 * 1024) });
export const importFineOrdersResponseSchema = z.strictObject({ lines: z.number().int(), imported: z.number().int(), duplicates: z.number().int() });

export const CONSOLE_USER_ROLES = ['supervisor', 'executive', 'admin'] as const;
export const addConsoleUserRequestSchema = z.strictObject({
  username: z.string().regex(/^[a-z0-9._-]{3,64}$/),
  nameTh: z.string().min(1).max(200),
  role: z.enum(CONSOLE_USER_ROLES),
  password: z.string().min(10).max(200),
});
export const addConsoleUserResponseSchema = z.strictObject({ username: z.string() });

/**
 * The office registry at central (src-server/offices.ts): a district office (the default) or the
 * provincial office, which remits its province's bill payments (issue 10, office.kind at the office).
 */
export const CENTRAL_OFFICE_KINDS = ['district', 'provincial'] as const;
export type CentralOfficeKind = (typeof CENTRAL_OFFICE_KINDS)[number];
export const setOfficeKindRequestSchema = z.strictObject({
  place: z.string().regex(/^\d{4}$/),
  kind: z.enum(CENTRAL_OFFICE_KINDS),
  nameTh: z.string().trim().min(1).max(200).optional(),
  /** Who set it (the CLI sends `cli:<login name>`; the administrator token is what authorises it). */
  setBy: z.string().min(1).max(100),
});
export const setOfficeKindResponseSchema = z.strictObject({
  place: z.string(),
  province: z.string(),
  kind: z.enum(CENTRAL_OFFICE_KINDS),
  nameTh: z.string().nullable(),
  /** false: it already had this kind (and this name); nothing was written. */
  changed: z.boolean(),
  setBy: z.string(),
  setAtMs: z.number().int(),
});
export type SetOfficeKindResponse = z.infer<typeof setOfficeKindResponseSchema>;

/**
 * Bank lines a provincial office imported whose Ref1 is a bill of another office of its province
 * (`POST /v1/province-payments`, signed by a terminal of the provincial office, issue 11). Each is
 * the `payment` feed item central publishes for the Ref1's place, made and stored at the office
 * before it is sent: a resend is the same item, and central counts it a duplicate.
 */
export const provincePaymentsRequestSchema = z.strictObject({
  payments: z.array(feedPaymentSchema).min(1).max(MAX_PROVINCE_PAYMENTS_PER_BATCH),
});
export type ProvincePaymentsRequest = z.infer<typeof provincePaymentsRequestSchema>;
export const provincePaymentsResponseSchema = z.strictObject({
  /** Lines central published for the first time. */
  published: z.number().int().min(0),
  /** Lines central already had ("already have it"). */
  duplicates: z.number().int().min(0),
});
export type ProvincePaymentsResponse = z.infer<typeof provincePaymentsResponseSchema>;

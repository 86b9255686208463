/**
 * The closed union of error codes central answers with (office → central boundary, design.md
 * "Boundaries"), and the HTTP status of each. The office client turns each into one of its own
 * contract codes (src-main/sync/client.ts), so a person sees Thai/English text for it.
 */
export const SYNC_ERROR_CODES = [
  'BAD_INPUT',
  'TOO_LARGE',
  'NOT_FOUND',
  'INTERNAL',
  // signed requests
  'UNSIGNED',
  'UNKNOWN_KEY',
  'BAD_SIGNATURE',
  'STALE_REQUEST',
  'REPLAYED',
  'KEY_REVOKED',
  // enrollment
  'BAD_CODE',
  'CODE_EXPIRED',
  'CODE_USED',
  'SLOT_TAKEN',
  'WRONG_TERMINAL',
  // push
  'NOT_CONTIGUOUS',
  'CHAIN_BROKEN',
  'TAMPERED',
  'COMPLETENESS_MISMATCH',
  // administration
  'ADMIN_ONLY',
  // the office registry: a province has one provincial office
  'PROVINCIAL_OFFICE_EXISTS',
  // bank lines a provincial office forwards (POST /v1/province-payments): the sender is not its
  // province's registered provincial office, or a line's Ref1 is of an office of another province
  'NOT_PROVINCIAL_OFFICE',
  'OTHER_PROVINCE',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export const SYNC_ERROR_STATUS: Readonly<Record<SyncErrorCode, number>> = {
  BAD_INPUT: 400,
  TOO_LARGE: 413,
  NOT_FOUND: 404,
  INTERNAL: 500,
  UNSIGNED: 401,
  UNKNOWN_KEY: 401,
  BAD_SIGNATURE: 401,
  STALE_REQUEST: 401,
  REPLAYED: 401,
  KEY_REVOKED: 403,
  BAD_CODE: 403,
  CODE_EXPIRED: 403,
  CODE_USED: 403,
  SLOT_TAKEN: 409,
  WRONG_TERMINAL: 403,
  NOT_CONTIGUOUS: 409,
  CHAIN_BROKEN: 409,
  TAMPERED: 409,
  COMPLETENESS_MISMATCH: 409,
  ADMIN_ONLY: 403,
  PROVINCIAL_OFFICE_EXISTS: 409,
  NOT_PROVINCIAL_OFFICE: 403,
  OTHER_PROVINCE: 403,
};

export function isSyncErrorCode(value: unknown): value is SyncErrorCode {
  return typeof value === 'string' && (SYNC_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Worth trying again later with a new signature: the request may not have arrived, or arrived
 * twice (a duplicate is refused as REPLAYED while the first copy succeeded), or the server failed.
 */
export function isRetryable(code: SyncErrorCode): boolean {
  return code === 'INTERNAL' || code === 'REPLAYED' || code === 'STALE_REQUEST';
}

/**
 * What is signed (Ed25519) on every office → central request, and on central's acknowledgement.
 * Pure text builders: the keys and SHA-256 live with each side (node:crypto), the bytes to sign
 * are defined once here.
 */

/** Request headers of a signed request. */
export const SYNC_HEADERS = {
  keyId: 'x-ebill-key-id',
  timeMs: 'x-ebill-time-ms',
  nonce: 'x-ebill-nonce',
  signature: 'x-ebill-signature',
} as const;

/** Key id the enrollment request is signed with: the key is the one in its body (proof of possession). */
export const ENROLLING_KEY_ID = 'enrolling';

export const NONCE_PATTERN = /^[0-9a-f]{32}$/;
export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;

export interface SignedRequestParts {
  readonly method: string;
  /** Path with its query string, as sent. */
  readonly path: string;
  readonly bodySha256Hex: string;
  readonly timeMs: number;
  readonly nonce: string;
  readonly keyId: string;
}

/** The text a terminal signs: method, path, SHA-256 of the body, time, nonce and key id, one per line. */
export function requestSigningText(parts: SignedRequestParts): string {
  return ['EBILL-SYNC-REQUEST-1', parts.method.toUpperCase(), parts.path, parts.bodySha256Hex, String(parts.timeMs), parts.nonce, parts.keyId].join('\n');
}

export interface AckParts {
  readonly place: string;
  readonly terminalSlot: number;
  readonly keyId: string;
  readonly highWaterSeq: number;
  readonly headHash: string;
  readonly atMs: number;
}

/** The text central signs when it acknowledges a terminal's chain up to `highWaterSeq`. */
export function ackSigningText(ack: AckParts): string {
  return ['EBILL-SYNC-ACK-1', `${ack.place}-${ack.terminalSlot}`, ack.keyId, String(ack.highWaterSeq), ack.headHash, String(ack.atMs)].join('\n');
}

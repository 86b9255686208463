import type { KeyObject } from 'node:crypto';
import { NONCE_PATTERN, requestSigningText, SIGNATURE_WINDOW_MS, SYNC_HEADERS } from '../src-shared/sync';
import type { Sql } from './db/client';
import { publicKeyFromSpki, sha256Hex, verifyEd25519 } from './crypto';
import { CentralError } from './errors';

/** A request as the signature check needs it: the raw body bytes, not the parsed JSON. */
export interface RawRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export interface SignedBy {
  readonly keyId: string;
  readonly terminalId: string;
  readonly place: string;
  readonly slot: number;
}

/** Nonces older than this are forgotten (a request that old is refused as stale anyway). */
const SEEN_RETENTION_MS = 2 * SIGNATURE_WINDOW_MS;
/** Forget old nonces once every this many requests. */
const PRUNE_EVERY_REQUESTS = 200;
let requestsSincePrune = 0;

function header(request: RawRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

interface SignedHeaders {
  readonly keyId: string;
  readonly timeMs: number;
  readonly nonce: string;
  readonly signature: string;
}

function readHeaders(request: RawRequest): SignedHeaders {
  const keyId = header(request, SYNC_HEADERS.keyId);
  const time = header(request, SYNC_HEADERS.timeMs);
  const nonce = header(request, SYNC_HEADERS.nonce);
  const signature = header(request, SYNC_HEADERS.signature);
  if (keyId === undefined || time === undefined || nonce === undefined || signature === undefined) throw new CentralError('UNSIGNED', 'This request needs the signature headers');
  if (!/^\d{1,15}$/.test(time) || !NONCE_PATTERN.test(nonce) || keyId.length > 64) throw new CentralError('UNSIGNED', 'A signature header is malformed');
  return { keyId, timeMs: Number(time), nonce, signature };
}

/** Checks time window and signature against `publicKey` (no replay check). */
function checkSignature(request: RawRequest, signed: SignedHeaders, publicKey: KeyObject, nowMs: number): void {
  if (Math.abs(nowMs - signed.timeMs) > SIGNATURE_WINDOW_MS) {
    throw new CentralError('STALE_REQUEST', `The request's time is more than ${SIGNATURE_WINDOW_MS / 60_000} minutes from the server's clock`);
  }
  const text = requestSigningText({ method: request.method, path: request.url, bodySha256Hex: sha256Hex(request.body), timeMs: signed.timeMs, nonce: signed.nonce, keyId: signed.keyId });
  if (!verifyEd25519(publicKey, text, signed.signature)) throw new CentralError('BAD_SIGNATURE', 'The signature does not match the request');
}

/**
 * A terminal's signed request (issue 11): Ed25519 over method, path, SHA-256 of the body, time,
 * nonce and key id. Refused: unsigned, unknown or revoked key, time outside ±5 min, bad signature,
 * a nonce already seen (replay). The nonce is recorded only once the signature is good.
 */
export async function authenticateTerminal(sql: Sql, request: RawRequest, nowMs: number): Promise<SignedBy> {
  const signed = readHeaders(request);
  const key = (
    await sql.query<{ terminalId: string; pub: string; revokedAtMs: number | null; place: string; slot: number }>(
      `SELECT k.terminal_id AS "terminalId", k.public_key_spki_base64 AS pub, k.revoked_at_ms AS "revokedAtMs", t.place, t.slot
       FROM terminal_keys k JOIN terminals t ON t.id = k.terminal_id WHERE k.key_id = $1`,
      [signed.keyId],
    )
  )[0];
  if (key === undefined) throw new CentralError('UNKNOWN_KEY', 'Central knows no key with this id');
  checkSignature(request, signed, publicKeyFromSpki(key.pub), nowMs);
  if (key.revokedAtMs !== null) throw new CentralError('KEY_REVOKED', 'This terminal key has been revoked; enroll again with a new code');
  const fresh = await sql.query('INSERT INTO seen_requests (key_id, nonce, at_ms) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING nonce', [signed.keyId, signed.nonce, nowMs]);
  if (fresh.length === 0) throw new CentralError('REPLAYED', 'This request has been received before');
  requestsSincePrune += 1;
  if (requestsSincePrune >= PRUNE_EVERY_REQUESTS) {
    requestsSincePrune = 0;
    await sql.query('DELETE FROM seen_requests WHERE at_ms < $1', [nowMs - SEEN_RETENTION_MS]);
  }
  return { keyId: signed.keyId, terminalId: key.terminalId, place: key.place, slot: key.slot };
}

/** The enrollment request is signed with the key it enrolls (proof the terminal holds its private key). */
export function checkEnrollingSignature(request: RawRequest, publicKeySpkiBase64: string, nowMs: number): void {
  const signed = readHeaders(request);
  let publicKey: KeyObject;
  try {
    publicKey = publicKeyFromSpki(publicKeySpkiBase64);
  } catch {
    throw new CentralError('BAD_INPUT', 'The public key is not an Ed25519 SPKI key');
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new CentralError('BAD_INPUT', 'The public key is not an Ed25519 key');
  checkSignature(request, signed, publicKey, nowMs);
}

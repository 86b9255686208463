import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import type { z } from 'zod';
import { CodedError } from '../../src-shared/result';
import { replySchema, REQUEST_TIMEOUT_MS, requestSigningText, SYNC_HEADERS, type SyncError } from '../../src-shared/sync';

/** Central refused with one of its codes (src-shared/sync/errors.ts). */
export class CentralRefusal extends Error {
  override readonly name = 'CentralRefusal';
  constructor(
    readonly status: number,
    readonly error: SyncError,
  ) {
    super(`${error.code}: ${error.message}`);
  }
}

/** The request did not get a valid answer (no connection, reset, timeout, cut or garbled body). */
export class CentralUnreachable extends Error {
  override readonly name = 'CentralUnreachable';
}

export interface Signer {
  readonly keyId: string;
  readonly privateKeyPkcs8Base64: string;
}

/**
 * One signed request to central and its zod-checked answer. The body is sent as the exact bytes
 * whose SHA-256 is signed, with the time, a fresh nonce and the key id (src-shared/sync/signing.ts).
 */
export async function signedRequest<S extends z.ZodType>(
  serverUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  signer: Signer,
  nowMs: number,
  valueSchema: S,
  timeoutMs: number = REQUEST_TIMEOUT_MS,
  /** Aborts the request (the background sync stopping); it then fails as unreachable. */
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body), 'utf8');
  const nonce = randomBytes(16).toString('hex');
  const text = requestSigningText({ method, path, bodySha256Hex: createHash('sha256').update(bytes).digest('hex'), timeMs: nowMs, nonce, keyId: signer.keyId });
  const privateKey = createPrivateKey({ key: Buffer.from(signer.privateKeyPkcs8Base64, 'base64'), format: 'der', type: 'pkcs8' });
  const headers: Record<string, string> = {
    [SYNC_HEADERS.keyId]: signer.keyId,
    [SYNC_HEADERS.timeMs]: String(nowMs),
    [SYNC_HEADERS.nonce]: nonce,
    [SYNC_HEADERS.signature]: sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  let answer: string;
  try {
    response = await fetch(new URL(path, serverUrl), { method, headers, ...(body === undefined ? {} : { body: bytes }), signal: signal === undefined ? AbortSignal.timeout(timeoutMs) : AbortSignal.any([AbortSignal.timeout(timeoutMs), signal]) });
    answer = await response.text();
  } catch (error) {
    throw new CentralUnreachable(`central at ${serverUrl} did not answer: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(answer);
  } catch {
    throw new CentralUnreachable(`central answered HTTP ${response.status} with a body that is not JSON (cut or garbled)`);
  }
  const parsed = replySchema(valueSchema).safeParse(json);
  if (!parsed.success) throw new CentralUnreachable(`central answered HTTP ${response.status} with a body that does not follow the protocol`);
  const reply = parsed.data as { ok: true; value: z.infer<S> } | { ok: false; error: SyncError };
  if (!reply.ok) throw new CentralRefusal(response.status, reply.error);
  return reply.value;
}

/** What a person sees for a refusal: one of the office's own codes, central's code in the message. */
export function officeErrorOf(error: unknown): CodedError {
  if (error instanceof CentralUnreachable) return new CodedError('SYNC_UNREACHABLE', error.message);
  if (error instanceof CentralRefusal) {
    const code = error.error.code === 'TAMPERED' || error.error.code === 'CHAIN_BROKEN' || error.error.code === 'COMPLETENESS_MISMATCH' ? 'SYNC_TAMPER_ALARM' : 'SYNC_REFUSED';
    return new CodedError(code, `central: ${error.error.code}: ${error.error.message}`);
  }
  if (error instanceof CodedError) return new CodedError(String(error.code), error.message);
  return new CodedError('INTERNAL', (error as Error).message);
}

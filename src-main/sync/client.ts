import { createHash, generateKeyPairSync } from 'node:crypto';
import { CodedError } from '../../src-shared/result';
import {
  ENROLLING_KEY_ID,
  enrollResponseSchema,
  MAX_BATCH_BYTES,
  MAX_BATCH_ENTRIES,
  pushResponseSchema,
  statusResponseSchema,
  type DayCompleteness,
  type SyncEntry,
} from '../../src-shared/sync';
import type { LedgerDeps } from '../ledger/action';
import { readEntriesForSync, readHead } from '../ledger/chain';
import { issuingIdentity } from '../ledger/identity';
import { prepared } from '../ledger/statements';
import { installApprovalKey } from '../ledger/terminal';
import { newId } from '../platform/ids';
import { localHighWater, readEnrollment, recordAck, requireEnrollment, type Enrollment } from './enrollment-store';
import { sendProvincePayments, type ProvincePaymentsResult } from './province-payments';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';
import { CentralRefusal, officeErrorOf, signedRequest } from './transport';

/**
 * Enrolls this terminal with central (issue 11): makes its Ed25519 key pair (the private key stays
 * in this database), signs the enrollment with it, checks central's answer, stores the enrollment
 * and installs the offline approval key central gave it for every active supervisor here
 * (design.md "Supervisor approval", path 3), each with the ledger's own `installApprovalKey`.
 */
export async function enrollTerminal(deps: LedgerDeps, serverUrl: string, code: string, retry: RetryPolicy = DEFAULT_RETRY): Promise<{ place: string; terminalSlot: number; keyId: string; approvalKeysInstalled: number }> {
  const identity = issuingIdentity(deps.sqlite, deps.machineId);
  if (identity.isTraining) throw new CodedError('NOT_TRAINING', 'A training database is never synced as real data, so it cannot enroll');
  const { privateKeyPkcs8Base64, publicKeySpkiBase64 } = pendingKeyFor(deps, code);
  const body = { code, place: identity.place, terminalSlot: identity.terminalSlot, publicKeySpkiBase64 };
  let response;
  try {
    response = await withRetry(retry, () => signedRequest(serverUrl, 'POST', '/v1/enroll', body, { keyId: ENROLLING_KEY_ID, privateKeyPkcs8Base64 }, deps.clock.nowMs(), enrollResponseSchema));
  } catch (error) {
    throw officeErrorOf(error);
  }
  if (response.place !== identity.place || response.terminalSlot !== identity.terminalSlot) throw new CodedError('SYNC_BAD_ACK', 'Central enrolled another terminal than this one');
  const enrollment: Enrollment = {
    id: newId(deps.clock),
    serverUrl,
    keyId: response.keyId,
    place: response.place,
    terminalSlot: response.terminalSlot,
    privateKeyPkcs8Base64,
    publicKeySpkiBase64,
    serverPublicKeySpkiBase64: response.serverPublicKeySpkiBase64,
    enrolledAtMs: deps.clock.nowMs(),
  };
  prepared(
    deps.sqlite,
    `INSERT INTO sync_enrollments (id, server_url, key_id, place, terminal_slot, private_key_pkcs8_base64, public_key_spki_base64, server_public_key_spki_base64, enrolled_at_ms)
     VALUES (@id, @serverUrl, @keyId, @place, @terminalSlot, @privateKeyPkcs8Base64, @publicKeySpkiBase64, @serverPublicKeySpkiBase64, @enrolledAtMs)`,
  ).run(enrollment);
  recordAck(deps.sqlite, enrollment, response.signedAck, () => newId(deps.clock));
  const supervisors = prepared(deps.sqlite, `SELECT id FROM users WHERE role = 'supervisor' AND is_disabled = 0 ORDER BY id`).pluck().all() as string[];
  const approvalKey = Buffer.from(response.approvalKeyBase64, 'base64');
  for (const supervisorId of supervisors) installApprovalKey(deps, supervisorId, approvalKey, 'central');
  return { place: enrollment.place, terminalSlot: enrollment.terminalSlot, keyId: enrollment.keyId, approvalKeysInstalled: supervisors.length };
}

/** The key pair for enrolling with `code`: made and saved on the first try, reused by every retry. */
function pendingKeyFor(deps: LedgerDeps, code: string): { privateKeyPkcs8Base64: string; publicKeySpkiBase64: string } {
  const codeSha256 = createHash('sha256').update(code).digest('hex');
  const saved = prepared(deps.sqlite, 'SELECT private_key_pkcs8_base64 AS privateKeyPkcs8Base64, public_key_spki_base64 AS publicKeySpkiBase64 FROM sync_pending_keys WHERE code_sha256 = ?').get(codeSha256) as
    | { privateKeyPkcs8Base64: string; publicKeySpkiBase64: string }
    | undefined;
  if (saved !== undefined) return saved;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const made = {
    privateKeyPkcs8Base64: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKeySpkiBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
  prepared(deps.sqlite, 'INSERT INTO sync_pending_keys (code_sha256, private_key_pkcs8_base64, public_key_spki_base64, created_at_ms) VALUES (?, ?, ?, ?)').run(
    codeSha256,
    made.privateKeyPkcs8Base64,
    made.publicKeySpkiBase64,
    deps.clock.nowMs(),
  );
  return made;
}

export interface PushOptions {
  readonly retry?: RetryPolicy;
  readonly maxBatchEntries?: number;
  readonly maxBatchBytes?: number;
  /** Called after each acknowledged batch (the app shows progress). */
  readonly onProgress?: (progress: { highWaterSeq: number; localSeq: number }) => void;
  /** Aborts the request under way (the background sync stopping). */
  readonly signal?: AbortSignal;
  /**
   * false: the entries only; the caller sends the province's queued bank lines itself
   * (`sendProvincePayments`; the background round does, after its pull, so a refusal of those lines
   * never keeps the terminal from pulling). Default true.
   */
  readonly withProvincePayments?: boolean;
}

export interface PushResult {
  /** Entries central stored for the first time in this round. */
  readonly sent: number;
  readonly repeated: number;
  readonly batches: number;
  readonly highWaterSeq: number;
  readonly localSeq: number;
  /** A provincial office's bank lines of the other offices of its province, sent after the entries (province-payments.ts); null when not asked to. */
  readonly provincePayments: ProvincePaymentsResult | null;
}

/** Room in a body for the JSON around the entries and the completeness list. */
const BODY_OVERHEAD_BYTES = 64 * 1024;

/**
 * Drains the outbox (issue 11): the entries after central's acknowledged high-water mark, in seq
 * order, in batches limited by count and bytes, each with the completeness of the business days it
 * touches. A batch counts as sent only once central's signed acknowledgement is checked and stored
 * (a process killed mid-batch resends it; central answers a repeat with "already have it").
 * Transient failures are retried with exponential backoff and jitter. Then a provincial office's
 * queued bank lines of the other offices of its province (`sendProvincePayments`), the same way.
 */
export async function pushOutbox(deps: LedgerDeps, options: PushOptions = {}): Promise<PushResult> {
  const enrollment = requireEnrollment(deps.sqlite);
  const retry = options.retry ?? DEFAULT_RETRY;
  const maxEntries = Math.min(options.maxBatchEntries ?? MAX_BATCH_ENTRIES, MAX_BATCH_ENTRIES);
  const maxBytes = Math.min(options.maxBatchBytes ?? MAX_BATCH_BYTES, MAX_BATCH_BYTES) - BODY_OVERHEAD_BYTES;
  // Central's signed mark first: a database restored behind it is found before it resends (and is
  // refused as behind, SYNC_BEHIND_CENTRAL), and one that central lacks entries of resends from there.
  let mark = await centralMark(deps, enrollment, retry, options.signal);
  let from = mark + 1;
  let sent = 0;
  let repeated = 0;
  let batches = 0;
  for (;;) {
    const localSeq = readHead(deps.sqlite).seq;
    if (from > localSeq) {
      const provincePayments = options.withProvincePayments === false ? null : await sendProvincePayments(deps, enrollment, { retry, ...(options.signal === undefined ? {} : { signal: options.signal }) });
      return { sent, repeated, batches, highWaterSeq: mark, localSeq, provincePayments };
    }
    const entries = batchFrom(deps, from, maxEntries, maxBytes);
    const body = { entries, completeness: completenessOf(deps, entries) };
    try {
      const response = await withRetry(retry, () => signedRequest(enrollment.serverUrl, 'POST', '/v1/push', body, enrollment, deps.clock.nowMs(), pushResponseSchema, undefined, options.signal));
      recordAck(deps.sqlite, enrollment, response.signedAck, () => newId(deps.clock));
      sent += response.accepted;
      repeated += response.repeated;
      batches += 1;
      mark = response.signedAck.ack.highWaterSeq;
      from = mark + 1;
      options.onProgress?.({ highWaterSeq: response.signedAck.ack.highWaterSeq, localSeq });
    } catch (error) {
      // Central holds less than it acknowledged (restored from a backup): resend from where it is.
      if (error instanceof CentralRefusal && error.error.code === 'NOT_CONTIGUOUS' && error.error.highWaterSeq !== undefined && error.error.highWaterSeq + 1 < from) {
        mark = error.error.highWaterSeq;
        from = mark + 1;
        continue;
      }
      throw officeErrorOf(error);
    }
  }
}

function batchFrom(deps: LedgerDeps, from: number, maxEntries: number, maxBytes: number): SyncEntry[] {
  const candidates = readEntriesForSync(deps.sqlite, from, from + maxEntries - 1);
  const batch: SyncEntry[] = [];
  let bytes = 0;
  for (const entry of candidates) {
    bytes += Buffer.byteLength(JSON.stringify(entry), 'utf8') + 1;
    if (batch.length > 0 && bytes > maxBytes) break;
    batch.push(entry);
  }
  return batch;
}

/** Per business day in the batch: entries, receipts' sum, last seq and chain head, counted over the chain up to that seq. */
export function completenessOf(deps: Pick<LedgerDeps, 'sqlite'>, entries: readonly SyncEntry[]): DayCompleteness[] {
  const lastOfDay = new Map<string, SyncEntry>();
  for (const entry of entries) lastOfDay.set(entry.businessDate, entry);
  return [...lastOfDay.values()].map((last) => {
    const counted = prepared(
      deps.sqlite,
      // The day's entries lie from its first entry on (ledger_days); after a corrected clock other
      // days' entries may sit in between, hence the date test.
      `SELECT count(*) AS n, coalesce(sum(r.amount_satang), 0) AS satang
       FROM ledger_entries e LEFT JOIN receipts r ON r.entry_seq = e.seq AND e.kind = 'receipt.issued'
       WHERE e.seq BETWEEN (SELECT first_seq FROM ledger_days WHERE business_date = @day) AND @seq AND e.business_date = @day`,
    ).get({ day: last.businessDate, seq: last.seq }) as { n: number; satang: number };
    return { businessDate: last.businessDate, entryCount: counted.n, receiptsSatang: counted.satang, lastSeq: last.seq, headHash: last.hash };
  });
}

/** Asks central what it holds of this chain and records its signed answer; returns the mark now recorded here. */
export async function refreshFromCentral(deps: LedgerDeps, retry: RetryPolicy = DEFAULT_RETRY): Promise<number> {
  const enrollment = requireEnrollment(deps.sqlite);
  await centralMark(deps, enrollment, retry);
  return localHighWater(deps.sqlite);
}

/**
 * Central's signed mark of this chain, checked and recorded (recordAck: a mark this chain does not
 * reach or differs at is SYNC_BEHIND_CENTRAL). It may be below what central once acknowledged
 * (central restored from its own backup): push resends from there.
 */
async function centralMark(deps: LedgerDeps, enrollment: Enrollment, retry: RetryPolicy, signal?: AbortSignal): Promise<number> {
  try {
    const response = await withRetry(retry, () => signedRequest(enrollment.serverUrl, 'GET', '/v1/status', undefined, enrollment, deps.clock.nowMs(), statusResponseSchema, undefined, signal));
    recordAck(deps.sqlite, enrollment, response.signedAck, () => newId(deps.clock));
    return response.signedAck.ack.highWaterSeq;
  } catch (error) {
    throw officeErrorOf(error);
  }
}

export { readEnrollment };

import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { buildCentralApp, type CentralApp } from '../../src-server/app';
import { openPglite, openPostgres, type CentralDb } from '../../src-server/db/client';
import { canonicalEntryText, GENESIS_HASH } from '../../src-shared/ledger-entry-text';
import { requestSigningText, SYNC_HEADERS, type DayCompleteness, type SyncEntry } from '../../src-shared/sync';
import { startPostgres, type TempPostgres } from './postgres';

export type CentralKind = 'pglite' | 'postgres';

export interface TestCentral {
  readonly db: CentralDb;
  readonly app: CentralApp;
  readonly clock: { nowMs: number };
  close(): Promise<void>;
}

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A central server on PGlite in memory, or on a PostgreSQL started for the test (tests/helpers/postgres.ts). */
export async function startTestCentral(kind: CentralKind, startMs: number): Promise<TestCentral> {
  let postgres: TempPostgres | undefined;
  let db: CentralDb;
  if (kind === 'postgres') {
    postgres = await startPostgres();
    db = await openPostgres(postgres.url);
  } else db = await openPglite(undefined);
  const clock = { nowMs: startMs };
  const app = await buildCentralApp({ db, nowMs: () => clock.nowMs, adminToken: ADMIN_TOKEN });
  return {
    db,
    app,
    clock,
    async close() {
      await app.fastify.close();
      await db.close();
      postgres?.stop();
    },
  };
}

export interface TestKey {
  readonly privateKey: KeyObject;
  readonly publicKeySpkiBase64: string;
}

export function newTestKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeySpkiBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64') };
}

/** Signature headers for a request, exactly as the office client makes them (src-main/sync/transport.ts). */
export function signedHeaders(method: string, path: string, body: string, keyId: string, key: TestKey, timeMs: number, nonce = randomBytes(16).toString('hex')): Record<string, string> {
  const text = requestSigningText({ method, path, bodySha256Hex: createHash('sha256').update(body).digest('hex'), timeMs, nonce, keyId });
  return {
    'content-type': 'application/json',
    [SYNC_HEADERS.keyId]: keyId,
    [SYNC_HEADERS.timeMs]: String(timeMs),
    [SYNC_HEADERS.nonce]: nonce,
    [SYNC_HEADERS.signature]: sign(null, Buffer.from(text), key.privateKey).toString('base64'),
  };
}

/** A `receipt.issued` / `receipt.keyed` receipt part with the columns central reads (src-server/facts.ts), keys in RFC 8785 order. */
export function receiptPart(r: { id: string; amountSatang: number; businessDate: string; revenueCode?: string; method?: string; isPaper?: boolean }): Record<string, unknown> {
  return { amountSatang: r.amountSatang, businessDate: r.businessDate, id: r.id, isPaper: r.isPaper ?? false, method: r.method ?? 'cash', revenueCode: r.revenueCode ?? '804001' };
}

/** The payload text of a `receipt.issued` entry as central reads it. */
export function receiptPayloadText(r: Parameters<typeof receiptPart>[0]): string {
  return JSON.stringify({ receipt: receiptPart(r) });
}

/** One entry of a test chain: its kind, business day and payload (an object, or raw text). */
export interface EntrySpec {
  readonly kind: string;
  readonly day: string;
  readonly payload: unknown;
}

/** A chain for office `place`, slot `slot`, every hash as the office computes it. */
export function chainOfSpecs(place: string, slot: number, specs: readonly EntrySpec[]): SyncEntry[] {
  let prev = GENESIS_HASH;
  return specs.map((spec, i) => {
    const seq = i + 1;
    const header = { seq, id: `0${String(slot * 1000 + seq).padStart(25, '0')}`, kind: spec.kind, payloadVersion: 1, atMs: Date.parse(`${spec.day}T12:00:00+07:00`) + seq, businessDate: spec.day, place, terminalSlot: slot, userId: null };
    const payloadText = typeof spec.payload === 'string' ? spec.payload : JSON.stringify(spec.payload);
    const hash = createHash('sha256').update(prev).update(canonicalEntryText(header, payloadText)).digest('hex');
    prev = hash;
    return { ...header, payloadText, hash };
  });
}

/** The completeness the office states for a batch: each day's entries and receipt.issued amounts up to its last entry in the batch. */
export function completenessOfBatch(chain: readonly SyncEntry[], batch: readonly SyncEntry[] = chain): DayCompleteness[] {
  const last = new Map<string, SyncEntry>();
  for (const e of batch) last.set(e.businessDate, e);
  return [...last.entries()].map(([day, lastEntry]) => {
    const upTo = chain.filter((e) => e.businessDate === day && e.seq <= lastEntry.seq);
    const satang = upTo.filter((e) => e.kind === 'receipt.issued').reduce((s, e) => s + (JSON.parse(e.payloadText) as { receipt: { amountSatang: number } }).receipt.amountSatang, 0);
    return { businessDate: day, entryCount: upTo.length, receiptsSatang: satang, lastSeq: lastEntry.seq, headHash: lastEntry.hash };
  });
}

/**
 * The `_csrf` value of the console form posting to `action` on a page, as a browser sends it (read
 * from the form's hidden field, never computed); throws when the page has no such form or field.
 */
export function consoleFormToken(html: string, action: string): string {
  const forms = html.match(/<form\b[^>]*>[^]*?<\/form>/g) ?? [];
  const form = forms.find((f) => f.includes(` action="${action}"`));
  const token = form?.match(/<input type="hidden" name="_csrf" value="([0-9a-f]{64})">/)?.[1];
  if (token === undefined) throw new Error(`no console form with a _csrf field posts to ${action}`);
  return token;
}

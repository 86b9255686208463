import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { buildCentralApp, type CentralApp } from '../../src-server/app';
import { openPglite, openPostgres, type CentralDb } from '../../src-server/db/client';
import { requestSigningText, SYNC_HEADERS } from '../../src-shared/sync';
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

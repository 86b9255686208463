import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalEntryText, GENESIS_HASH } from '../../src-shared/ledger-entry-text';
import { ENROLLING_KEY_ID, SIGNATURE_WINDOW_MS, type DayCompleteness, type SyncEntry } from '../../src-shared/sync';
import { ADMIN_TOKEN, newTestKey, receiptPart, receiptPayloadText, signedHeaders, startTestCentral, type CentralKind, type TestCentral, type TestKey } from '../helpers/central';
import { hasPostgres, NO_POSTGRES_MESSAGE } from '../helpers/postgres';

/**
 * Central's routes in-process (fastify inject), the same suite on PGlite and on a real PostgreSQL
 * 15 started in a temporary folder (issue 11).
 */
const T0_MS = Date.UTC(2026, 11, 2, 2, 0, 0);
const DAY = '2026-12-02';
const ENTRY_ID = (n: number) => `0${String(n).padStart(25, '0')}`;

if (!hasPostgres) process.stderr.write(`${NO_POSTGRES_MESSAGE}\n`);
const kinds: CentralKind[] = hasPostgres ? ['pglite', 'postgres'] : ['pglite'];

/** A synthetic chain of receipts for office `place`, slot `slot`: every hash as the office computes it. */
function chain(place: string, slot: number, count: number, amountOf = (seq: number) => 100 * seq): SyncEntry[] {
  const entries: SyncEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const header = { seq, id: ENTRY_ID(seq), kind: 'receipt.issued', payloadVersion: 1, atMs: T0_MS + seq, businessDate: DAY, place, terminalSlot: slot, userId: null };
    const payloadText = receiptPayloadText({ id: `R-${place}-${slot}-${seq}`, amountSatang: amountOf(seq), businessDate: DAY });
    const hash = createHash('sha256').update(prev).update(canonicalEntryText(header, payloadText)).digest('hex');
    entries.push({ ...header, payloadText, hash });
    prev = hash;
  }
  return entries;
}

function completeness(all: readonly SyncEntry[], upTo: number): DayCompleteness[] {
  const upto = all.filter((e) => e.seq <= upTo);
  const last = upto[upto.length - 1];
  if (last === undefined) return [];
  return [{ businessDate: DAY, entryCount: upto.length, receiptsSatang: upto.reduce((s, e) => s + 100 * e.seq, 0), lastSeq: last.seq, headHash: last.hash }];
}

describe.each(kinds)('central routes on %s', (kind) => {
  let central: TestCentral;
  let slotCounter = 0;

  beforeAll(async () => {
    central = await startTestCentral(kind, T0_MS);
  }, 60_000);
  afterAll(async () => {
    await central?.close();
  });

  const inject = (method: 'GET' | 'POST', url: string, body: string | undefined, headers: Record<string, string>) =>
    central.app.fastify.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });

  async function code(place: string, slot: number): Promise<string> {
    const response = await inject('POST', '/admin/enroll-codes', JSON.stringify({ place, terminalSlot: slot }), { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(response.statusCode).toBe(200);
    return response.json<{ value: { code: string } }>().value.code;
  }

  async function enrollWith(place: string, slot: number, enrollCode: string, key: TestKey = newTestKey()) {
    const body = JSON.stringify({ code: enrollCode, place, terminalSlot: slot, publicKeySpkiBase64: key.publicKeySpkiBase64 });
    const response = await inject('POST', '/v1/enroll', body, signedHeaders('POST', '/v1/enroll', body, ENROLLING_KEY_ID, key, central.clock.nowMs));
    return { response, key, keyId: response.statusCode === 200 ? response.json<{ value: { keyId: string } }>().value.keyId : '' };
  }

  /** A freshly enrolled terminal of office 5401 on its own slot (each test its own). */
  async function enrolled(place = String(5401 + Math.floor(slotCounter / 9))) {
    const slot = (slotCounter % 9) + 1;
    slotCounter += 1;
    const { keyId, key } = await enrollWith(place, slot, await code(place, slot));
    expect(keyId).not.toBe('');
    return { place, slot, keyId, key };
  }

  const push = (t: { keyId: string; key: TestKey }, entries: readonly SyncEntry[], days: DayCompleteness[], headers?: Record<string, string>) => {
    const body = JSON.stringify({ entries, completeness: days });
    return inject('POST', '/v1/push', body, headers ?? signedHeaders('POST', '/v1/push', body, t.keyId, t.key, central.clock.nowMs));
  };
  const errorCode = (response: { json(): unknown }) => (response.json() as { error: { code: string } }).error.code;

  it('health answers ok with the database kind', async () => {
    const response = await inject('GET', '/health', undefined, {});
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, value: { status: 'ok', database: kind } });
  });

  it('enrollment-code-single-use: a code enrolls once; a second use is CODE_USED', async () => {
    const enrollCode = await code('5501', 1);
    expect((await enrollWith('5501', 1, enrollCode)).response.statusCode).toBe(200);
    const again = await enrollWith('5501', 1, enrollCode);
    expect(again.response.statusCode).toBe(403);
    expect(errorCode(again.response)).toBe('CODE_USED');
  });

  it('enrollment-idempotent: the same key presenting its used code again gets the same answer (its first answer was lost)', async () => {
    const enrollCode = await code('5506', 1);
    const key = newTestKey();
    const first = await enrollWith('5506', 1, enrollCode, key);
    const again = await enrollWith('5506', 1, enrollCode, key);
    expect(again.response.statusCode).toBe(200);
    expect(again.keyId).toBe(first.keyId);
  });

  it('enrollment-code-expires: a code older than its lifetime is CODE_EXPIRED', async () => {
    const enrollCode = await code('5502', 1);
    central.clock.nowMs += 25 * 60 * 60_000;
    try {
      const late = await enrollWith('5502', 1, enrollCode);
      expect(errorCode(late.response)).toBe('CODE_EXPIRED');
    } finally {
      central.clock.nowMs -= 25 * 60 * 60_000;
    }
  });

  it('enrollment-code-names-its-terminal: a code for slot 1 does not enroll slot 2; an unknown code is BAD_CODE', async () => {
    const enrollCode = await code('5503', 1);
    expect(errorCode((await enrollWith('5503', 2, enrollCode)).response)).toBe('WRONG_TERMINAL');
    expect(errorCode((await enrollWith('5503', 1, 'ABCDE-FGHJK')).response)).toBe('BAD_CODE');
  });

  it('one-key-per-slot: a second machine cannot enroll a slot in force until its key is revoked', async () => {
    expect((await enrollWith('5504', 1, await code('5504', 1))).response.statusCode).toBe(200);
    expect(errorCode((await enrollWith('5504', 1, await code('5504', 1))).response)).toBe('SLOT_TAKEN');
    const revoke = await inject('POST', '/admin/revoke', JSON.stringify({ place: '5504', terminalSlot: 1 }), { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(revoke.json()).toEqual({ ok: true, value: { revokedKeys: 1 } });
    expect((await enrollWith('5504', 1, await code('5504', 1))).response.statusCode).toBe(200);
  });

  it('enrollment-proves-the-key: an enrollment not signed by the key it enrolls is BAD_SIGNATURE', async () => {
    const key = newTestKey();
    const other = newTestKey();
    const body = JSON.stringify({ code: await code('5505', 1), place: '5505', terminalSlot: 1, publicKeySpkiBase64: key.publicKeySpkiBase64 });
    const response = await inject('POST', '/v1/enroll', body, signedHeaders('POST', '/v1/enroll', body, ENROLLING_KEY_ID, other, central.clock.nowMs));
    expect(errorCode(response)).toBe('BAD_SIGNATURE');
  });

  it('admin-routes-need-the-token', async () => {
    const response = await inject('POST', '/admin/enroll-codes', JSON.stringify({ place: '5401', terminalSlot: 1 }), { 'content-type': 'application/json', authorization: 'Bearer wrong' });
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe('ADMIN_ONLY');
  });

  it('signed-requests: forged signature, replay, stale time, unknown and revoked key are refused and change nothing', async () => {
    const t = await enrolled();
    const entries = chain(t.place, t.slot, 3);
    const body = JSON.stringify({ entries, completeness: completeness(entries, 3) });
    const forged = signedHeaders('POST', '/v1/push', body, t.keyId, newTestKey(), central.clock.nowMs);
    expect(errorCode(await push(t, entries, completeness(entries, 3), forged))).toBe('BAD_SIGNATURE');
    const stale = signedHeaders('POST', '/v1/push', body, t.keyId, t.key, central.clock.nowMs - SIGNATURE_WINDOW_MS - 1);
    expect(errorCode(await push(t, entries, completeness(entries, 3), stale))).toBe('STALE_REQUEST');
    const future = signedHeaders('POST', '/v1/push', body, t.keyId, t.key, central.clock.nowMs + SIGNATURE_WINDOW_MS + 1);
    expect(errorCode(await push(t, entries, completeness(entries, 3), future))).toBe('STALE_REQUEST');
    const unknown = signedHeaders('POST', '/v1/push', body, 'NO-SUCH-KEY', t.key, central.clock.nowMs);
    expect(errorCode(await push(t, entries, completeness(entries, 3), unknown))).toBe('UNKNOWN_KEY');
    const unsigned = await inject('POST', '/v1/push', body, { 'content-type': 'application/json' });
    expect(errorCode(unsigned)).toBe('UNSIGNED');
    const tamperedBody = JSON.stringify({ entries: entries.slice(0, 2), completeness: completeness(entries, 2) });
    const moved = await inject('POST', '/v1/push', tamperedBody, signedHeaders('POST', '/v1/push', body, t.keyId, t.key, central.clock.nowMs));
    expect(errorCode(moved)).toBe('BAD_SIGNATURE');
    const stored = await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM entries WHERE terminal_id = $1', [`${t.place}-${t.slot}`]);
    expect(stored[0]?.n).toBe(0);

    const good = signedHeaders('POST', '/v1/push', body, t.keyId, t.key, central.clock.nowMs);
    expect((await push(t, entries, completeness(entries, 3), good)).statusCode).toBe(200);
    const replay = await push(t, entries, completeness(entries, 3), good);
    expect(errorCode(replay)).toBe('REPLAYED');

    await inject('POST', '/admin/revoke', JSON.stringify({ place: t.place, terminalSlot: t.slot }), { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` });
    const revoked = await push(t, entries, completeness(entries, 3));
    expect(revoked.statusCode).toBe(403);
    expect(errorCode(revoked)).toBe('KEY_REVOKED');
  });

  it('push-accepts-contiguous: stores the range, answers the signed high-water mark; a repeat is "already have it"', async () => {
    const t = await enrolled();
    const entries = chain(t.place, t.slot, 10);
    const first = await push(t, entries.slice(0, 6), completeness(entries, 6));
    expect(first.statusCode).toBe(200);
    const value = first.json<{ value: { accepted: number; repeated: number; signedAck: { ack: { highWaterSeq: number; headHash: string } } } }>().value;
    expect(value.accepted).toBe(6);
    expect(value.signedAck.ack).toMatchObject({ highWaterSeq: 6, headHash: entries[5]?.hash });
    const overlap = await push(t, entries.slice(3, 10), completeness(entries, 10));
    expect(overlap.json<{ value: { accepted: number; repeated: number } }>().value).toMatchObject({ accepted: 4, repeated: 3 });
    const status = await inject('GET', '/v1/status', undefined, signedHeaders('GET', '/v1/status', '', t.keyId, t.key, central.clock.nowMs));
    expect(status.json<{ value: { signedAck: { ack: { highWaterSeq: number } } } }>().value.signedAck.ack.highWaterSeq).toBe(10);
    const day = await central.db.query<{ n: number; s: number }>('SELECT entry_count AS n, receipts_satang AS s FROM day_completeness WHERE terminal_id = $1', [`${t.place}-${t.slot}`]);
    expect(day).toEqual([{ n: 10, s: 100 * 55 }]);
  });

  it('push-only-after-high-water: a batch that leaves a gap is NOT_CONTIGUOUS with central’s mark', async () => {
    const t = await enrolled();
    const entries = chain(t.place, t.slot, 5);
    const response = await push(t, entries.slice(2), completeness(entries, 5));
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { code: string; highWaterSeq: number } }>().error).toMatchObject({ code: 'NOT_CONTIGUOUS', highWaterSeq: 0 });
  });

  it('tamper-alarm: a different payload for a stored seq is 409 TAMPERED and an alarm row', async () => {
    const t = await enrolled();
    const entries = chain(t.place, t.slot, 4);
    expect((await push(t, entries, completeness(entries, 4))).statusCode).toBe(200);
    const altered = chain(t.place, t.slot, 4, (seq) => (seq === 2 ? 1 : 100 * seq)).map((e, i) => ({ ...e, hash: entries[i]?.hash ?? '' }));
    const response = await push(t, altered, completeness(entries, 4));
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('TAMPERED');
    const alarms = await central.db.query<{ kind: string; seq: number }>('SELECT kind, seq FROM alarms WHERE terminal_id = $1', [`${t.place}-${t.slot}`]);
    expect(alarms).toEqual([{ kind: 'tamper', seq: 2 }]);
  });

  it('chain-continues: a new entry whose hash does not follow is 409 CHAIN_BROKEN, an alarm, and nothing of the batch is stored', async () => {
    const t = await enrolled();
    const entries = chain(t.place, t.slot, 4);
    const broken = entries.map((e) => (e.seq === 3 ? { ...e, payloadText: e.payloadText.replace('300', '301') } : e));
    const response = await push(t, broken, completeness(entries, 4));
    expect(errorCode(response)).toBe('CHAIN_BROKEN');
    const stored = await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM entries WHERE terminal_id = $1', [`${t.place}-${t.slot}`]);
    expect(stored[0]?.n).toBe(0);
    expect(await central.db.query('SELECT kind FROM alarms WHERE terminal_id = $1', [`${t.place}-${t.slot}`])).toEqual([{ kind: 'chain-broken' }]);
  });

  it('retry-racing: a batch and a longer resend of it pushed at the same time are stored once, the day counted once, no alarm', async () => {
    const t = await enrolled();
    const terminalId = `${t.place}-${t.slot}`;
    const entries = chain(t.place, t.slot, 6);
    expect((await push(t, entries.slice(0, 2), completeness(entries, 2))).statusCode).toBe(200);
    // Whichever gets the terminal's lock second must read the day as the first one left it (3–4
    // first: 5–6 are new and added to the 4 the first recorded; 3–6 first: 3–4 are repeats).
    const pushBoth = () => [push(t, entries.slice(2, 4), completeness(entries, 4)), push(t, entries.slice(2), completeness(entries, 6))];
    let pushes: ReturnType<typeof pushBoth> = [];
    if (kind === 'postgres') {
      // Both wait on the terminal's row lock, held here, so the second runs right after the first commits.
      await central.db.transaction(async (tx) => {
        await tx.query('SELECT 1 FROM terminals WHERE id = $1 FOR UPDATE', [terminalId]);
        pushes = pushBoth();
        for (let tries = 0; ; tries += 1) {
          const [waiting] = await central.db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'");
          if (waiting?.n === 2) break;
          if (tries > 200) throw new Error('the pushes never waited for the lock');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      });
    } else pushes = pushBoth();
    const both = await Promise.all(pushes);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    const values = both.map((r) => r.json<{ value: { accepted: number; repeated: number } }>().value);
    expect(values.reduce((n, v) => n + v.accepted, 0)).toBe(4);
    expect(values.reduce((n, v) => n + v.repeated, 0)).toBe(2);
    expect(await central.db.query('SELECT count(*)::int AS n FROM entries WHERE terminal_id = $1', [terminalId])).toEqual([{ n: 6 }]);
    expect(await central.db.query('SELECT count(*)::int AS n FROM central_receipts WHERE terminal_id = $1', [terminalId])).toEqual([{ n: 6 }]);
    const [claim] = completeness(entries, 6);
    expect(await central.db.query('SELECT entry_count AS n, receipts_satang AS satang, last_seq AS "lastSeq" FROM day_completeness WHERE terminal_id = $1', [terminalId])).toEqual([
      { n: 6, satang: claim?.receiptsSatang, lastSeq: 6 },
    ]);
    expect(await central.db.query('SELECT kind FROM alarms WHERE terminal_id = $1', [terminalId])).toEqual([]);
  });

  it('wrong-office-mid-batch: an entry of another office after good ones is WRONG_TERMINAL and nothing of the batch is stored', async () => {
    const t = await enrolled();
    const terminalId = `${t.place}-${t.slot}`;
    const good = chain(t.place, t.slot, 4);
    const other = chain('5999', t.slot, 4);
    // Entries 1–3 continue the chain; entry 4 is another office's (its hash follows its own chain, so the place is what refuses it after the hash).
    const last = other[3];
    if (last === undefined) throw new Error('no entry');
    const mixedLast = { ...last, hash: createHash('sha256').update(good[2]?.hash ?? '').update(canonicalEntryText(last, last.payloadText)).digest('hex') };
    const mixed = [...good.slice(0, 3), mixedLast];
    const days = [{ businessDate: DAY, entryCount: 4, receiptsSatang: 1_000, lastSeq: 4, headHash: mixedLast.hash }];
    const response = await push(t, mixed, days);
    expect(errorCode(response)).toBe('WRONG_TERMINAL');
    expect(await central.db.query('SELECT count(*)::int AS n FROM entries WHERE terminal_id = $1', [terminalId])).toEqual([{ n: 0 }]);
    expect(await central.db.query('SELECT count(*)::int AS n FROM central_receipts WHERE terminal_id = $1', [terminalId])).toEqual([{ n: 0 }]);
    expect(await central.db.query('SELECT high_water_seq AS hw FROM terminals WHERE id = $1', [terminalId])).toEqual([{ hw: 0 }]);
    expect((await push(t, good, completeness(good, 4))).statusCode).toBe(200);
  });

  it('large-batch: a batch over the first INSERT (100 entries) broken in the second part stores nothing; a resend of 150 stored and 300 new is stored once', async () => {
    const t = await enrolled();
    const terminalId = `${t.place}-${t.slot}`;
    const entries = chain(t.place, t.slot, 450);
    const broken = entries.map((e) => (e.seq === 300 ? { ...e, payloadText: e.payloadText.replace('"R-', '"X-') } : e));
    expect(errorCode(await push(t, broken, completeness(entries, 450)))).toBe('CHAIN_BROKEN');
    expect(await central.db.query('SELECT count(*)::int AS n FROM entries WHERE terminal_id = $1', [terminalId])).toEqual([{ n: 0 }]);
    expect(await central.db.query('SELECT count(*)::int AS n FROM central_receipts WHERE terminal_id = $1', [terminalId])).toEqual([{ n: 0 }]);
    expect((await push(t, entries.slice(0, 150), completeness(entries, 150))).statusCode).toBe(200);
    const resend = await push(t, entries, completeness(entries, 450));
    expect(resend.json()).toMatchObject({ ok: true, value: { accepted: 300, repeated: 150 } });
    const stored = await central.db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM entries WHERE terminal_id = $1 ORDER BY seq', [terminalId]);
    expect(stored).toEqual(entries.map((e) => ({ seq: e.seq, hash: e.hash })));
    const [claim] = completeness(entries, 450);
    expect(await central.db.query('SELECT entry_count AS n, receipts_satang AS satang FROM day_completeness WHERE terminal_id = $1', [terminalId])).toEqual([{ n: 450, satang: claim?.receiptsSatang }]);
  });

  it('completeness-checked: a day whose count or sum differs from what central stores is refused and stores nothing', async () => {
    const t = await enrolled();
    const entries = chain(t.place, t.slot, 3);
    const [claim] = completeness(entries, 3);
    if (claim === undefined) throw new Error('no claim');
    const response = await push(t, entries, [{ ...claim, receiptsSatang: claim.receiptsSatang + 1 }]);
    expect(errorCode(response)).toBe('COMPLETENESS_MISMATCH');
    const missing = await push(t, entries, []);
    expect(errorCode(missing)).toBe('BAD_INPUT');
    const stored = await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM entries WHERE terminal_id = $1', [`${t.place}-${t.slot}`]);
    expect(stored[0]?.n).toBe(0);
  });

  it('stored-exactly: every column is stored as sent, by the delimited form and by the JSON form (a kind holding U+0001)', async () => {
    const t = await enrolled();
    const user = ENTRY_ID(99);
    // Receipts carry what central reads of them (src-server/facts.ts); the note's quotes and backslashes must survive.
    const receipt = (n: number, amountSatang: number, revenueCode: string, noteTh?: string): string =>
      JSON.stringify({ receipt: { ...receiptPart({ id: ENTRY_ID(100 + n), amountSatang, businessDate: DAY, revenueCode }), ...(noteTh === undefined ? {} : { noteTh }) } });
    const specs = [
      { kind: 'receipt.issued', userId: user, payloadVersion: 1, payloadText: receipt(1, 150, '804001', 'ค่า "ธรรมเนียม" \\ ,{}') },
      { kind: 'clock.acknowledged', userId: null, payloadVersion: 2, payloadText: '{}' },
      { kind: 'note\u0001x', userId: user, payloadVersion: 3, payloadText: '{"text":"\\u0001 \\u0002"}' },
      { kind: 'receipt.issued', userId: null, payloadVersion: 1, payloadText: receipt(4, 7, '804003') },
    ];
    const entries: SyncEntry[] = [];
    let prev = GENESIS_HASH;
    for (const [i, spec] of specs.entries()) {
      const header = { seq: i + 1, id: ENTRY_ID(i + 1), kind: spec.kind, payloadVersion: spec.payloadVersion, atMs: T0_MS + i, businessDate: DAY, place: t.place, terminalSlot: t.slot, userId: spec.userId };
      const hash = createHash('sha256').update(prev).update(canonicalEntryText(header, spec.payloadText)).digest('hex');
      entries.push({ ...header, payloadText: spec.payloadText, hash });
      prev = hash;
    }
    const day = (upTo: number): DayCompleteness[] => [
      { businessDate: DAY, entryCount: upTo, receiptsSatang: upTo >= 4 ? 157 : 150, lastSeq: upTo, headHash: entries[upTo - 1]?.hash ?? '' },
    ];
    expect((await push(t, entries.slice(0, 2), day(2))).statusCode).toBe(200);
    expect((await push(t, entries.slice(2), day(4))).statusCode).toBe(200);
    const stored = await central.db.query(
      `SELECT seq, entry_id AS id, kind, payload_version AS "payloadVersion", at_ms AS "atMs", business_date AS "businessDate", place, terminal_slot AS "terminalSlot",
              user_id AS "userId", payload_text AS "payloadText", hash
       FROM entries WHERE terminal_id = $1 ORDER BY seq`,
      [`${t.place}-${t.slot}`],
    );
    expect(stored).toEqual(entries);
    // What central reads of the receipts is kept beside them (facts.ts).
    expect(await central.db.query('SELECT seq, amount_satang AS "amountSatang", revenue_code AS "revenueCode" FROM central_receipts WHERE terminal_id = $1 ORDER BY seq', [`${t.place}-${t.slot}`])).toEqual([
      { seq: 1, amountSatang: 150, revenueCode: '804001' },
      { seq: 4, amountSatang: 7, revenueCode: '804003' },
    ]);
    const again = await push(t, entries, day(4));
    expect(again.json()).toMatchObject({ ok: true, value: { accepted: 0, repeated: 4 } });
  });

  it('rebound-chain: a re-bound database pushes its chain under the old slot, then continues under the new one', async () => {
    const t = await enrolled('5601');
    const oldSlot = t.slot === 7 ? 8 : 7;
    const old = chain(t.place, oldSlot, 2);
    const last = old[1];
    if (last === undefined) throw new Error('no entry');
    const header = { seq: 3, id: ENTRY_ID(3), kind: 'terminal.rebound', payloadVersion: 1, atMs: T0_MS + 3, businessDate: DAY, place: t.place, terminalSlot: oldSlot, userId: null };
    const payloadText = `{"machineId":"m2","previousSlot":${oldSlot},"reasonText":"copied","slot":${t.slot}}`;
    const hash = createHash('sha256').update(last.hash).update(canonicalEntryText(header, payloadText)).digest('hex');
    const rebound = { ...header, payloadText, hash };
    const after = { ...header, seq: 4, id: ENTRY_ID(4), kind: 'clock.acknowledged', terminalSlot: t.slot, payloadText: '{}' };
    const afterEntry = { ...after, hash: createHash('sha256').update(hash).update(canonicalEntryText(after, '{}')).digest('hex') };
    const all = [...old, rebound, afterEntry];
    const days: DayCompleteness[] = [{ businessDate: DAY, entryCount: 4, receiptsSatang: 300, lastSeq: 4, headHash: afterEntry.hash }];
    expect((await push(t, all, days)).statusCode).toBe(200);
    const wrongSlot = { ...after, seq: 5, id: ENTRY_ID(5), terminalSlot: oldSlot };
    const wrongEntry = { ...wrongSlot, hash: createHash('sha256').update(afterEntry.hash).update(canonicalEntryText(wrongSlot, '{}')).digest('hex') };
    const refused = await push(t, [wrongEntry], [{ businessDate: DAY, entryCount: 5, receiptsSatang: 300, lastSeq: 5, headHash: wrongEntry.hash }]);
    expect(errorCode(refused)).toBe('WRONG_TERMINAL');
  });

  it('bad-input: a body that is not the protocol is BAD_INPUT, and an oversized one TOO_LARGE', async () => {
    const t = await enrolled();
    const body = JSON.stringify({ entries: [{ seq: 'one' }], completeness: [] });
    const response = await inject('POST', '/v1/push', body, signedHeaders('POST', '/v1/push', body, t.keyId, t.key, central.clock.nowMs));
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('BAD_INPUT');
    const big = 'x'.repeat(2 * 1024 * 1024);
    const large = await inject('POST', '/v1/push', big, signedHeaders('POST', '/v1/push', big, t.keyId, t.key, central.clock.nowMs));
    expect(large.statusCode).toBe(413);
    expect(errorCode(large)).toBe('TOO_LARGE');
  });
});

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOutages, overdueRemittances, receiptStatistics } from '../../src-server/console/alarms';
import { MIGRATIONS_DIR } from '../../src-server/db/client';
import { isReceiptPayload, receiptPayloadSchema } from '../../src-server/facts';
import { canonicalEntryText, GENESIS_HASH } from '../../src-shared/ledger-entry-text';
import { ENROLLING_KEY_ID, type DayCompleteness, type SyncEntry } from '../../src-shared/sync';
import { ADMIN_TOKEN, newTestKey, receiptPart, signedHeaders, startTestCentral, type CentralKind, type TestCentral, type TestKey } from '../helpers/central';
import { hasPostgres, NO_POSTGRES_MESSAGE } from '../helpers/postgres';

/**
 * Central reads the facts it needs from the entries it stores (src-server/facts.ts): receipts issued
 * and keyed (paper), cancellations, remittances, closes, outages; stored once, in the push's
 * transaction; a malformed payload of one of those kinds is refused whole. The console's
 * overdue-remittance alarm (09:30 of the next business day, the holiday calendar of the feed),
 * statistics without cancelled receipts and with paper ones, offices in an outage. PGlite and PostgreSQL.
 */
if (!hasPostgres) process.stderr.write(`${NO_POSTGRES_MESSAGE}\n`);
const kinds: CentralKind[] = hasPostgres ? ['pglite', 'postgres'] : ['pglite'];

/** Wednesday 2 December 2026, 09:00 Bangkok. 5 Dec (Saturday) is made up on Monday 7 Dec; 10 Dec is Constitution Day. */
const T0_MS = Date.UTC(2026, 11, 2, 2, 0, 0);
const bangkok = (day: string, hhmm: string): number => Date.parse(`${day}T${hhmm}:00+07:00`);
const HOLIDAYS = [2569, 2570].map((be) => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'holidays', `${be}.json`), 'utf8')) as { calendarYear: number });
const FACT_TABLES = ['central_receipts', 'central_cancellations', 'central_remittances', 'central_day_closes', 'central_outages'] as const;

interface Spec {
  readonly kind: string;
  readonly day: string;
  readonly payload: unknown;
  readonly payloadVersion?: number;
}

const receipt = (day: string, id: string, amountSatang: number, more: { method?: string; revenueCode?: string } = {}): Spec => ({
  kind: 'receipt.issued',
  day,
  payload: { receipt: receiptPart({ id, amountSatang, businessDate: day, ...more }) },
});
const keyed = (keyedOn: string, leafDay: string, id: string, amountSatang: number): Spec => ({
  kind: 'receipt.keyed',
  day: keyedOn,
  payload: { keying: { receiptId: id, leaf: 7 }, receipt: receiptPart({ id, amountSatang, businessDate: leafDay, isPaper: true }) },
});
const cancelled = (day: string, receiptId: string): Spec => ({ kind: 'receipt.cancelled', day, payload: { event: { atMs: bangkok(day, '15:00'), kind: 'cancelled', receiptId } } });
const remitted = (day: string, forDay: string, amountSatang: number, scope = 'cash'): Spec => ({
  kind: 'remittance.recorded',
  day,
  payload: { remittance: { amountSatang, bankReference: `KTB-${forDay}`, businessDate: forDay, deductedSatang: 0, remittedAtMs: bangkok(day, '09:00'), scope } },
});
const closed = (day: string, totalSatang: number): Spec => ({ kind: 'day.closed', day, payload: { close: { atMs: bangkok(day, '16:30'), businessDate: day, kind: 'close', totalSatang } } });
const outageStarted = (day: string, id: string): Spec => ({ kind: 'outage.started', day, payload: { outage: { cause: 'ไฟฟ้าดับ', id, startedAtMs: bangkok(day, '10:00') } } });
const outageEnded = (day: string, outageId: string): Spec => ({ kind: 'outage.ended', day, payload: { outageEnd: { endedAtMs: bangkok(day, '11:00'), id: `${outageId}-end`, outageId } } });

/** A chain for office `place`, slot `slot`, every hash as the office computes it. */
function chainOf(place: string, slot: number, specs: readonly Spec[]): SyncEntry[] {
  let prev = GENESIS_HASH;
  return specs.map((spec, i) => {
    const seq = i + 1;
    const header = { seq, id: `0${String(slot * 1000 + seq).padStart(25, '0')}`, kind: spec.kind, payloadVersion: spec.payloadVersion ?? 1, atMs: bangkok(spec.day, '12:00') + seq, businessDate: spec.day, place, terminalSlot: slot, userId: null };
    const payloadText = typeof spec.payload === 'string' ? spec.payload : JSON.stringify(spec.payload);
    const hash = createHash('sha256').update(prev).update(canonicalEntryText(header, payloadText)).digest('hex');
    prev = hash;
    return { ...header, payloadText, hash };
  });
}

/** The completeness the office states for a batch: each day's entries and receipt.issued amounts up to its last entry in the batch. */
function completenessOf(chain: readonly SyncEntry[], batch: readonly SyncEntry[]): DayCompleteness[] {
  const last = new Map<string, SyncEntry>();
  for (const e of batch) last.set(e.businessDate, e);
  return [...last.entries()].map(([day, lastEntry]) => {
    const upTo = chain.filter((e) => e.businessDate === day && e.seq <= lastEntry.seq);
    const satang = upTo.filter((e) => e.kind === 'receipt.issued').reduce((s, e) => s + (JSON.parse(e.payloadText) as { receipt: { amountSatang: number } }).receipt.amountSatang, 0);
    return { businessDate: day, entryCount: upTo.length, receiptsSatang: satang, lastSeq: lastEntry.seq, headHash: lastEntry.hash };
  });
}

describe.each(kinds)('central facts on %s', (kind) => {
  let central: TestCentral;
  let officeCounter = 0;

  beforeAll(async () => {
    central = await startTestCentral(kind, T0_MS);
    const published = await central.app.fastify.inject({
      method: 'POST',
      url: '/admin/feed',
      payload: JSON.stringify({ place: null, items: HOLIDAYS.map((data) => ({ stream: 'holidays', calendarYear: data.calendarYear, data })) }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(published.statusCode).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await central?.close();
  });

  const inject = (method: 'GET' | 'POST', url: string, body: string | undefined, headers: Record<string, string>) =>
    central.app.fastify.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });
  const admin = (url: string, body: unknown) => inject('POST', url, JSON.stringify(body), { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` });

  /** A terminal of a fresh office (each test its own, so the console's lists can be read per office). */
  async function enrolled(slot = 1, place = String(6001 + officeCounter++)) {
    const code = (await admin('/admin/enroll-codes', { place, terminalSlot: slot })).json<{ value: { code: string } }>().value.code;
    const key = newTestKey();
    const body = JSON.stringify({ code, place, terminalSlot: slot, publicKeySpkiBase64: key.publicKeySpkiBase64 });
    const response = await inject('POST', '/v1/enroll', body, signedHeaders('POST', '/v1/enroll', body, ENROLLING_KEY_ID, key, central.clock.nowMs));
    expect(response.statusCode).toBe(200);
    return { place, slot, id: `${place}-${slot}`, key, keyId: response.json<{ value: { keyId: string } }>().value.keyId };
  }

  const push = (t: { keyId: string; key: TestKey }, chain: readonly SyncEntry[], batch: readonly SyncEntry[] = chain) => {
    const body = JSON.stringify({ entries: batch, completeness: completenessOf(chain, batch) });
    return inject('POST', '/v1/push', body, signedHeaders('POST', '/v1/push', body, t.keyId, t.key, central.clock.nowMs));
  };
  const countsOf = async (terminalId: string) => {
    const counts: Record<string, number> = {};
    for (const table of ['entries', ...FACT_TABLES]) {
      counts[table] = (await central.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE terminal_id = $1`, [terminalId]))[0]?.n ?? -1;
    }
    return counts;
  };

  it('central-facts-at-ingest: receipts issued and keyed, cancellations, remittances, closes, outages stored with the entries, once', async () => {
    const t = await enrolled();
    const chain = chainOf(t.place, t.slot, [
      receipt('2026-12-02', 'R1', 100_000),
      receipt('2026-12-02', 'R2', 25_050, { method: 'bill-payment', revenueCode: '804003' }),
      cancelled('2026-12-02', 'R1'),
      closed('2026-12-02', 25_050),
      outageStarted('2026-12-03', 'O1'),
      keyed('2026-12-04', '2026-12-03', 'P1', 5_000),
      outageEnded('2026-12-04', 'O1'),
      remitted('2026-12-04', '2026-12-03', 5_000),
      { kind: 'clock.acknowledged', day: '2026-12-04', payload: {} },
    ]);
    const first = await push(t, chain, chain.slice(0, 5));
    expect(first.json()).toMatchObject({ ok: true, value: { accepted: 5, repeated: 0 } });
    // The rest, sent with the first five again (a lost answer): only the new ones are read.
    expect((await push(t, chain)).json()).toMatchObject({ ok: true, value: { accepted: 4, repeated: 5 } });
    expect((await push(t, chain)).json()).toMatchObject({ ok: true, value: { accepted: 0, repeated: 9 } });

    expect(await central.db.query('SELECT seq, receipt_id, place, business_date, revenue_code, method, amount_satang, is_paper FROM central_receipts WHERE terminal_id = $1 ORDER BY seq', [t.id])).toEqual([
      { seq: 1, receipt_id: 'R1', place: t.place, business_date: '2026-12-02', revenue_code: '804001', method: 'cash', amount_satang: 100_000, is_paper: false },
      { seq: 2, receipt_id: 'R2', place: t.place, business_date: '2026-12-02', revenue_code: '804003', method: 'bill-payment', amount_satang: 25_050, is_paper: false },
      // Keyed on the 4th, a leaf written on the 3rd: counted on the day the money was taken.
      { seq: 6, receipt_id: 'P1', place: t.place, business_date: '2026-12-03', revenue_code: '804001', method: 'cash', amount_satang: 5_000, is_paper: true },
    ]);
    expect(await central.db.query('SELECT seq, receipt_id, business_date FROM central_cancellations WHERE terminal_id = $1', [t.id])).toEqual([{ seq: 3, receipt_id: 'R1', business_date: '2026-12-02' }]);
    expect(await central.db.query('SELECT seq, business_date, kind, total_satang FROM central_day_closes WHERE terminal_id = $1', [t.id])).toEqual([{ seq: 4, business_date: '2026-12-02', kind: 'close', total_satang: 25_050 }]);
    expect(await central.db.query('SELECT seq, business_date, scope, amount_satang, bank_reference FROM central_remittances WHERE terminal_id = $1', [t.id])).toEqual([
      { seq: 8, business_date: '2026-12-03', scope: 'cash', amount_satang: 5_000, bank_reference: 'KTB-2026-12-03' },
    ]);
    expect(await central.db.query('SELECT seq, outage_id, started_at_ms, ended_at_ms, cause FROM central_outages WHERE terminal_id = $1 ORDER BY seq', [t.id])).toEqual([
      { seq: 5, outage_id: 'O1', started_at_ms: bangkok('2026-12-03', '10:00'), ended_at_ms: null, cause: 'ไฟฟ้าดับ' },
      { seq: 7, outage_id: 'O1', started_at_ms: null, ended_at_ms: bangkok('2026-12-04', '11:00'), cause: null },
    ]);
    expect(await countsOf(t.id)).toEqual({ entries: 9, central_receipts: 3, central_cancellations: 1, central_remittances: 1, central_day_closes: 1, central_outages: 2 });

    // central-facts-backfill: the migration that made these tables reads the same facts from entries stored before it.
    const stored = async () => Promise.all(FACT_TABLES.map((table) => central.db.query(`SELECT * FROM ${table} WHERE terminal_id = $1 ORDER BY seq`, [t.id])));
    const atIngest = await stored();
    const migration = readdirSync(MIGRATIONS_DIR)
      .filter((name) => name.endsWith('.sql'))
      .map((name) => readFileSync(join(MIGRATIONS_DIR, name), 'utf8'))
      .find((text) => text.includes('-- Entries stored before this migration'));
    const backfill = (migration ?? '').split('--> statement-breakpoint').filter((statement) => /^\s*(--[^\n]*\n\s*)*INSERT INTO "central_/.test(statement));
    expect(backfill).toHaveLength(FACT_TABLES.length);
    for (const table of FACT_TABLES) await central.db.query(`DELETE FROM ${table} WHERE terminal_id = $1`, [t.id]);
    for (const statement of backfill) await central.db.query(statement);
    expect(await stored()).toEqual(atIngest);
  });

  const malformed: [string, Spec][] = [
    ['a receipt.issued without its method', { kind: 'receipt.issued', day: '2026-12-02', payload: { receipt: { amountSatang: 100, businessDate: '2026-12-02', id: 'X', isPaper: false, revenueCode: '804001' } } }],
    ['a receipt.keyed whose amount is not whole satang', { kind: 'receipt.keyed', day: '2026-12-02', payload: { keying: { receiptId: 'X' }, receipt: { ...receiptPart({ id: 'X', amountSatang: 1, businessDate: '2026-12-02', isPaper: true }), amountSatang: 10.5 } } }],
    ['a receipt.keyed that is not paper', { kind: 'receipt.keyed', day: '2026-12-02', payload: { keying: { receiptId: 'X' }, receipt: receiptPart({ id: 'X', amountSatang: 100, businessDate: '2026-12-02' }) } }],
    ['a receipt.cancelled without the receipt', { kind: 'receipt.cancelled', day: '2026-12-02', payload: { event: { atMs: T0_MS, kind: 'cancelled' } } }],
    ['a remittance.recorded of an unknown scope', remitted('2026-12-03', '2026-12-02', 100, 'cheque')],
    ['a day.closed without its date', { kind: 'day.closed', day: '2026-12-02', payload: { close: { atMs: T0_MS, kind: 'day', totalSatang: 0 } } }],
    ['an outage.started that is not JSON', { kind: 'outage.started', day: '2026-12-02', payload: '{"outage":' }],
    ['an outage.ended without the outage it ends', { kind: 'outage.ended', day: '2026-12-02', payload: { outageEnd: { endedAtMs: T0_MS } } }],
    ['a payment.confirmed without the bill it pays', { kind: 'payment.confirmed', day: '2026-12-02', payload: { confirmation: { id: 'X', paidAtMs: T0_MS, source: 'bank-file' } } }],
    ['a payment.confirmed of an unknown source', { kind: 'payment.confirmed', day: '2026-12-02', payload: { confirmation: { billId: 'B', id: 'X', paidAtMs: T0_MS, source: 'rumour' } } }],
    ['a receipt.issued of a payload version central does not read', { ...receipt('2026-12-02', 'X', 100), payloadVersion: 2 }],
  ];
  it.each(malformed)('central-facts-bad-payload: %s is BAD_INPUT and the whole push stores nothing', async (_what, bad) => {
    const t = await enrolled();
    const chain = chainOf(t.place, t.slot, [receipt('2026-12-02', 'G1', 100), remitted('2026-12-03', '2026-12-02', 100), bad]);
    const response = await push(t, chain);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await countsOf(t.id)).toEqual({ entries: 0, central_receipts: 0, central_cancellations: 0, central_remittances: 0, central_day_closes: 0, central_outages: 0 });
    expect(await central.db.query('SELECT high_water_seq AS hw FROM terminals WHERE id = $1', [t.id])).toEqual([{ hw: 0 }]);
  });

  it('central-facts-never-skipped: a fact row already there for a new entry (a damaged database) fails the push, 500, and stores nothing', async () => {
    const t = await enrolled();
    const chain = chainOf(t.place, t.slot, [receipt('2026-12-02', 'G1', 100), receipt('2026-12-02', 'G2', 200)]);
    // A fact for seq 2 without its entry: `ON CONFLICT DO NOTHING` would keep it and drop the one read from the entry pushed now.
    await central.db.query(
      `INSERT INTO central_receipts (terminal_id, seq, receipt_id, place, business_date, revenue_code, method, amount_satang, is_paper) VALUES ($1, 2, 'OLD', $2, '2026-12-02', '804001', 'cash', 999, false)`,
      [t.id, t.place],
    );
    const response = await push(t, chain);
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect((await countsOf(t.id)).entries).toBe(0);
    expect(await central.db.query('SELECT seq, receipt_id AS id FROM central_receipts WHERE terminal_id = $1', [t.id])).toEqual([{ seq: 2, id: 'OLD' }]);
    expect(await central.db.query('SELECT high_water_seq AS hw FROM terminals WHERE id = $1', [t.id])).toEqual([{ hw: 0 }]);
  });

  it('overdue-remittance-central: cash of a business day not remitted by 09:30 of the next business day, per office and day, holidays skipped', async () => {
    const a = await enrolled(1);
    const b = await enrolled(2, a.place);
    const chainA = chainOf(a.place, a.slot, [
      // 2 Dec: the only cash receipt cancelled, and a bill payment (the province remits it): nothing owed.
      receipt('2026-12-02', 'A1', 50_000),
      cancelled('2026-12-02', 'A1'),
      receipt('2026-12-02', 'A2', 70_000, { method: 'bill-payment' }),
      // 3 Dec: cash, remitted on the 4th.
      receipt('2026-12-03', 'A3', 30_000, { method: 'cheque' }),
      remitted('2026-12-04', '2026-12-03', 30_000),
      // 4 Dec (Friday): cash not remitted. Next business day: Tuesday 8 Dec (Monday 7 Dec makes up for 5 Dec).
      receipt('2026-12-04', 'A4', 100_000),
      receipt('2026-12-04', 'A5', 20_050),
    ]);
    // Terminal 2 of the same office took cash on the 3rd and has not remitted it: its own ledger, its own record.
    const chainB = chainOf(b.place, b.slot, [receipt('2026-12-03', 'B1', 12_345)]);
    expect((await push(a, chainA)).statusCode).toBe(200);
    expect((await push(b, chainB)).statusCode).toBe(200);
    const mine = async (nowMs: number) => (await overdueRemittances(central.db, nowMs)).filter((o) => o.place === a.place);

    expect(await mine(bangkok('2026-12-04', '09:29'))).toEqual([]);
    expect(await mine(bangkok('2026-12-04', '09:31'))).toEqual([{ place: a.place, businessDate: '2026-12-03', cashSatang: 12_345, deadlineMs: bangkok('2026-12-04', '09:30'), terminalIds: [b.id] }]);
    // Monday 7 Dec is a holiday: the 4th's cash is not overdue until Tuesday 09:30.
    expect((await mine(bangkok('2026-12-08', '09:29'))).map((o) => o.businessDate)).toEqual(['2026-12-03']);
    expect(await mine(bangkok('2026-12-08', '09:31'))).toEqual([
      { place: a.place, businessDate: '2026-12-03', cashSatang: 12_345, deadlineMs: bangkok('2026-12-04', '09:30'), terminalIds: [b.id] },
      { place: a.place, businessDate: '2026-12-04', cashSatang: 120_050, deadlineMs: bangkok('2026-12-08', '09:30'), terminalIds: [a.id] },
    ]);

    // The console, in Thai with Buddhist-era dates and times.
    await admin('/admin/console-users', { username: 'executive.facts', nameTh: 'ผู้บริหาร', role: 'executive', password: 'Executive-2569' });
    central.clock.nowMs = bangkok('2026-12-08', '09:31');
    try {
      const login = await inject('POST', '/console/login', new URLSearchParams({ username: 'executive.facts', password: 'Executive-2569' }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
      const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
      const page = (await inject('GET', '/console', undefined, { cookie })).body;
      if (process.env.EBILL_CONSOLE_HTML !== undefined && kind === 'pglite') writeFileSync(process.env.EBILL_CONSOLE_HTML, page);
      expect(page).toContain('เงินสดที่ยังไม่นำส่งคลังเกินกำหนด 09:30 น. ของวันทำการถัดไป');
      expect(page).toContain(`<td><span class="alarm">${a.place}</span></td><td>04/12/2569</td><td class="n">1,200.50</td><td>8 ธ.ค. 2569 เวลา 09:30</td><td>${a.id}</td>`);
      expect(page).toContain(`<td><span class="alarm">${a.place}</span></td><td>03/12/2569</td><td class="n">123.45</td><td>4 ธ.ค. 2569 เวลา 09:30</td><td>${b.id}</td>`);
      expect(page).not.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    } finally {
      central.clock.nowMs = T0_MS;
    }

    // Terminal 2 records its remittance: the 3rd is no longer overdue.
    const chainB2 = chainOf(b.place, b.slot, [receipt('2026-12-03', 'B1', 12_345), remitted('2026-12-08', '2026-12-03', 12_345)]);
    expect((await push(b, chainB2)).json()).toMatchObject({ ok: true, value: { accepted: 1, repeated: 1 } });
    expect((await mine(bangkok('2026-12-08', '09:31'))).map((o) => o.businessDate)).toEqual(['2026-12-04']);
  });

  it('overdue-remittance-central: a day whose next business day central has no holiday data for is listed with the deadline unknown, never guessed', async () => {
    const t = await enrolled();
    expect((await push(t, chainOf(t.place, t.slot, [receipt('2027-12-30', 'Y1', 1_000)]))).statusCode).toBe(200);
    const listed = (await overdueRemittances(central.db, bangkok('2028-01-05', '12:00'))).filter((o) => o.place === t.place);
    expect(listed).toEqual([{ place: t.place, businessDate: '2027-12-30', cashSatang: 1_000, deadlineMs: null, terminalIds: [t.id] }]);
  });

  it('central-statistics: by province and revenue code, cancelled receipts left out, paper receipts in', async () => {
    const t = await enrolled(1, '9101');
    const chain = chainOf(t.place, t.slot, [
      receipt('2026-12-02', 'S1', 10_000),
      receipt('2026-12-02', 'S2', 20_000),
      cancelled('2026-12-02', 'S2'),
      receipt('2026-12-02', 'S3', 40_000, { revenueCode: '804003' }),
      keyed('2026-12-03', '2026-12-02', 'S4', 8_000),
    ]);
    expect((await push(t, chain)).statusCode).toBe(200);
    expect((await receiptStatistics(central.db)).filter((s) => s.province === '91')).toEqual([
      { province: '91', revenueCode: '804001', n: 2, paper: 1, satang: 18_000 },
      { province: '91', revenueCode: '804003', n: 1, paper: 0, satang: 40_000 },
    ]);
  });

  it('central-outage: an office whose terminal reported an outage started and not ended is shown in an outage', async () => {
    const t = await enrolled();
    const chain = chainOf(t.place, t.slot, [outageStarted('2026-12-02', 'OUT1'), receipt('2026-12-02', 'Q1', 100), closed('2026-12-02', 100), outageEnded('2026-12-02', 'OUT1'), outageStarted('2026-12-02', 'OUT2')]);
    expect((await push(t, chain, chain.slice(0, 3))).statusCode).toBe(200);
    expect((await openOutages(central.db)).filter((o) => o.place === t.place)).toEqual([{ place: t.place, terminalId: t.id, outageId: 'OUT1', startedAtMs: bangkok('2026-12-02', '10:00'), cause: 'ไฟฟ้าดับ' }]);
    await admin('/admin/console-users', { username: `admin.${t.place}`, nameTh: 'ผู้ดูแล', role: 'admin', password: 'Administrator-2569' });
    const login = await inject('POST', '/console/login', new URLSearchParams({ username: `admin.${t.place}`, password: 'Administrator-2569' }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    const page = (await inject('GET', '/console', undefined, { cookie: String(login.headers['set-cookie']).split(';')[0] ?? '' })).body;
    expect(page).toContain(`<td><span class="alarm">${t.place}</span></td><td>${t.id}</td><td>2 ธ.ค. 2569 เวลา 10:00</td><td>ไฟฟ้าดับ</td>`);
    // The terminal: the last day it closed, and in an outage.
    expect(page).toContain('<td>02/12/2569</td><td>ปกติ / ok <span class="alarm">ระบบขัดข้อง (ออกใบเสร็จกระดาษ) / outage (paper receipts)</span></td>');
    // Ended, then a second one: only the second is open.
    expect((await push(t, chain, chain.slice(3))).statusCode).toBe(200);
    expect((await openOutages(central.db)).filter((o) => o.place === t.place).map((o) => o.outageId)).toEqual(['OUT2']);
  });
});

describe('the quick receipt check accepts exactly what zod accepts (facts.ts isReceiptPayload)', () => {
  const good = { receipt: receiptPart({ id: '01KC0000000000000000000001', amountSatang: 10_000, businessDate: '2026-12-02' }) };
  const keyedGood = { receipt: { ...good.receipt, isPaper: true }, keying: { receiptId: good.receipt.id } };
  const badValues: readonly unknown[] = [undefined, null, '', 'x', -1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, true, [], {}, '2026-1-02', '80400', '8040011', 'a'.repeat(65), 'cash ', 0];
  const cases: { json: unknown; isKeyed: boolean }[] = [
    { json: good, isKeyed: false },
    { json: keyedGood, isKeyed: true },
    { json: { ...good, extra: 1 }, isKeyed: false },
    { json: null, isKeyed: false },
    { json: [good], isKeyed: false },
    { json: { receipt: [good.receipt] }, isKeyed: false },
    { json: good, isKeyed: true },
    { json: { ...keyedGood, keying: null }, isKeyed: true },
    { json: { ...keyedGood, keying: { receiptId: '' } }, isKeyed: true },
  ];
  for (const field of ['id', 'businessDate', 'revenueCode', 'method', 'amountSatang', 'isPaper', 'billId']) {
    for (const value of badValues) {
      cases.push({ json: { receipt: { ...good.receipt, [field]: value } }, isKeyed: false });
      cases.push({ json: { ...keyedGood, receipt: { ...keyedGood.receipt, [field]: value } }, isKeyed: true });
    }
  }

  it(`agrees on ${cases.length} payloads, good and bad`, () => {
    for (const { json, isKeyed } of cases) {
      const quick = isReceiptPayload(json, isKeyed);
      // Never more than zod: what the quick check accepts, zod accepts.
      if (quick) expect(receiptPayloadSchema(isKeyed).safeParse(json).success, JSON.stringify(json)).toBe(true);
    }
    expect(isReceiptPayload(good, false)).toBe(true);
    expect(isReceiptPayload(keyedGood, true)).toBe(true);
    // And it is the quick path for what is well-formed: every accepted-by-zod case here is accepted quickly.
    for (const { json, isKeyed } of cases) if (receiptPayloadSchema(isKeyed).safeParse(json).success) expect(isReceiptPayload(json, isKeyed), JSON.stringify(json)).toBe(true);
  });
});

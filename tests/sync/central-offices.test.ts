import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPaymentConfirmation } from '../../src-main/ledger/payments';
import { issueReceipt } from '../../src-main/ledger/receipts';
import { createRequest, DEFAULT_CATALOG } from '../../src-main/ledger/requests';
import { manualClock } from '../../src-main/platform/clock';
import { enrollTerminal, pushOutbox } from '../../src-main/sync/client';
import { DEFAULT_RETRY, type RetryPolicy } from '../../src-main/sync/retry';
import { buildCentralApp } from '../../src-server/app';
import { runCentralCli } from '../../src-server/cli';
import { overdueBillPayments, overdueRemittances } from '../../src-server/console/alarms';
import { MIGRATIONS_DIR, openPglite } from '../../src-server/db/client';
import { createEnrollCode } from '../../src-server/enrollment';
import { listOffices, setOfficeKind } from '../../src-server/offices';
import { ENROLLING_KEY_ID, type SyncEntry } from '../../src-shared/sync';
import { ADMIN_TOKEN, chainOfSpecs, consoleFormToken, completenessOfBatch, newTestKey, receiptPart, signedHeaders, startTestCentral, type CentralKind, type EntrySpec, type TestCentral, type TestKey } from '../helpers/central';
import { T0_MS as OFFICE_T0_MS } from '../helpers/office';
import { hasPostgres, NO_POSTGRES_MESSAGE } from '../helpers/postgres';
import { setUpSyncTerminal } from '../helpers/sync-terminal';

/**
 * The office registry at central (issue 11): which office is its province's provincial office, so
 * the overdue-remittance alarm knows who remits a province's bill payments. Registry rules (one
 * provincial office per province, the same kind again a no-op, every refusal changing nothing), the
 * console's offices page (an administrator sets, a supervisor only reads), `ebill-central office
 * set-kind` (through the running server or on the database), and the bill-payment alarm with and
 * without a provincial office, remitted and overdue. PGlite and PostgreSQL (the CLI on PGlite).
 */
/** Wednesday 2 December 2026, 09:00 Bangkok. */
const T0_MS = Date.UTC(2026, 11, 2, 2, 0, 0);
const bangkok = (day: string, hhmm: string): number => Date.parse(`${day}T${hhmm}:00+07:00`);
const FAST_RETRY: RetryPolicy = { ...DEFAULT_RETRY, baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 };
const HOLIDAYS = [2569, 2570].map((be) => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'holidays', `${be}.json`), 'utf8')) as { calendarYear: number });

const billPayment = (day: string, id: string, amountSatang: number): EntrySpec => ({ kind: 'receipt.issued', day, payload: { receipt: receiptPart({ id, amountSatang, businessDate: day, method: 'bill-payment' }) } });
const billPaidFor = (day: string, id: string, amountSatang: number, billId: string): EntrySpec => ({
  kind: 'receipt.issued',
  day,
  payload: { receipt: { ...receiptPart({ id, amountSatang, businessDate: day, method: 'bill-payment' }), billId } },
});
const confirmed = (day: string, id: string, billId: string, source: 'bank-file' | 'central' | 'provisional', paidAtMs: number): EntrySpec => ({
  kind: 'payment.confirmed',
  day,
  payload: { confirmation: { amountSatang: 1, atMs: bangkok(day, '08:00'), bankCode: '006', bankReference: `REF-${id}`, billId, entrySeq: 1, id, paidAtMs, recordedByUserId: null, source } },
});
const cash = (day: string, id: string, amountSatang: number): EntrySpec => ({ kind: 'receipt.issued', day, payload: { receipt: receiptPart({ id, amountSatang, businessDate: day }) } });
const cancelled = (day: string, receiptId: string): EntrySpec => ({ kind: 'receipt.cancelled', day, payload: { event: { atMs: bangkok(day, '15:00'), kind: 'cancelled', receiptId } } });
const remitted = (day: string, forDay: string, amountSatang: number, scope: 'cash' | 'bill-payment'): EntrySpec => ({
  kind: 'remittance.recorded',
  day,
  payload: { remittance: { amountSatang, bankReference: `KTB-${scope}-${forDay}`, businessDate: forDay, deductedSatang: 0, remittedAtMs: bangkok(day, '09:00'), scope } },
});

let central: TestCentral;
const inject = (method: 'GET' | 'POST', url: string, body: string | undefined, headers: Record<string, string> = {}) =>
  central.app.fastify.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });
const admin = (url: string, body: unknown, token = ADMIN_TOKEN) => inject('POST', url, JSON.stringify(body), { 'content-type': 'application/json', authorization: `Bearer ${token}` });
const formPost = (url: string, fields: Record<string, string>, cookie: string) =>
  inject('POST', url, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded', cookie });
const registry = () => central.db.query('SELECT * FROM office_registry ORDER BY place');

async function login(username: string, password: string): Promise<string> {
  const response = await formPost('/console/login', { username, password }, '');
  expect(response.statusCode).toBe(303);
  return String(response.headers['set-cookie']).split(';')[0] ?? '';
}

async function enrolled(place: string, slot = 1) {
  const code = (await admin('/admin/enroll-codes', { place, terminalSlot: slot })).json<{ value: { code: string } }>().value.code;
  const key = newTestKey();
  const body = JSON.stringify({ code, place, terminalSlot: slot, publicKeySpkiBase64: key.publicKeySpkiBase64 });
  const response = await inject('POST', '/v1/enroll', body, signedHeaders('POST', '/v1/enroll', body, ENROLLING_KEY_ID, key, central.clock.nowMs));
  expect(response.statusCode).toBe(200);
  return { place, slot, id: `${place}-${slot}`, key, keyId: response.json<{ value: { keyId: string } }>().value.keyId };
}

async function push(t: { place: string; slot: number; keyId: string; key: TestKey }, specs: readonly EntrySpec[]): Promise<SyncEntry[]> {
  const chain = chainOfSpecs(t.place, t.slot, specs);
  const body = JSON.stringify({ entries: chain, completeness: completenessOfBatch(chain) });
  const response = await inject('POST', '/v1/push', body, signedHeaders('POST', '/v1/push', body, t.keyId, t.key, central.clock.nowMs));
  expect(response.json()).toMatchObject({ ok: true });
  return chain;
}

if (!hasPostgres) process.stderr.write(`${NO_POSTGRES_MESSAGE}\n`);
const kinds: CentralKind[] = hasPostgres ? ['pglite', 'postgres'] : ['pglite'];

describe.each(kinds)('the office registry on %s', (kind) => {
  beforeAll(async () => {
    central = await startTestCentral(kind, T0_MS);
    const published = await admin('/admin/feed', { place: null, items: HOLIDAYS.map((data) => ({ stream: 'holidays', calendarYear: data.calendarYear, data })) });
    expect(published.statusCode).toBe(200);
    await admin('/admin/console-users', { username: 'central.admin', nameTh: 'นายผู้ดูแล ระบบ', role: 'admin', password: 'Administrator-2569' });
    await admin('/admin/console-users', { username: 'central.supervisor', nameTh: 'นางสาวสมหญิง หัวหน้า', role: 'supervisor', password: 'Supervisor-2569' });
  }, 60_000);
  afterAll(async () => {
    await central?.close();
  });

  describe('office registry', () => {
    it('office-registry-rules: one provincial office per province, the same kind again a no-op, a refusal changes nothing', async () => {
      const first = await setOfficeKind(central.db, { place: '5400', kind: 'provincial', nameTh: 'ที่ทำการปกครองจังหวัดแพร่', setBy: 'central.admin' }, T0_MS);
      expect(first).toEqual({ place: '5400', province: '54', kind: 'provincial', nameTh: 'ที่ทำการปกครองจังหวัดแพร่', changed: true, setBy: 'central.admin', setAtMs: T0_MS });
      // The same kind again: nothing written, who and when kept.
      expect(await setOfficeKind(central.db, { place: '5400', kind: 'provincial', setBy: 'someone.else' }, T0_MS + 60_000)).toEqual({ ...first, changed: false });
      const before = await registry();

      // A second provincial office in province 54 is refused with its own code, and nothing changes.
      await expect(setOfficeKind(central.db, { place: '5401', kind: 'provincial', setBy: 'central.admin' }, T0_MS + 1)).rejects.toMatchObject({ code: 'PROVINCIAL_OFFICE_EXISTS', message: expect.stringContaining('5400') });
      const bad: [string, Parameters<typeof setOfficeKind>[1]][] = [
        ['a place that is not 4 digits', { place: '54a1', kind: 'district', setBy: 'x' }],
        ['place 0000', { place: '0000', kind: 'district', setBy: 'x' }],
        ['an unknown kind', { place: '5402', kind: 'regional', setBy: 'x' }],
        ['a name of two lines', { place: '5402', kind: 'district', nameTh: 'บรรทัด\nสอง', setBy: 'x' }],
        ['a name too long', { place: '5402', kind: 'district', nameTh: 'ก'.repeat(201), setBy: 'x' }],
        ['nobody setting it', { place: '5402', kind: 'district', setBy: '' }],
      ];
      for (const [what, input] of bad) await expect(setOfficeKind(central.db, input, T0_MS + 2), what).rejects.toMatchObject({ code: 'BAD_INPUT' });
      expect(await registry()).toEqual(before);

      // Another province has its own; the first one set to district frees province 54.
      expect(await setOfficeKind(central.db, { place: '5500', kind: 'provincial', setBy: 'central.admin' }, T0_MS + 3)).toMatchObject({ province: '55', changed: true });
      expect(await setOfficeKind(central.db, { place: '5400', kind: 'district', setBy: 'central.admin' }, T0_MS + 4)).toMatchObject({ kind: 'district', nameTh: 'ที่ทำการปกครองจังหวัดแพร่', changed: true, setAtMs: T0_MS + 4 });
      expect(await setOfficeKind(central.db, { place: '5401', kind: 'provincial', setBy: 'central.admin' }, T0_MS + 5)).toMatchObject({ kind: 'provincial', changed: true });

      // The database holds the rule too: a row written past the function is refused.
      await expect(central.db.query(`INSERT INTO office_registry (place, province, kind, set_by, set_at_ms) VALUES ('5403', '54', 'provincial', 'x', 1)`)).rejects.toThrow();
      await expect(central.db.query(`INSERT INTO office_registry (place, province, kind, set_by, set_at_ms) VALUES ('5404', '54', 'regional', 'x', 1)`)).rejects.toThrow();
      await expect(central.db.query(`INSERT INTO office_registry (place, province, kind, set_by, set_at_ms) VALUES ('5405', '55', 'district', 'x', 1)`)).rejects.toThrow();
    });

    it('office-registry-race: two provincial offices of one province set at the same moment: one is kept, the other refused', async () => {
      const settled = await Promise.allSettled(['5700', '5701'].map((place) => setOfficeKind(central.db, { place, kind: 'provincial', setBy: 'central.admin' }, T0_MS)));
      expect(settled.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(settled.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'PROVINCIAL_OFFICE_EXISTS' } });
      expect(await central.db.query(`SELECT count(*)::int AS n FROM office_registry WHERE province = '57'`)).toEqual([{ n: 1 }]);
    });

    it('office-registry-admin-route: POST /admin/offices/kind needs the administrator token; a refusal is coded and changes nothing', async () => {
      const before = await registry();
      expect((await admin('/admin/offices/kind', { place: '5600', kind: 'provincial', setBy: 'cli:ops' }, 'wrong-token-0123456789012')).json()).toMatchObject({ ok: false, error: { code: 'ADMIN_ONLY' } });
      expect((await admin('/admin/offices/kind', { place: '5600', kind: 'regional', setBy: 'cli:ops' })).json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      expect((await admin('/admin/offices/kind', { place: '5600', kind: 'provincial' })).json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      const second = await admin('/admin/offices/kind', { place: '5501', kind: 'provincial', setBy: 'cli:ops' });
      expect([second.statusCode, second.json()]).toEqual([409, { ok: false, error: { code: 'PROVINCIAL_OFFICE_EXISTS', message: expect.stringContaining('5500') } }]);
      expect(await registry()).toEqual(before);
      expect((await admin('/admin/offices/kind', { place: '5600', kind: 'provincial', setBy: 'cli:ops' })).json()).toMatchObject({ ok: true, value: { place: '5600', province: '56', kind: 'provincial', changed: true, setBy: 'cli:ops' } });
    });

    it('office-registry-listing: offices seen through terminals and not registered are district, "not set"; registered ones carry who and when', async () => {
      const t = await enrolled('5402');
      await push(t, [cash('2026-12-02', 'L1', 100)]);
      const listed = (await listOffices(central.db)).filter((o) => o.province === '54');
      expect(listed).toEqual([
        { place: '5400', province: '54', kind: 'district', isSet: true, nameTh: 'ที่ทำการปกครองจังหวัดแพร่', setBy: 'central.admin', setAtMs: T0_MS + 4, terminals: 0, lastPushAtMs: null },
        { place: '5401', province: '54', kind: 'provincial', isSet: true, nameTh: null, setBy: 'central.admin', setAtMs: T0_MS + 5, terminals: 0, lastPushAtMs: null },
        { place: '5402', province: '54', kind: 'district', isSet: false, nameTh: null, setBy: null, setAtMs: null, terminals: 1, lastPushAtMs: T0_MS },
      ]);
    });
  });

  describe('console offices page', () => {
    it('console-offices: every console user sees the offices; only an administrator sets a kind (specific refusals, nothing changed)', async () => {
      const t = await enrolled('8101');
      await enrolled('8101', 2);
      await push(t, [cash('2026-12-02', 'C1', 100)]);

      const supervisor = await login('central.supervisor', 'Supervisor-2569');
      const seen = await inject('GET', '/console/offices', undefined, { cookie: supervisor });
      expect(seen.statusCode).toBe(200);
      expect(seen.body).toContain('<td>8101</td><td></td><td>ที่ทำการปกครองอำเภอ / district <span class="alarm">(ยังไม่ได้กำหนด / not set)</span></td><td>81</td><td class="n">2</td><td>2 ธ.ค. 2569 เวลา 09:00</td>');
      expect(seen.body).toMatch(/Provinces with no provincial office registered: [^<]*81/);
      expect(seen.body).not.toContain('<form method="post" action="/console/offices">');
      const before = await registry();
      const refused = await formPost('/console/offices', { place: '8100', kind: 'provincial' }, supervisor);
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('เฉพาะผู้ดูแลระบบ (admin) กำหนดประเภทสำนักงานได้');
      expect(await registry()).toEqual(before);
      expect((await formPost('/console/offices', { place: '8100', kind: 'provincial' }, '')).headers.location).toBe('/console/login');

      const administrator = await login('central.admin', 'Administrator-2569');
      const adminPage = (await inject('GET', '/console/offices', undefined, { cookie: administrator })).body;
      expect(adminPage).toContain('<form method="post" action="/console/offices">');
      // As a browser sends it: the token from the form's hidden field.
      const _csrf = consoleFormToken(adminPage, '/console/offices');
      // console-csrf: without this session's token (none, empty, another session's, made up) nothing is set.
      const otherSession = consoleFormToken((await inject('GET', '/console/offices', undefined, { cookie: await login('central.admin', 'Administrator-2569') })).body, '/console/offices');
      const unset = await registry();
      for (const token of [undefined, '', otherSession, 'f'.repeat(64), `${_csrf}x`]) {
        const refused = await formPost('/console/offices', { ...(token === undefined ? {} : { _csrf: token }), place: '8100', kind: 'provincial' }, administrator);
        expect([refused.statusCode, refused.body.includes('data-code="CSRF_MISMATCH"')]).toEqual([403, true]);
      }
      expect(await registry()).toEqual(unset);
      const set = await formPost('/console/offices', { _csrf, place: '8100', kind: 'provincial', nameTh: 'ที่ทำการปกครองจังหวัด <ทดสอบ>' }, administrator);
      expect([set.statusCode, set.headers.location]).toEqual([303, '/console/offices?set=8100&changed=1']);
      const after = await inject('GET', String(set.headers.location), undefined, { cookie: administrator });
      expect(after.body).toContain('8100: บันทึกแล้ว / Saved');
      // The name is escaped, the kind is set, who and when shown.
      expect(after.body).toContain('<td>8100</td><td>ที่ทำการปกครองจังหวัด &lt;ทดสอบ&gt;</td><td>ที่ทำการปกครองจังหวัด / provincial</td><td>81</td><td class="n">0</td><td></td><td>central.admin</td><td>2 ธ.ค. 2569 เวลา 09:00</td>');
      expect(after.body).not.toMatch(/Provinces with no provincial office registered: [^<]*81/);
      const again = await formPost('/console/offices', { _csrf, place: '8100', kind: 'provincial', nameTh: '' }, administrator);
      expect(again.headers.location).toBe('/console/offices?set=8100&changed=0');

      const atRefusal = await registry();
      const second = await formPost('/console/offices', { _csrf, place: '8101', kind: 'provincial' }, administrator);
      expect(second.statusCode).toBe(409);
      expect(second.body).toContain('จังหวัด 81 มีที่ทำการปกครองจังหวัดแล้ว (8100)');
      expect(second.body).toContain('role="alert"');
      const badPlace = await formPost('/console/offices', { _csrf, place: '81x1', kind: 'district' }, administrator);
      expect(badPlace.statusCode).toBe(400);
      expect(badPlace.body).toContain('ข้อมูลไม่ถูกต้อง ไม่มีการเปลี่ยนแปลง');
      expect((await formPost('/console/offices', { _csrf, place: '8102', kind: 'regional' }, administrator)).statusCode).toBe(400);
      expect((await formPost('/console/offices', { _csrf, kind: 'district' }, administrator)).statusCode).toBe(400);
      expect(await registry()).toEqual(atRefusal);

      // The overview links to it.
      expect((await inject('GET', '/console', undefined, { cookie: supervisor })).body).toContain('<a href="/console/offices">');
    });
  });

  describe('bill payments in the overdue-remittance alarm', () => {
    it('overdue-bill-payments: the provincial office remits its province\'s bill payments; a day not remitted by 09:30 of the next business day is overdue', async () => {
      await setOfficeKind(central.db, { place: '7101', kind: 'provincial', setBy: 'central.admin' }, T0_MS);
      const provincial = await enrolled('7101');
      const district = await enrolled('7102');
      await push(provincial, [
        billPayment('2026-12-02', 'P1', 10_000),
        cash('2026-12-02', 'P2', 7_000),
        // The provincial office remits the province's bill payments of the 2nd (from its bank imports).
        remitted('2026-12-03', '2026-12-02', 30_000, 'bill-payment'),
        remitted('2026-12-03', '2026-12-02', 7_000, 'cash'),
      ]);
      await push(district, [
        billPayment('2026-12-02', 'D1', 20_000),
        cash('2026-12-02', 'D0', 1_500),
        remitted('2026-12-03', '2026-12-02', 1_500, 'cash'),
        billPayment('2026-12-03', 'D2', 30_000),
        billPayment('2026-12-03', 'D3', 5_000),
        cancelled('2026-12-03', 'D3'),
        // A district's own record of the bill-payment scope is not the provincial office's: it does not count.
        remitted('2026-12-04', '2026-12-03', 30_000, 'bill-payment'),
      ]);
      const mine = async (nowMs: number) => (await overdueBillPayments(central.db, nowMs)).filter((o) => o.province === '71');

      expect(await mine(bangkok('2026-12-04', '09:29'))).toEqual([]);
      const overdue = { province: '71', provincialPlace: '7101', businessDate: '2026-12-03', billPaymentSatang: 30_000, receiptCount: 1, deadlineMs: bangkok('2026-12-04', '09:30'), places: ['7102'] };
      expect(await mine(bangkok('2026-12-04', '09:31'))).toEqual([overdue]);
      // Cash stays per office and per terminal; the bill payments never enter it.
      expect((await overdueRemittances(central.db, bangkok('2026-12-04', '09:31'))).filter((o) => o.place.startsWith('71'))).toEqual([]);

      // The console, in Thai with Buddhist-era dates.
      central.clock.nowMs = bangkok('2026-12-04', '09:31');
      try {
        const page = (await inject('GET', '/console', undefined, { cookie: await login('central.supervisor', 'Supervisor-2569') })).body;
        expect(page).toContain('เงินรับผ่านธนาคาร (Bill Payment) ที่ที่ทำการปกครองจังหวัดยังไม่นำส่งคลังเกินกำหนด 09:30 น. ของวันทำการถัดไป');
        expect(page).toContain('<td><span class="alarm">7101</span></td><td>71</td><td>03/12/2569</td><td class="n">300.00</td><td class="n">1</td><td>4 ธ.ค. 2569 เวลา 09:30</td><td>7102</td>');
      } finally {
        central.clock.nowMs = T0_MS;
      }

      // The provincial office records the 3rd: nothing overdue.
      await push(provincial, [
        billPayment('2026-12-02', 'P1', 10_000),
        cash('2026-12-02', 'P2', 7_000),
        remitted('2026-12-03', '2026-12-02', 30_000, 'bill-payment'),
        remitted('2026-12-03', '2026-12-02', 7_000, 'cash'),
        remitted('2026-12-04', '2026-12-03', 30_000, 'bill-payment'),
      ]);
      expect(await mine(bangkok('2026-12-04', '09:31'))).toEqual([]);

      // Set back to district: province 71 has no provincial office, so both days are listed as such — remittances recorded by others count for nothing.
      await setOfficeKind(central.db, { place: '7101', kind: 'district', setBy: 'central.admin' }, T0_MS);
      expect(await mine(bangkok('2026-12-04', '09:31'))).toEqual([
        { province: '71', provincialPlace: null, businessDate: '2026-12-02', billPaymentSatang: 30_000, receiptCount: 2, deadlineMs: bangkok('2026-12-03', '09:30'), places: ['7101', '7102'] },
        { ...overdue, provincialPlace: null },
      ]);
    });

    it('bill-payment-bank-day: a bill payment counts on the bank\'s payment date (its confirmation, the bank\'s before the payer\'s), the day the provincial office remits it under', async () => {
      await setOfficeKind(central.db, { place: '7300', kind: 'provincial', setBy: 'central.admin' }, T0_MS);
      const district = await enrolled('7301');
      const provincial = await enrolled('7300');
      await push(district, [
        // Paid at the bank on the 2nd, receipted on the 3rd: the 2nd's.
        confirmed('2026-12-03', 'C1', 'B1', 'central', bangkok('2026-12-02', '15:00')),
        billPaidFor('2026-12-03', 'R1', 25_000, 'B1'),
        // The payer's evidence says the 3rd; the bank's file says the 2nd (late evening): the bank's.
        confirmed('2026-12-03', 'C2a', 'B2', 'provisional', bangkok('2026-12-03', '10:00')),
        billPaidFor('2026-12-03', 'R2', 10_000, 'B2'),
        confirmed('2026-12-04', 'C2b', 'B2', 'bank-file', bangkok('2026-12-02', '23:30')),
        // Paid half an hour after midnight in Bangkok (still the 2nd in UTC): the 3rd.
        confirmed('2026-12-03', 'C3', 'B3', 'bank-file', bangkok('2026-12-03', '00:30')),
        billPaidFor('2026-12-03', 'R3', 7_000, 'B3'),
        // No confirmation central knows of: the receipt's own day.
        billPaidFor('2026-12-03', 'R4', 3_000, 'B4'),
      ]);
      await push(provincial, [remitted('2026-12-03', '2026-12-02', 35_000, 'bill-payment')]);
      const mine = async (nowMs: number) => (await overdueBillPayments(central.db, nowMs)).filter((o) => o.province === '73');
      expect(await mine(bangkok('2026-12-04', '09:31'))).toEqual([
        { province: '73', provincialPlace: '7300', businessDate: '2026-12-03', billPaymentSatang: 10_000, receiptCount: 2, deadlineMs: bangkok('2026-12-04', '09:30'), places: ['7301'] },
      ]);

      // bill-payment-bank-day-backfill: the migration reads the same from entries stored before it.
      const stored = async () => [
        await central.db.query('SELECT seq, bill_id, bank_date FROM central_receipts WHERE terminal_id = $1 ORDER BY seq', [district.id]),
        await central.db.query('SELECT * FROM central_confirmations WHERE terminal_id = $1 ORDER BY seq', [district.id]),
      ];
      const atIngest = await stored();
      expect(atIngest[1]).toHaveLength(4);
      // Kept at ingest whichever came last: B2's bank confirmation arrived after its receipt.
      expect(atIngest[0]).toEqual([
        { seq: 2, bill_id: 'B1', bank_date: '2026-12-02' },
        { seq: 4, bill_id: 'B2', bank_date: '2026-12-02' },
        { seq: 7, bill_id: 'B3', bank_date: '2026-12-03' },
        { seq: 8, bill_id: 'B4', bank_date: null },
      ]);
      const migration = readdirSync(MIGRATIONS_DIR)
        .filter((name) => name.endsWith('.sql'))
        .map((name) => readFileSync(join(MIGRATIONS_DIR, name), 'utf8'))
        .find((text) => text.includes("-- Bill payments' bank days for entries stored before this migration"));
      const backfill = (migration ?? '').split('--> statement-breakpoint').filter((statement) => /^\s*(--[^\n]*\n\s*)*(INSERT INTO|UPDATE) "central_/.test(statement));
      expect(backfill).toHaveLength(3);
      await central.db.query('DELETE FROM central_confirmations WHERE terminal_id = $1', [district.id]);
      await central.db.query('UPDATE central_receipts SET bill_id = NULL, bank_date = NULL WHERE terminal_id = $1', [district.id]);
      for (const statement of backfill) await central.db.query(statement);
      expect(await stored()).toEqual(atIngest);
    });

    it('no-provincial-office: a province with none registered has its bill payments listed as an alarm of their own kind, until one is registered and remits', async () => {
      const t = await enrolled('7201');
      await push(t, [billPayment('2026-12-02', 'N1', 40_000), cash('2026-12-02', 'N2', 100)]);
      const mine = async (nowMs: number) => (await overdueBillPayments(central.db, nowMs)).filter((o) => o.province === '72');
      const orphan = { province: '72', provincialPlace: null, businessDate: '2026-12-02', billPaymentSatang: 40_000, receiptCount: 1, deadlineMs: bangkok('2026-12-03', '09:30'), places: ['7201'] };
      expect(await mine(bangkok('2026-12-03', '09:29'))).toEqual([]);
      expect(await mine(bangkok('2026-12-03', '09:31'))).toEqual([orphan]);

      central.clock.nowMs = bangkok('2026-12-03', '09:31');
      try {
        const page = (await inject('GET', '/console', undefined, { cookie: await login('central.supervisor', 'Supervisor-2569') })).body;
        expect(page).toContain('เงินรับผ่านธนาคารของจังหวัดที่ยังไม่ได้กำหนดที่ทำการปกครองจังหวัด: ไม่มีผู้นำส่ง');
        expect(page).toContain(
          '<td><span class="alarm">ยังไม่ได้กำหนดที่ทำการปกครองจังหวัดของจังหวัด 72 / no provincial office registered for province 72</span></td><td>02/12/2569</td><td class="n">400.00</td><td class="n">1</td><td>3 ธ.ค. 2569 เวลา 09:30</td><td>7201</td>',
        );
      } finally {
        central.clock.nowMs = T0_MS;
      }

      // Registered (before any terminal of its own reached central): the province's days are that office's to remit.
      await setOfficeKind(central.db, { place: '7200', kind: 'provincial', setBy: 'central.admin' }, T0_MS);
      expect(await mine(bangkok('2026-12-03', '09:31'))).toEqual([{ ...orphan, provincialPlace: '7200' }]);
      const provincial = await enrolled('7200');
      await push(provincial, [remitted('2026-12-03', '2026-12-02', 40_000, 'bill-payment')]);
      expect(await mine(bangkok('2026-12-03', '09:31'))).toEqual([]);
    });
  });
});

describe('a real office ledger', () => {
  it('bill-payment-facts-from-an-office: a terminal\'s payment.confirmed and its bill-payment receipt reach central with the bill and the bank\'s instant', async () => {
    const clock = manualClock(OFFICE_T0_MS);
    const own = await startTestCentral('pglite', OFFICE_T0_MS);
    Object.defineProperty(own.clock, 'nowMs', { get: () => clock.nowMs(), set: () => undefined });
    const dir = mkdtempSync(join(tmpdir(), 'ebill-central-offices-ledger-'));
    const t = await setUpSyncTerminal(join(dir, 't1'), 1, clock);
    try {
      const url = await own.app.fastify.listen({ port: 0, host: '127.0.0.1' });
      const { code } = await createEnrollCode(own.db, clock.nowMs(), '5401', 1);
      await enrollTerminal(t.deps, url, code, FAST_RETRY);
      const request = createRequest(t.deps, DEFAULT_CATALOG, t.adminId, { payerName: 'นายทดสอบ ชำระธนาคาร', revenueCode: '804001', amountSatang: 70_000 });
      const paidAtMs = clock.nowMs() - 20 * 60 * 60_000;
      recordPaymentConfirmation(t.deps, t.adminId, { ref1: request.ref1, source: 'bank-file', bankCode: '006', paidAtMs, bankReference: 'KTB-1', amountSatang: 70_000 });
      const receipt = issueReceipt(t.deps, DEFAULT_CATALOG, { userId: t.adminId }, request.ref1, { method: 'bill-payment' });
      await pushOutbox(t.deps, { retry: FAST_RETRY });
      const billId = (t.deps.sqlite.prepare('SELECT bill_id AS b FROM receipts WHERE id = ?').get(receipt.receiptId) as { b: string }).b;
      expect(await own.db.query(`SELECT bill_id AS "billId", method FROM central_receipts`)).toEqual([{ billId, method: 'bill-payment' }]);
      expect(await own.db.query(`SELECT bill_id AS "billId", source, paid_at_ms AS "paidAtMs" FROM central_confirmations`)).toEqual([{ billId, source: 'bank-file', paidAtMs }]);
    } finally {
      t.close();
      await own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('ebill-central office set-kind', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const run = async (dataDir: string, args: readonly string[]) => {
    const out = new PassThrough();
    const err = new PassThrough();
    let stdout = '';
    let stderr = '';
    out.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    err.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const status = await runCentralCli(['--data-dir', dataDir, ...args], { out, err, env: { DATABASE_URL: '' } });
    return { status, stdout, stderr, json: stdout.startsWith('{') ? (JSON.parse(stdout) as Record<string, unknown>) : {} };
  };

  it('cli-office-set-kind: on the database when no server runs; a second provincial office refused (exit 3), the same kind again unchanged, usage errors exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ebill-central-offices-'));
    dirs.push(dir);
    const set = await run(dir, ['--json', 'office', 'set-kind', '--place', '5400', '--kind', 'provincial', '--name-th', 'ที่ทำการปกครองจังหวัดแพร่']);
    expect(set).toMatchObject({ status: 0, json: { ok: true, place: '5400', province: '54', kind: 'provincial', nameTh: 'ที่ทำการปกครองจังหวัดแพร่', changed: true, setBy: expect.stringMatching(/^cli/) } });
    expect(await run(dir, ['--json', 'office', 'set-kind', '--place', '5400', '--kind', 'provincial'])).toMatchObject({ status: 0, json: { ok: true, changed: false, setAtMs: set.json['setAtMs'] } });
    expect(await run(dir, ['--json', 'office', 'set-kind', '--place', '5401', '--kind', 'provincial'])).toMatchObject({ status: 3, json: { ok: false, error: { code: 'PROVINCIAL_OFFICE_EXISTS' } } });
    expect(await run(dir, ['--json', 'office', 'set-kind', '--place', '0000', '--kind', 'district'])).toMatchObject({ status: 3, json: { ok: false, error: { code: 'BAD_INPUT' } } });
    for (const args of [
      ['office', 'set-kind', '--place', '5401', '--kind', 'regional'],
      ['office', 'set-kind', '--place', '541', '--kind', 'district'],
      ['office', 'set-kind', '--kind', 'district'],
      ['office', 'set-kind', '--place', '5401', '--kind', 'district', '--slot', '1'],
      ['office', 'rename'],
      ['office'],
    ]) {
      expect(await run(dir, ['--json', ...args]), args.join(' ')).toMatchObject({ status: 2, json: { ok: false, error: { code: 'USAGE' } } });
    }
    const text = await run(dir, ['office', 'set-kind', '--place', '5401', '--kind', 'district']);
    expect([text.status, text.stdout]).toEqual([0, '5401 is now district (province 54)\n']);
    // Nothing else was written by the refusals.
    const db = await openPglite(join(dir, 'pgdata'));
    try {
      expect(await db.query('SELECT place, kind, name_th AS "nameTh" FROM office_registry ORDER BY place')).toEqual([
        { place: '5400', kind: 'provincial', nameTh: 'ที่ทำการปกครองจังหวัดแพร่' },
        { place: '5401', kind: 'district', nameTh: null },
      ]);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('cli-office-set-kind-server: while a server holds the data folder (server.json), the command goes through it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ebill-central-offices-served-'));
    dirs.push(dir);
    const db = await openPglite(undefined);
    const adminToken = 'served-admin-token-0123456789';
    const { fastify } = await buildCentralApp({ db, nowMs: () => T0_MS, adminToken });
    try {
      const url = await fastify.listen({ port: 0, host: '127.0.0.1' });
      writeFileSync(join(dir, 'server.json'), JSON.stringify({ pid: process.pid, url, adminToken }), { mode: 0o600 });
      expect(await run(dir, ['--json', 'office', 'set-kind', '--place', '6000', '--kind', 'provincial'])).toMatchObject({ status: 0, json: { ok: true, place: '6000', changed: true, setAtMs: T0_MS } });
      expect(await run(dir, ['--json', 'office', 'set-kind', '--place', '6001', '--kind', 'provincial'])).toMatchObject({ status: 3, json: { ok: false, error: { code: 'PROVINCIAL_OFFICE_EXISTS' } } });
      // Written in the server's own database (in memory here), not in a PGlite of the data folder.
      expect(await db.query('SELECT place, kind, set_at_ms AS "setAtMs" FROM office_registry')).toEqual([{ place: '6000', kind: 'provincial', setAtMs: T0_MS }]);
    } finally {
      await fastify.close();
      await db.close();
    }
  }, 60_000);
});

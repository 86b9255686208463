import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalEntryText, GENESIS_HASH } from '../../src-shared/ledger-entry-text';
import { ENROLLING_KEY_ID } from '../../src-shared/sync';
import { ADMIN_TOKEN, consoleFormToken, newTestKey, receiptPayloadText, signedHeaders, startTestCentral, type TestCentral } from '../helpers/central';

/** The console: login, terminals with sync state and completeness, alarms, statistics, approving a request. */
const T0_MS = Date.UTC(2026, 11, 2, 2, 0, 0);
let central: TestCentral;
const key = newTestKey();
let keyId = '';

const inject = (method: 'GET' | 'POST', url: string, body?: string, headers: Record<string, string> = {}) =>
  central.app.fastify.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });
const admin = (url: string, body: unknown) => inject('POST', url, JSON.stringify(body), { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` });
const formPost = (url: string, fields: Record<string, string>, cookie = '') =>
  inject('POST', url, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded', ...(cookie === '' ? {} : { cookie }) });

/** The `_csrf` of the form posting to `action` on the overview, read from the page as a browser would. */
const tokenOn = async (cookie: string, action: string): Promise<string> => consoleFormToken((await inject('GET', '/console', undefined, { cookie })).body, action);
/** A missing, empty, made-up or one-character-off token, and another session's: each refused CSRF_MISMATCH. */
const wrongTokens = (token: string, otherSessions: string): (string | undefined)[] => [undefined, '', 'a'.repeat(64), `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`, otherSessions];
const expectCsrfRefused = (response: { statusCode: number; body: string }): void => {
  expect(response.statusCode).toBe(403);
  expect(response.body).toContain('data-code="CSRF_MISMATCH"');
};

async function login(username: string, password: string): Promise<string> {
  const response = await formPost('/console/login', { username, password });
  expect(response.statusCode).toBe(303);
  return String(response.headers['set-cookie']).split(';')[0] ?? '';
}

beforeAll(async () => {
  central = await startTestCentral('pglite', T0_MS);
  await admin('/admin/console-users', { username: 'prae.supervisor', nameTh: 'นางสาวสมหญิง หัวหน้า', role: 'supervisor', password: 'Supervisor-2569' });
  await admin('/admin/console-users', { username: 'executive', nameTh: 'ผู้บริหาร', role: 'executive', password: 'Executive-2569' });
  const code = (await admin('/admin/enroll-codes', { place: '5401', terminalSlot: 1 })).json<{ value: { code: string } }>().value.code;
  const body = JSON.stringify({ code, place: '5401', terminalSlot: 1, publicKeySpkiBase64: key.publicKeySpkiBase64 });
  keyId = (await inject('POST', '/v1/enroll', body, signedHeaders('POST', '/v1/enroll', body, ENROLLING_KEY_ID, key, T0_MS))).json<{ value: { keyId: string } }>().value.keyId;
  const header = { seq: 1, id: `0${'1'.repeat(25)}`, kind: 'receipt.issued', payloadVersion: 1, atMs: T0_MS, businessDate: '2026-12-02', place: '5401', terminalSlot: 1, userId: null };
  const payloadText = receiptPayloadText({ id: 'R-5401-1-1', amountSatang: 123450, businessDate: '2026-12-02' });
  const hash = createHash('sha256').update(GENESIS_HASH).update(canonicalEntryText(header, payloadText)).digest('hex');
  const push = JSON.stringify({ entries: [{ ...header, payloadText, hash }], completeness: [{ businessDate: '2026-12-02', entryCount: 1, receiptsSatang: 123450, lastSeq: 1, headHash: hash }] });
  expect((await inject('POST', '/v1/push', push, signedHeaders('POST', '/v1/push', push, keyId, key, T0_MS))).statusCode).toBe(200);
  const request = JSON.stringify({ id: `0${'2'.repeat(25)}`, action: 'receipt.reprint', subject: 'E70-5401-1/1', reasonCode: 'payer-lost', reasonText: 'ใบเสร็จหาย <b>x</b>', businessDate: '2026-12-02', requestedByUserId: `0${'3'.repeat(25)}` });
  expect((await inject('POST', '/v1/approval-requests', request, signedHeaders('POST', '/v1/approval-requests', request, keyId, key, T0_MS))).statusCode).toBe(200);
}, 60_000);
afterAll(async () => {
  await central?.close();
});

describe('console', () => {
  it('console-needs-login: without a session it sends to the login page; a wrong password is refused', async () => {
    const page = await inject('GET', '/console');
    expect([page.statusCode, page.headers.location]).toEqual([303, '/console/login']);
    const bad = await formPost('/console/login', { username: 'executive', password: 'wrong-password' });
    expect(bad.statusCode).toBe(401);
    expect(bad.body).toContain('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
  });

  it('shows terminals with their completeness, collections by province and revenue code, and waiting approvals (Thai)', async () => {
    const cookie = await login('executive', 'Executive-2569');
    const page = await inject('GET', '/console', undefined, { cookie });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<td>5401-1</td>');
    if (process.env.EBILL_CONSOLE_HTML !== undefined) writeFileSync(process.env.EBILL_CONSOLE_HTML, page.body);
    expect(page.body).toContain('1,234.50');
    expect(page.body).toContain('<td>54</td><td>804001</td>');
    expect(page.body).toContain('E70-5401-1/1');
    // What a terminal sent is escaped, never markup.
    expect(page.body).toContain('ใบเสร็จหาย &lt;b&gt;x&lt;/b&gt;');
    // An executive sees the request but cannot approve it.
    expect(page.body).not.toContain('/console/approvals/');
    const refused = await formPost(`/console/approvals/0${'2'.repeat(25)}`, { decision: 'approve' }, cookie);
    expect(refused.statusCode).toBe(403);
  });

  it('console-approval: a supervisor approves at central; the decision is what the terminal pulls', async () => {
    const cookie = await login('prae.supervisor', 'Supervisor-2569');
    const action = `/console/approvals/0${'2'.repeat(25)}`;
    expect((await inject('GET', '/console', undefined, { cookie })).body).toContain(action);
    const _csrf = await tokenOn(cookie, action);
    // console-csrf-approval: without this session's token the request stays pending, nothing pulled.
    const other = await tokenOn(await login('prae.supervisor', 'Supervisor-2569'), action);
    const pendingRow = 'SELECT status, supervisor_username AS by, decided_at_ms AS at, cursor FROM approval_requests';
    const before = await central.db.query(pendingRow);
    expect(before).toEqual([{ status: 'pending', by: null, at: null, cursor: null }]);
    for (const token of wrongTokens(_csrf, other)) expectCsrfRefused(await formPost(action, { ...(token === undefined ? {} : { _csrf: token }), decision: 'approve' }, cookie));
    expect(await central.db.query(pendingRow)).toEqual(before);
    const decided = await formPost(action, { _csrf, decision: 'approve' }, cookie);
    expect(decided.statusCode).toBe(303);
    // Who decided is kept and shown on the overview.
    const overview = (await inject('GET', '/console', undefined, { cookie })).body;
    expect(overview).toMatch(/Approvals decided \(latest 50\)[^]*E70-5401-1\/1[^]*อนุมัติ \/ approved[^]*prae\.supervisor \(นางสาวสมหญิง หัวหน้า\)[^]*2 ธ\.ค\. 2569 เวลา 09:00/);
    expect(overview).not.toContain(`action="${action}"`);
    const pulled = await inject('GET', '/v1/pull?approvalsAfter=0&fineOrdersAfter=0', undefined, signedHeaders('GET', '/v1/pull?approvalsAfter=0&fineOrdersAfter=0', '', keyId, key, T0_MS));
    expect(pulled.json<{ value: { approvals: unknown[] } }>().value.approvals).toEqual([expect.objectContaining({ isApproved: true, supervisorUsername: 'prae.supervisor', supervisorNameTh: 'นางสาวสมหญิง หัวหน้า' })]);
  });

  it('silent-terminal-alarm: a terminal that has not pushed for over 24 hours is flagged', async () => {
    central.clock.nowMs += 25 * 60 * 60_000;
    try {
      const cookie = await login('executive', 'Executive-2569');
      const page = await inject('GET', '/console', undefined, { cookie });
      expect(page.body).toContain('เงียบเกิน 24 ชั่วโมง');
      // The office whose every terminal is silent is an alarm of its own.
      expect(page.body).toMatch(/Offices silent over 24 h[^]*<span class="alarm">5401<\/span>/);
    } finally {
      central.clock.nowMs -= 25 * 60 * 60_000;
    }
  });

  it('alarm-acknowledged: a supervisor acknowledges an alarm (who and when are kept), an executive cannot, twice is refused', async () => {
    await central.db.query(`INSERT INTO alarms (id, kind, terminal_id, seq, detail, at_ms) VALUES ('alarm-1', 'tamper', (SELECT id FROM terminals LIMIT 1), 1, 'entry 1 differs', $1)`, [T0_MS]);
    const executive = await login('executive', 'Executive-2569');
    const seen = await inject('GET', '/console', undefined, { cookie: executive });
    expect(seen.body).toContain('entry 1 differs');
    expect(seen.body).not.toContain('/console/alarms/alarm-1/acknowledge');
    expect((await formPost('/console/alarms/alarm-1/acknowledge', {}, executive)).statusCode).toBe(403);
    expect(await central.db.query('SELECT is_acknowledged AS a FROM alarms')).toEqual([{ a: false }]);

    const supervisor = await login('prae.supervisor', 'Supervisor-2569');
    const action = '/console/alarms/alarm-1/acknowledge';
    expect((await inject('GET', '/console', undefined, { cookie: supervisor })).body).toContain(action);
    const _csrf = await tokenOn(supervisor, action);
    // console-csrf-alarm: without this session's token the alarm stays unacknowledged.
    const other = await tokenOn(await login('prae.supervisor', 'Supervisor-2569'), action);
    for (const token of wrongTokens(_csrf, other)) expectCsrfRefused(await formPost(action, token === undefined ? {} : { _csrf: token }, supervisor));
    expect(await central.db.query('SELECT is_acknowledged AS a, acknowledged_by AS by, acknowledged_at_ms AS at FROM alarms')).toEqual([{ a: false, by: null, at: null }]);
    expect((await formPost(action, { _csrf }, supervisor)).statusCode).toBe(303);
    expect(await central.db.query('SELECT is_acknowledged AS a, acknowledged_by AS by, acknowledged_at_ms AS at FROM alarms')).toEqual([{ a: true, by: 'prae.supervisor', at: T0_MS }]);
    const after = await inject('GET', '/console', undefined, { cookie: supervisor });
    expect(after.body).toMatch(/Acknowledged alarms[^]*entry 1 differs[^]*prae\.supervisor/);
    expect(after.body).toContain('<svg role="img"');
    if (process.env.EBILL_CONSOLE_HTML !== undefined) writeFileSync(process.env.EBILL_CONSOLE_HTML.replace(/\.html$/, '-alarms.html'), after.body);
    expect((await formPost(action, { _csrf }, supervisor)).statusCode).toBe(400);
    expect((await formPost('/console/alarms/no-such/acknowledge', { _csrf }, supervisor)).statusCode).toBe(404);
  });

  it('console-csrf-logout: logging out needs the session token too; with it the session ends', async () => {
    const cookie = await login('executive', 'Executive-2569');
    const _csrf = await tokenOn(cookie, '/console/logout');
    const other = await tokenOn(await login('executive', 'Executive-2569'), '/console/logout');
    const sessions = async () => (await central.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM console_sessions WHERE username = 'executive'`))[0]?.n;
    const before = await sessions();
    for (const token of wrongTokens(_csrf, other)) expectCsrfRefused(await formPost('/console/logout', token === undefined ? {} : { _csrf: token }, cookie));
    expect(await sessions()).toBe(before);
    expect((await inject('GET', '/console', undefined, { cookie })).statusCode).toBe(200);
    const out = await formPost('/console/logout', { _csrf }, cookie);
    expect([out.statusCode, out.headers.location]).toEqual([303, '/console/login']);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect(await sessions()).toBe((before ?? 0) - 1);
    expect((await inject('GET', '/console', undefined, { cookie })).headers.location).toBe('/console/login');
    // Without a session there is nothing to end: to the login page.
    expect((await formPost('/console/logout', { _csrf }, cookie)).headers.location).toBe('/console/login');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenOf } from '../../src-server/console/forms';
import { ENROLLING_KEY_ID, type FeedItem } from '../../src-shared/sync';
import { ADMIN_TOKEN, newTestKey, signedHeaders, startTestCentral, type TestCentral } from '../helpers/central';

/**
 * The console's users and feed pages (issue 11), in-process on PGlite: an administrator approves a
 * user a terminal created (as reported or otherwise) or changes an approved account on a written
 * order, and publishes a catalog version, a holiday year and a paper book assignment; each goes
 * through `publishFeed` and the terminal pulls it. A supervisor or an executive sees the pages and
 * cannot act; a POST without the session's CSRF token, and every bad input, changes nothing.
 */
const T0_MS = Date.UTC(2026, 11, 2, 2, 0, 0);
const HOLIDAYS_2027 = readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'holidays', '2570.json'), 'utf8');
const FEE_TYPE = { revenueCode: '801001', nameTh: 'ค่าธรรมเนียมทดสอบ', nameEn: 'Test fee', fund: 'state-revenue', defaultAmountSatang: 2_000, active: true };
let central: TestCentral;
const key = newTestKey();
let keyId = '';

const inject = (method: 'GET' | 'POST', url: string, body?: string, headers: Record<string, string> = {}) =>
  central.app.fastify.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });
const admin = (url: string, body: unknown) => inject('POST', url, JSON.stringify(body), { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` });
const signed = (method: 'GET' | 'POST', url: string, body = '') => inject(method, url, method === 'GET' ? undefined : body, signedHeaders(method, url, body, keyId, key, central.clock.nowMs));
const formPost = (url: string, fields: Record<string, string>, cookie: string) =>
  inject('POST', url, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded', cookie });

async function login(username: string, password: string): Promise<string> {
  const response = await inject('POST', '/console/login', new URLSearchParams({ username, password }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
  expect(response.statusCode).toBe(303);
  return String(response.headers['set-cookie']).split(';')[0] ?? '';
}
/** The form token of a session, as its page carries it. */
const csrfOf = (cookie: string): string => csrfTokenOf(cookie.slice(cookie.indexOf('=') + 1));

/** Everything these pages could change: "nothing changed" is this staying equal. */
async function snapshot(): Promise<string> {
  const tables = ['feed_items ORDER BY cursor', 'central_users ORDER BY username', 'reported_local_users ORDER BY terminal_id, username'];
  return JSON.stringify(await Promise.all(tables.map((t) => central.db.query(`SELECT * FROM ${t}`))));
}

/** A POST by the administrator: 303 back to the page, whose message (once) is read and returned with its code. */
async function act(cookie: string, url: string, fields: Record<string, string>, page: string): Promise<{ code: string | undefined; body: string }> {
  const response = await formPost(url, { _csrf: csrfOf(cookie), ...fields }, cookie);
  expect([response.statusCode, response.headers.location]).toEqual([303, page]);
  const body = (await inject('GET', page, undefined, { cookie })).body;
  return { code: /role="alert" data-code="([A-Z_]+)"/.exec(body)?.[1], body };
}

async function pulledFeed(): Promise<FeedItem[]> {
  const response = await signed('GET', '/v1/pull?approvalsAfter=0&fineOrdersAfter=0&feedAfter=0');
  expect(response.statusCode).toBe(200);
  return response.json<{ value: { feed: FeedItem[] } }>().value.feed;
}

let adminCookie = '';
let supervisorCookie = '';
let executiveCookie = '';

beforeAll(async () => {
  central = await startTestCentral('pglite', T0_MS);
  await admin('/admin/console-users', { username: 'central.admin', nameTh: 'นายผู้ดูแล ส่วนกลาง', role: 'admin', password: 'Administrator-2569' });
  await admin('/admin/console-users', { username: 'prae.supervisor', nameTh: 'นางสาวสมหญิง หัวหน้า', role: 'supervisor', password: 'Supervisor-2569' });
  await admin('/admin/console-users', { username: 'executive', nameTh: 'ผู้บริหาร', role: 'executive', password: 'Executive-2569' });
  const code = (await admin('/admin/enroll-codes', { place: '5401', terminalSlot: 1 })).json<{ value: { code: string } }>().value.code;
  const body = JSON.stringify({ code, place: '5401', terminalSlot: 1, publicKeySpkiBase64: key.publicKeySpkiBase64 });
  keyId = (await inject('POST', '/v1/enroll', body, signedHeaders('POST', '/v1/enroll', body, ENROLLING_KEY_ID, key, T0_MS))).json<{ value: { keyId: string } }>().value.keyId;
  const users = JSON.stringify({
    users: [
      { username: 'somchai', fullNameTh: 'นายสมชาย <b>ใจดี</b>', positionTh: 'เจ้าพนักงานการเงิน', role: 'operator', isDisabled: false, createdAtMs: T0_MS },
      { username: 'wanna', fullNameTh: 'นางวรรณา รักงาน', positionTh: 'นักวิชาการเงินและบัญชี', role: 'admin', isDisabled: false, createdAtMs: T0_MS },
    ],
  });
  expect((await signed('POST', '/v1/local-users', users)).json()).toEqual({ ok: true, value: { flagged: 2 } });
  adminCookie = await login('central.admin', 'Administrator-2569');
  supervisorCookie = await login('prae.supervisor', 'Supervisor-2569');
  executiveCookie = await login('executive', 'Executive-2569');
}, 60_000);
afterAll(async () => {
  await central?.close();
});

describe('console users page', () => {
  it('needs a session: the page and its forms send to the login page and change nothing', async () => {
    const before = await snapshot();
    expect((await inject('GET', '/console/users')).headers.location).toBe('/console/login');
    const posted = await inject('POST', '/console/users/approve', 'terminalId=5401-1&username=somchai&role=operator&orderRef=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect([posted.statusCode, posted.headers.location]).toEqual([303, '/console/login']);
    expect(await snapshot()).toBe(before);
  });

  it('lists the flagged users with the reason, escaped; linked from the navigation; a supervisor sees it without forms', async () => {
    const overview = await inject('GET', '/console', undefined, { cookie: supervisorCookie });
    expect(overview.body).toContain('<a href="/console/users">');
    expect(overview.body).toContain('<a href="/console/feed">');
    const page = await inject('GET', '/console/users', undefined, { cookie: supervisorCookie });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/console/users" aria-current="page">');
    expect(page.body).toContain('นายสมชาย &lt;b&gt;ใจดี&lt;/b&gt;');
    expect(page.body).not.toContain('<b>ใจดี</b>');
    expect(page.body).toMatch(/somchai[^]*ยังไม่ได้รับอนุมัติ \/ not approved/);
    expect(page.body).not.toContain('action="/console/users/approve"');
    expect(page.body).toContain('Only a central administrator can approve or change');
    const adminPage = await inject('GET', '/console/users', undefined, { cookie: adminCookie });
    expect(adminPage.body).toContain('action="/console/users/approve"');
    expect(adminPage.body).toContain(`name="_csrf" value="${csrfOf(adminCookie)}"`);
  });

  it('console-users-admin-only: a supervisor or an executive is refused CONSOLE_ADMIN_ONLY, nothing changed', async () => {
    const before = await snapshot();
    for (const cookie of [supervisorCookie, executiveCookie]) {
      for (const [url, fields] of [
        ['/console/users/approve', { terminalId: '5401-1', username: 'somchai', place: '5401', role: 'operator', fullNameTh: 'นายสมชาย', positionTh: 'เจ้าพนักงาน', orderRef: 'กค 0402/1' }],
        ['/console/users/change', { username: 'somchai', role: 'operator', state: 'disabled', orderRef: 'กค 0402/1' }],
      ] as const) {
        const refused = await formPost(url, { _csrf: csrfOf(cookie), ...fields }, cookie);
        expect(refused.statusCode).toBe(403);
        expect(refused.body).toContain('data-code="CONSOLE_ADMIN_ONLY"');
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('console-csrf: an administrator POST without the session token, or with another session’s, is refused CSRF_MISMATCH, nothing changed', async () => {
    const before = await snapshot();
    const fields = { terminalId: '5401-1', username: 'somchai', place: '5401', role: 'operator', fullNameTh: 'นายสมชาย', positionTh: 'เจ้าพนักงาน', orderRef: 'กค 0402/1' };
    for (const token of [undefined, '', csrfOf(supervisorCookie), 'x'.repeat(64)]) {
      const refused = await formPost('/console/users/approve', token === undefined ? fields : { ...fields, _csrf: token }, adminCookie);
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('data-code="CSRF_MISMATCH"');
    }
    expect(await snapshot()).toBe(before);
  });

  it('console-users-bad-input: each bad field has its own code, shown on the page; nothing changed', async () => {
    const good = { terminalId: '5401-1', username: 'somchai', place: '5401', role: 'operator', fullNameTh: 'นายสมชาย ใจดี', positionTh: 'เจ้าพนักงานการเงิน', orderRef: 'กค 0402/1' };
    const before = await snapshot();
    const cases: [Partial<typeof good>, string][] = [
      [{ username: 'nobody' }, 'UNKNOWN_USER'],
      [{ username: 'NOT A NAME' }, 'UNKNOWN_USER'],
      [{ terminalId: '5401-2' }, 'UNKNOWN_USER'],
      [{ role: 'root' }, 'BAD_ROLE'],
      [{ orderRef: '' }, 'ORDER_REF_REQUIRED'],
      [{ orderRef: '   ' }, 'ORDER_REF_REQUIRED'],
      [{ orderRef: 'ก'.repeat(101) }, 'ORDER_REF_REQUIRED'],
      [{ place: '54O1' }, 'BAD_PLACE'],
      [{ place: '9999' }, 'UNKNOWN_PLACE'],
      [{ fullNameTh: ' ' }, 'BAD_NAME'],
      [{ positionTh: '' }, 'BAD_NAME'],
    ];
    for (const [change, code] of cases) {
      const seen = await act(adminCookie, '/console/users/approve', { ...good, ...change }, '/console/users');
      expect(seen.code, JSON.stringify(change)).toBe(code);
    }
    // The message is shown once (post-redirect-get).
    expect((await inject('GET', '/console/users', undefined, { cookie: adminCookie })).body).not.toContain('role="alert"');
    expect(await snapshot()).toBe(before);
  });

  it('console-user-approve: an administrator approves as reported; one user feed item for the office, pulled by the terminal; no longer flagged', async () => {
    const seen = await act(adminCookie, '/console/users/approve', { terminalId: '5401-1', username: 'somchai', place: '5401', role: 'operator', fullNameTh: 'นายสมชาย <b>ใจดี</b>', positionTh: 'เจ้าพนักงานการเงิน', orderRef: 'กค 0402/ว 15' }, '/console/users');
    expect(seen.code).toBeUndefined();
    expect(seen.body).toContain('role="status"');
    expect(seen.body).toContain('User approved');
    expect(await central.db.query('SELECT username, place, role, is_disabled AS d, order_ref AS o, approved_at_ms AS at, approved_by AS by FROM central_users')).toEqual([
      { username: 'somchai', place: '5401', role: 'operator', d: false, o: 'กค 0402/ว 15', at: T0_MS, by: 'central.admin' },
    ]);
    expect(await central.db.query(`SELECT stream, place, item_key AS k FROM feed_items`)).toEqual([{ stream: 'user', place: '5401', k: 'somchai' }]);
    expect((await pulledFeed()).map((i) => i.body)).toEqual([
      { stream: 'user', username: 'somchai', fullNameTh: 'นายสมชาย <b>ใจดี</b>', positionTh: 'เจ้าพนักงานการเงิน', role: 'operator', isDisabled: false, orderRef: 'กค 0402/ว 15', approvedAtMs: T0_MS },
    ]);
    // Not flagged any more; listed among the approved accounts, escaped.
    const flaggedSection = seen.body.slice(seen.body.indexOf('Users created at a terminal'), seen.body.indexOf('Accounts approved centrally'));
    expect(flaggedSection).toContain('wanna');
    expect(flaggedSection).not.toContain('somchai');
    expect(seen.body).toMatch(/Accounts approved centrally[^]*<td>5401<\/td><td>somchai<\/td><td>นายสมชาย &lt;b&gt;ใจดี&lt;\/b&gt;<\/td>[^]*กค 0402\/ว 15/);
    // Who approved it at central is shown (a console user's name), never sent to the terminal.
    expect(seen.body).toMatch(/Approved by<\/th>[^]*<td>กค 0402\/ว 15<\/td><td>2 ธ\.ค\. 2569 เวลา 09:00<\/td><td>central\.admin<\/td>/);
  });

  it('approving with another role than reported publishes that role, and the user stays flagged as role-differs', async () => {
    central.clock.nowMs += 60_000;
    const seen = await act(adminCookie, '/console/users/approve', { terminalId: '5401-1', username: 'wanna', place: '5401', role: 'finance', fullNameTh: 'นางวรรณา รักงาน', positionTh: 'นักวิชาการเงินและบัญชีชำนาญการ', orderRef: 'กค 0402/ว 16' }, '/console/users');
    expect(seen.code).toBeUndefined();
    expect(await central.db.query(`SELECT role, position_th AS p FROM central_users WHERE username = 'wanna'`)).toEqual([{ role: 'finance', p: 'นักวิชาการเงินและบัญชีชำนาญการ' }]);
    expect(seen.body).toMatch(/wanna[^]*บทบาทต่างจากที่อนุมัติ/);
    expect((await pulledFeed()).map((i) => i.body)).toContainEqual(expect.objectContaining({ username: 'wanna', role: 'finance', approvedAtMs: T0_MS + 60_000 }));
  });

  it('filters both lists by office (?place=); a bad filter is BAD_PLACE on the page; a form sent from a filtered page comes back to it', async () => {
    const get = async (query: string) => (await inject('GET', `/console/users${query}`, undefined, { cookie: supervisorCookie })).body;
    expect(await get('?place=5401')).toMatch(/wanna[^]*somchai/);
    const other = await get('?place=5402');
    expect([other.includes('wanna'), other.includes('somchai')]).toEqual([false, false]);
    expect(await get('?place=54x1')).toContain('data-code="BAD_PLACE"');
    const before = await snapshot();
    const refused = await formPost('/console/users/change', { _csrf: csrfOf(adminCookie), returnPlace: '5401', username: 'somchai', role: 'operator', state: 'active', orderRef: 'x' }, adminCookie);
    expect([refused.statusCode, refused.headers.location]).toEqual([303, '/console/users?place=5401']);
    expect((await inject('GET', '/console/users?place=5401', undefined, { cookie: adminCookie })).body).toContain('data-code="NOTHING_CHANGED"');
    expect(await snapshot()).toBe(before);
  });

  it('console-user-change: bad inputs refused with their codes and nothing changed; then the role changed and the account disabled, pulled as a new version', async () => {
    const good = { username: 'somchai', role: 'supervisor', state: 'disabled', orderRef: 'กค 0402/ว 20' };
    const before = await snapshot();
    const cases: [Partial<typeof good>, string][] = [
      [{ username: 'nobody' }, 'UNKNOWN_USER'],
      [{ role: 'superuser' }, 'BAD_ROLE'],
      [{ state: 'gone' }, 'BAD_STATE'],
      [{ orderRef: '' }, 'ORDER_REF_REQUIRED'],
      [{ role: 'operator', state: 'active' }, 'NOTHING_CHANGED'],
    ];
    for (const [change, code] of cases) expect((await act(adminCookie, '/console/users/change', { ...good, ...change }, '/console/users')).code, JSON.stringify(change)).toBe(code);
    expect(await snapshot()).toBe(before);

    central.clock.nowMs += 60_000;
    const seen = await act(adminCookie, '/console/users/change', good, '/console/users');
    expect(seen.code).toBeUndefined();
    expect(seen.body).toContain('Change saved');
    expect(await central.db.query(`SELECT role, is_disabled AS d, order_ref AS o, approved_by AS by FROM central_users WHERE username = 'somchai'`)).toEqual([{ role: 'supervisor', d: true, o: 'กค 0402/ว 20', by: 'central.admin' }]);
    const versions = (await pulledFeed()).filter((i) => i.body.stream === 'user' && i.body.username === 'somchai');
    expect(versions.map((i) => i.body)).toEqual([
      expect.objectContaining({ role: 'operator', isDisabled: false }),
      expect.objectContaining({ role: 'supervisor', isDisabled: true, orderRef: 'กค 0402/ว 20', fullNameTh: 'นายสมชาย <b>ใจดี</b>', approvedAtMs: central.clock.nowMs }),
    ]);
  });

  it('central-user-approved-by: through the administrator route it is admin-token (or the approvedBy it is given); a duplicate changes nobody; the body has no such field', async () => {
    const byOf = async () => (await central.db.query<{ by: string | null; o: string }>(`SELECT approved_by AS by, order_ref AS o FROM central_users WHERE username = 'wanna'`))[0];
    const wanna = { stream: 'user', username: 'wanna', fullNameTh: 'นางวรรณา รักงาน', positionTh: 'นักวิชาการเงินและบัญชีชำนาญการ', role: 'admin', isDisabled: false, orderRef: 'กค 0402/ว 30', approvedAtMs: T0_MS + 1 };
    expect((await admin('/admin/feed', { place: '5401', items: [wanna] })).json()).toEqual({ ok: true, value: { published: 1, duplicates: 0 } });
    expect(await byOf()).toEqual({ by: 'admin-token', o: 'กค 0402/ว 30' });
    // The same body again by someone else: a duplicate, central_users (what the terminals have) unchanged.
    expect((await admin('/admin/feed', { place: '5401', items: [wanna], approvedBy: 'cli:someone' })).json()).toEqual({ ok: true, value: { published: 0, duplicates: 1 } });
    expect(await byOf()).toEqual({ by: 'admin-token', o: 'กค 0402/ว 30' });
    expect((await admin('/admin/feed', { place: '5401', items: [{ ...wanna, orderRef: 'กค 0402/ว 31' }], approvedBy: 'cli:someone' })).json()).toEqual({ ok: true, value: { published: 1, duplicates: 0 } });
    expect(await byOf()).toEqual({ by: 'cli:someone', o: 'กค 0402/ว 31' });
    // Who publishes is 1–100 characters: refused whole, nothing stored.
    const before = await snapshot();
    for (const approvedBy of ['', 'x'.repeat(101)]) expect((await admin('/admin/feed', { place: '5401', items: [{ ...wanna, orderRef: 'กค 0402/ว 32' }], approvedBy })).statusCode).toBe(400);
    expect(await snapshot()).toBe(before);
    expect((await pulledFeed()).filter((i) => i.body.stream === 'user').every((i) => !('approvedBy' in i.body))).toBe(true);
    const page = (await inject('GET', '/console/users?place=5401', undefined, { cookie: supervisorCookie })).body;
    expect(page).toMatch(/<td>wanna<\/td>[^]*<td>กค 0402\/ว 31<\/td><td>[^<]+<\/td><td>cli:someone<\/td>/);
  });
});

describe('console feed page', () => {
  it('lists what is published per stream; a supervisor sees it and is refused CONSOLE_ADMIN_ONLY for every form, nothing changed', async () => {
    await admin('/admin/feed', { place: '5401', items: [{ stream: 'payment', ref1: '540100000000001', bankCode: '006', bankReference: 'KTB-1', paidAtMs: T0_MS, amountSatang: 12_345, sourceFile: 'ktb.txt' }] });
    const page = await inject('GET', '/console/feed', undefined, { cookie: supervisorCookie });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/console/feed" aria-current="page">');
    expect(page.body).toMatch(/Payment confirmations from bank files[^]*<td>5401<\/td><td class="n">1<\/td>/);
    expect(page.body).not.toContain('action="/console/feed/catalog"');
    const before = await snapshot();
    for (const [url, fields] of [
      ['/console/feed/catalog', { version: '2', data: JSON.stringify({ feeTypes: [FEE_TYPE] }) }],
      ['/console/feed/holidays', { data: HOLIDAYS_2027 }],
      ['/console/feed/book', { place: '5401', bookNo: 'P70-001', firstLeaf: '1', lastLeaf: '50', terminalSlot: 'office' }],
    ] as const) {
      const refused = await formPost(url, { _csrf: csrfOf(supervisorCookie), ...fields }, supervisorCookie);
      expect([refused.statusCode, /data-code="([A-Z_]+)"/.exec(refused.body)?.[1]]).toEqual([403, 'CONSOLE_ADMIN_ONLY']);
      const noToken = await formPost(url, fields, adminCookie);
      expect([noToken.statusCode, /data-code="([A-Z_]+)"/.exec(noToken.body)?.[1]]).toEqual([403, 'CSRF_MISMATCH']);
    }
    expect(await snapshot()).toBe(before);
  });

  it('console-feed-bad-input: every bad catalog, holiday year and book has its own code (the validators’ message shown); nothing stored', async () => {
    const before = await snapshot();
    const cases: [string, Record<string, string>, string, string?][] = [
      ['/console/feed/catalog', { version: 'two', data: '{"feeTypes":[]}' }, 'BAD_VERSION'],
      ['/console/feed/catalog', { version: '0', data: '{"feeTypes":[]}' }, 'BAD_VERSION'],
      ['/console/feed/catalog', { version: '2', data: '{feeTypes:' }, 'BAD_JSON'],
      ['/console/feed/catalog', { version: '2', data: JSON.stringify({ feeTypes: [{ ...FEE_TYPE, revenueCode: '80' }] }) }, 'FEED_ITEM_INVALID', 'catalog version 2:'],
      ['/console/feed/holidays', { data: 'not json' }, 'BAD_JSON'],
      ['/console/feed/holidays', { data: '{"holidays":[]}' }, 'BAD_YEAR'],
      ['/console/feed/holidays', { data: JSON.stringify({ ...(JSON.parse(HOLIDAYS_2027) as object), holidays: 'none' }) }, 'FEED_ITEM_INVALID', 'holidays 2027:'],
      ['/console/feed/book', { place: '54', bookNo: 'P70-001', firstLeaf: '1', lastLeaf: '50', terminalSlot: 'office' }, 'BAD_PLACE'],
      ['/console/feed/book', { place: '9999', bookNo: 'P70-001', firstLeaf: '1', lastLeaf: '50', terminalSlot: 'office' }, 'UNKNOWN_PLACE'],
      ['/console/feed/book', { place: '5401', bookNo: 'p70 001', firstLeaf: '1', lastLeaf: '50', terminalSlot: 'office' }, 'BAD_BOOK_NO'],
      ['/console/feed/book', { place: '5401', bookNo: 'P70-001', firstLeaf: '-1', lastLeaf: '50', terminalSlot: 'office' }, 'BAD_LEAF'],
      ['/console/feed/book', { place: '5401', bookNo: 'P70-001', firstLeaf: '1', lastLeaf: '10000000', terminalSlot: 'office' }, 'BAD_LEAF'],
      ['/console/feed/book', { place: '5401', bookNo: 'P70-001', firstLeaf: '1', lastLeaf: '50', terminalSlot: '0' }, 'BAD_SLOT'],
      ['/console/feed/book', { place: '5401', bookNo: 'P70-001', firstLeaf: '50', lastLeaf: '1', terminalSlot: 'office' }, 'FEED_ITEM_INVALID', 'book P70-001: lastLeaf is before firstLeaf'],
    ];
    for (const [url, fields, code, detail] of cases) {
      const seen = await act(adminCookie, url, fields, '/console/feed');
      expect(seen.code, `${url} ${JSON.stringify(fields).slice(0, 80)}`).toBe(code);
      if (detail !== undefined) expect(seen.body).toContain(detail);
    }
    expect(await snapshot()).toBe(before);
  });

  it('console-feed-publish: a catalog version (larger than a small form), a holiday year and a book assignment published, listed and pulled; the same catalog again is a duplicate', async () => {
    const feeTypes = Array.from({ length: 60 }, (_, i) => ({ ...FEE_TYPE, revenueCode: String(801001 + i), nameTh: `ค่าธรรมเนียมทดสอบที่ ${i + 1}` }));
    const catalog = JSON.stringify({ feeTypes });
    expect(Buffer.byteLength(catalog)).toBeGreaterThan(4096);
    const published = await act(adminCookie, '/console/feed/catalog', { version: '2', data: catalog }, '/console/feed');
    expect([published.code, published.body.includes('catalog 2')]).toEqual([undefined, true]);
    const again = await act(adminCookie, '/console/feed/catalog', { version: '2', data: catalog }, '/console/feed');
    expect(again.body).toContain('Already published exactly so');
    expect((await act(adminCookie, '/console/feed/holidays', { data: HOLIDAYS_2027 }, '/console/feed')).code).toBeUndefined();
    expect((await act(adminCookie, '/console/feed/book', { place: '5401', bookNo: 'P70-001', firstLeaf: '1', lastLeaf: '50', terminalSlot: 'office' }, '/console/feed')).code).toBeUndefined();
    central.clock.nowMs += 1000;
    const moved = await act(adminCookie, '/console/feed/book', { place: '5401', bookNo: 'P70-001', firstLeaf: '1', lastLeaf: '50', terminalSlot: '1' }, '/console/feed');
    expect(moved.code).toBeUndefined();
    // An office with an enrollment code and no terminal yet can be given a book before it enrolls.
    await admin('/admin/enroll-codes', { place: '5402', terminalSlot: 1 });
    expect((await act(adminCookie, '/console/feed/book', { place: '5402', bookNo: 'P70-002', firstLeaf: '1', lastLeaf: '50', terminalSlot: 'office' }, '/console/feed')).code).toBeUndefined();

    expect(await central.db.query(`SELECT stream, place, item_key AS k FROM feed_items WHERE stream IN ('catalog', 'holidays', 'book') ORDER BY cursor`)).toEqual([
      { stream: 'catalog', place: null, k: '2' },
      { stream: 'holidays', place: null, k: '2027' },
      { stream: 'book', place: '5401', k: 'P70-001' },
      { stream: 'book', place: '5401', k: 'P70-001' },
      { stream: 'book', place: '5402', k: 'P70-002' },
    ]);
    const feed = (await pulledFeed()).map((i) => i.body);
    expect(feed).toContainEqual({ stream: 'catalog', version: 2, data: { feeTypes } });
    expect(feed).toContainEqual(expect.objectContaining({ stream: 'holidays', calendarYear: 2027 }));
    expect(feed.filter((b) => b.stream === 'book')).toEqual([
      expect.objectContaining({ bookNo: 'P70-001', terminalSlot: null }),
      expect.objectContaining({ bookNo: 'P70-001', terminalSlot: 1, assignedAtMs: central.clock.nowMs }),
    ]);
    const page = (await inject('GET', '/console/feed', undefined, { cookie: executiveCookie })).body;
    expect(page).toMatch(/Revenue catalog[^]*<td class="n">2<\/td><td class="n">60<\/td><td class="n">1<\/td>/);
    expect(page).toMatch(/Government holiday calendar[^]*<td class="n">2027<\/td><td class="n">2570<\/td>/);
    // The latest assignment of the book: terminal 1, published twice.
    expect(page).toMatch(/Paper receipt books assigned[^]*<td>5401<\/td><td>P70-001<\/td><td class="n">1<\/td><td class="n">50<\/td><td>เครื่องที่ \/ Terminal slot 1<\/td>/);
    // Filtered by another office: its books and payments only (none), the catalogs and years of every office still listed.
    const filtered = (await inject('GET', '/console/feed?place=5402', undefined, { cookie: executiveCookie })).body;
    expect([filtered.includes('P70-001'), filtered.includes('P70-002'), filtered.includes('<td class="n">2027</td>')]).toEqual([false, true, true]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollTerminal } from '../../src-main/sync/client';
import { pullFromCentral } from '../../src-main/sync/pull';
import { DEFAULT_RETRY, type RetryPolicy } from '../../src-main/sync/retry';
import { verifyLedger } from '../../src-main/ledger/verify';
import { createEnrollCode } from '../../src-server/enrollment';
import { ADMIN_TOKEN, consoleFormToken, startTestCentral, type TestCentral } from '../helpers/central';
import { client, expectOk, loginAs, makeTestOffice, setUpWithUsers, snapshotBusinessTables, type TestOffice } from '../helpers/office';

/**
 * Approvals through central as the app and the CLI use them (design.md "Supervisor approval", path 2):
 * the operator asks with approval.askCentral, the supervisor approves in central's console, the
 * decision arrives by pull, and receipt.reprint / receipt.cancel with `approval: {method: 'central'}`
 * record the same ledger approval (method central), once.
 */
const RETRY: RetryPolicy = { ...DEFAULT_RETRY, baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 };
let central: TestCentral;
let office: TestOffice;
let url = '';
const operator = client('operator-central');
let book = '';

const inject = (method: 'GET' | 'POST', path: string, body?: string, headers: Record<string, string> = {}) =>
  central.app.fastify.inject({ method, url: path, headers, ...(body === undefined ? {} : { payload: body }) });
const formPost = (path: string, fields: Record<string, string>, cookie = '') =>
  inject('POST', path, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded', ...(cookie === '' ? {} : { cookie }) });
const deps = () => ({ sqlite: office.host.services.database.sqlite, clock: office.host.services.clock, machineId: office.host.services.machineId });

async function consoleApprove(id: string, decision: 'approve' | 'reject'): Promise<void> {
  const login = await formPost('/console/login', { username: 'supervisor', password: 'Supervisor-2569' });
  expect(login.statusCode).toBe(303);
  const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
  const _csrf = consoleFormToken((await inject('GET', '/console', undefined, { cookie })).body, `/console/approvals/${id}`);
  expect((await formPost(`/console/approvals/${id}`, { _csrf, decision }, cookie)).statusCode).toBe(303);
}

async function issueOne(): Promise<number> {
  const issued = await expectOk(
    office.call(operator, 'receipt.issueWithRequest', { request: { payerName: 'นายทดสอบ อนุมัติ', revenueCode: '804001', amountSatang: 50_000 }, payment: { method: 'cash' } }),
  );
  book = issued.receipt.receiptBook;
  return issued.receipt.receiptNo;
}

beforeAll(async () => {
  office = makeTestOffice();
  await setUpWithUsers(office);
  central = await startTestCentral('pglite', office.clock.nowMs());
  Object.defineProperty(central.clock, 'nowMs', { get: () => office.clock.nowMs(), set: () => undefined });
  url = await central.app.fastify.listen({ port: 0, host: '127.0.0.1' });
  await inject('POST', '/admin/console-users', JSON.stringify({ username: 'supervisor', nameTh: 'ผู้ใช้ supervisor', role: 'supervisor', password: 'Supervisor-2569' }), {
    'content-type': 'application/json',
    authorization: `Bearer ${ADMIN_TOKEN}`,
  });
  const { code } = await createEnrollCode(central.db, office.clock.nowMs(), '5401', 1);
  await enrollTerminal(deps(), url, code, RETRY);
  await loginAs(office, operator, 'operator');
}, 60_000);
afterAll(async () => {
  office?.close();
  await central?.close();
});

describe('approval.askCentral → console → pull → receipt.reprint / receipt.cancel', () => {
  it('central-approval-through-the-contract: pending refuses and changes nothing; approved records method central once', async () => {
    const no = await issueOne();
    const asked = await expectOk(office.call(operator, 'approval.askCentral', { action: 'receipt.reprint', book, number: no, reasonCode: 'payer-lost', reasonText: 'ผู้ชำระทำหาย' }));
    expect(asked).toMatchObject({ status: 'pending', isSent: true, isUsed: false, subject: `${book}/${no}` });
    const stored = await central.db.query<{ status: string }>('SELECT status FROM approval_requests WHERE id = $1', [asked.requestId]);
    expect(stored).toEqual([{ status: 'pending' }]);

    const input = { book, number: no, reasonCode: 'payer-lost' as const, reasonText: 'ผู้ชำระทำหาย', approval: { method: 'central' as const, requestId: asked.requestId } };
    const before = snapshotBusinessTables(office);
    expect(await office.call(operator, 'receipt.reprint', input)).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    expect(snapshotBusinessTables(office)).toBe(before);

    await consoleApprove(asked.requestId, 'approve');
    // The counter asks central now (the dialog's "check"): the decision is pulled.
    const checked = await expectOk(office.call(operator, 'approval.centralList', { checkCentral: true }));
    expect(checked.isCentralReached).toBe(true);
    expect(checked.approvals.find((a) => a.requestId === asked.requestId)).toMatchObject({ status: 'approved', isUsed: false });
    const reprint = await expectOk(office.call(operator, 'receipt.reprint', input));
    expect(reprint.copyNo).toBe(1);
    const sqlite = office.host.services.database.sqlite;
    const supervisorId = (sqlite.prepare(`SELECT id FROM users WHERE username = 'supervisor'`).get() as { id: string }).id;
    const operatorId = (sqlite.prepare(`SELECT id FROM users WHERE username = 'operator'`).get() as { id: string }).id;
    expect(sqlite.prepare(`SELECT approval_method AS m, supervisor_user_id AS s, approval_code AS c, user_id AS u FROM receipt_events WHERE kind = 'reprinted'`).all()).toEqual([
      { m: 'central', s: supervisorId, c: asked.requestId, u: operatorId },
    ]);

    const again = snapshotBusinessTables(office);
    expect(await office.call(operator, 'receipt.reprint', input)).toMatchObject({ ok: false, error: { code: 'BAD_APPROVAL' } });
    expect(snapshotBusinessTables(office)).toBe(again);
    const listed = await expectOk(office.call(operator, 'approval.centralList', {}));
    expect(listed.approvals.find((a) => a.requestId === asked.requestId)).toMatchObject({ status: 'approved', isUsed: true, supervisorNameTh: 'ผู้ใช้ supervisor' });
    expect(verifyLedger(sqlite).problems).toEqual([]);
  });

  it('central-approval-fits-its-target: an approved reprint does not cancel; a refusal at central cancels nothing', async () => {
    const no = await issueOne();
    const reprintAsk = await expectOk(office.call(operator, 'approval.askCentral', { action: 'receipt.reprint', book, number: no, reasonCode: 'printer-fault', reasonText: 'กระดาษติด' }));
    const cancelAsk = await expectOk(office.call(operator, 'approval.askCentral', { action: 'receipt.cancel', book, number: no, reasonCode: 'wrong-amount', reasonText: 'ยอดผิด' }));
    await consoleApprove(reprintAsk.requestId, 'approve');
    await consoleApprove(cancelAsk.requestId, 'reject');
    await pullFromCentral(deps(), RETRY);
    const before = snapshotBusinessTables(office);
    const wrongAction = await office.call(operator, 'receipt.cancel', { book, number: no, reasonCode: 'wrong-amount', reasonText: 'ยอดผิด', approval: { method: 'central', requestId: reprintAsk.requestId } });
    expect(wrongAction).toMatchObject({ ok: false, error: { code: 'BAD_APPROVAL' } });
    const refused = await office.call(operator, 'receipt.cancel', { book, number: no, reasonCode: 'wrong-amount', reasonText: 'ยอดผิด', approval: { method: 'central', requestId: cancelAsk.requestId } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_APPROVAL', message: expect.stringContaining('refused') } });
    const unknown = await office.call(operator, 'receipt.cancel', { book, number: no, reasonCode: 'wrong-amount', reasonText: 'ยอดผิด', approval: { method: 'central', requestId: `0${'9'.repeat(25)}` } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(snapshotBusinessTables(office)).toBe(before);
  });

  it('central-approval-asked-offline: central unreachable keeps the request saved, the next pull sends it', async () => {
    const no = await issueOne();
    await central.app.fastify.close();
    const asked = await expectOk(office.call(operator, 'approval.askCentral', { action: 'receipt.cancel', book, number: no, reasonCode: 'wrong-amount', reasonText: 'ยอดผิด' }));
    expect(asked).toMatchObject({ status: 'pending', isSent: false });
    expect(await expectOk(office.call(operator, 'approval.centralList', { checkCentral: true }))).toMatchObject({ isCentralReached: false });
    expect(await central.db.query('SELECT id FROM approval_requests WHERE id = $1', [asked.requestId])).toEqual([]);
    // Serve again on the same database and port.
    const port = Number(new URL(url).port);
    const { buildCentralApp } = await import('../../src-server/app');
    const app = await buildCentralApp({ db: central.db, nowMs: () => office.clock.nowMs(), adminToken: ADMIN_TOKEN });
    Object.defineProperty(central, 'app', { value: app });
    await app.fastify.listen({ port, host: '127.0.0.1' });
    expect(await pullFromCentral(deps(), RETRY)).toMatchObject({ requestsSent: 1 });
    expect(await central.db.query('SELECT status FROM approval_requests WHERE id = $1', [asked.requestId])).toEqual([{ status: 'pending' }]);
  });

  it('ask-central-refuses-what-does-not-exist: an unknown receipt is NOT_FOUND and nothing is saved', async () => {
    const before = snapshotBusinessTables(office);
    expect(await office.call(operator, 'approval.askCentral', { action: 'receipt.reprint', book, number: 9_999, reasonCode: 'payer-lost', reasonText: 'หาย' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(snapshotBusinessTables(office)).toBe(before);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalTarget } from '../../src-main/ledger/approvals';
import { recordReprint } from '../../src-main/ledger/receipts';
import { verifyLedger } from '../../src-main/ledger/verify';
import { manualClock } from '../../src-main/platform/clock';
import { enrollTerminal } from '../../src-main/sync/client';
import { centralApprovalFor, findFineOrder, pullFromCentral, requestCentralApproval } from '../../src-main/sync/pull';
import { DEFAULT_RETRY, type RetryPolicy } from '../../src-main/sync/retry';
import { createEnrollCode } from '../../src-server/enrollment';
import { FINE_ORDERS_CSV_HEADER } from '../../src-shared/sync';
import { T0_MS } from '../helpers/office';
import { ADMIN_TOKEN, startTestCentral, type TestCentral } from '../helpers/central';
import { issueCashReceipts, setUpSyncTerminal, type SyncTerminal } from '../helpers/sync-terminal';

/** Pull: approvals through central end in the ledger's own approval record; fine orders from the fines system's CSV reach their office. */
const clock = manualClock(T0_MS);
const RETRY: RetryPolicy = { ...DEFAULT_RETRY, baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 };
let central: TestCentral;
let dir: string;
let t: SyncTerminal;
let book: string;

beforeAll(async () => {
  central = await startTestCentral('pglite', T0_MS);
  Object.defineProperty(central.clock, 'nowMs', { get: () => clock.nowMs(), set: () => undefined });
  const url = await central.app.fastify.listen({ port: 0, host: '127.0.0.1' });
  dir = mkdtempSync(join(tmpdir(), 'ebill-sync-pull-'));
  t = await setUpSyncTerminal(join(dir, 't1'), 1, clock);
  const { code } = await createEnrollCode(central.db, clock.nowMs(), '5401', 1);
  await enrollTerminal(t.deps, url, code, RETRY);
  issueCashReceipts(t, 3);
  book = (t.deps.sqlite.prepare('SELECT book FROM receipts LIMIT 1').get() as { book: string }).book;
}, 60_000);
afterAll(async () => {
  t?.close();
  await central?.close();
  rmSync(dir, { recursive: true, force: true });
});

const admin = (url: string, body: unknown) =>
  central.app.fastify.inject({ method: 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` } });

const target = (no: number): ApprovalTarget => ({ action: 'receipt.reprint', subject: `${book}/${no}`, reasonCode: 'payer-lost' });

describe('approvals through central', () => {
  it('approval-through-central: asked at the terminal, approved at central, pulled, recorded by the ledger as method central, usable once', async () => {
    const id = await requestCentralApproval(t.deps, t.adminId, target(1), 'ผู้ชำระทำใบเสร็จหาย', RETRY);
    expect(() => centralApprovalFor(t.deps, id, target(1))).toThrow(expect.objectContaining({ code: 'APPROVAL_REQUIRED' }));
    const decided = await admin('/admin/approval-requests/decide', { id, isApproved: true, supervisorUsername: 'supervisor', supervisorNameTh: 'นางสาวสมหญิง หัวหน้า' });
    expect(decided.json()).toEqual({ ok: true, value: { id, status: 'approved' } });
    expect(await pullFromCentral(t.deps, RETRY)).toMatchObject({ approvals: 1 });
    const approval = centralApprovalFor(t.deps, id, target(1));
    expect(approval).toEqual({ supervisorUserId: t.supervisorId, method: 'central', code: id });
    recordReprint(t.deps, t.adminId, book, 1, { reasonCode: 'payer-lost', reasonText: 'ผู้ชำระทำใบเสร็จหาย', approval });
    const event = t.deps.sqlite.prepare(`SELECT approval_method AS m, supervisor_user_id AS s, approval_code AS c FROM receipt_events WHERE kind = 'reprinted'`).get();
    expect(event).toEqual({ m: 'central', s: t.supervisorId, c: id });
    expect(() => centralApprovalFor(t.deps, id, target(1))).toThrow(expect.objectContaining({ code: 'BAD_APPROVAL' }));
    expect(verifyLedger(t.deps.sqlite).problems).toEqual([]);
  });

  it('approval-fits-its-target: an approval for receipt 2 does not approve receipt 3; a refusal at central approves nothing', async () => {
    const forTwo = await requestCentralApproval(t.deps, t.adminId, target(2), 'สำเนา', RETRY);
    const refused = await requestCentralApproval(t.deps, t.adminId, target(3), 'สำเนา', RETRY);
    await admin('/admin/approval-requests/decide', { id: forTwo, isApproved: true, supervisorUsername: 'supervisor', supervisorNameTh: 'หัวหน้า' });
    await admin('/admin/approval-requests/decide', { id: refused, isApproved: false, supervisorUsername: 'supervisor', supervisorNameTh: 'หัวหน้า' });
    await pullFromCentral(t.deps, RETRY);
    expect(() => centralApprovalFor(t.deps, forTwo, target(3))).toThrow(expect.objectContaining({ code: 'BAD_APPROVAL' }));
    expect(() => centralApprovalFor(t.deps, refused, target(3))).toThrow(expect.objectContaining({ code: 'BAD_APPROVAL' }));
    const again = await admin('/admin/approval-requests/decide', { id: forTwo, isApproved: false, supervisorUsername: 'supervisor', supervisorNameTh: 'หัวหน้า' });
    expect(again.statusCode).toBe(400);
  });
});

describe('fine orders', () => {
  const line = (no: string, place: string, amount: string) => `${no},${place},804001,"นาย ก, ข",1234567890123,${amount},2026-11-30,พ.ร.บ. จราจรทางบก`;
  const csv = (...lines: string[]) => [FINE_ORDERS_CSV_HEADER.join(','), ...lines].join('\r\n');

  it('fine-orders-imported-and-pulled-by-their-office: all lines or none; a repeat is a duplicate; each office pulls its own', async () => {
    const bad = await admin('/admin/fine-orders/import', { csvText: csv(line('F1', '5401', '500.00'), line('F2', '5401', '5.123')) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('line 3 amount_baht');
    expect(await central.db.query('SELECT order_no FROM fine_orders')).toEqual([]);
    const good = await admin('/admin/fine-orders/import', { csvText: csv(line('F1', '5401', '500.00'), line('F2', '5401', '1200.5'), line('F3', '5402', '100')) });
    expect(good.json()).toEqual({ ok: true, value: { lines: 3, imported: 3, duplicates: 0 } });
    const repeat = await admin('/admin/fine-orders/import', { csvText: csv(line('F1', '5401', '500.00')) });
    expect(repeat.json()).toEqual({ ok: true, value: { lines: 1, imported: 0, duplicates: 1 } });
    expect(await pullFromCentral(t.deps, RETRY)).toMatchObject({ fineOrders: 2 });
    expect(findFineOrder(t.deps.sqlite, 'F2')).toEqual({ orderNo: 'F2', revenueCode: '804001', offenderName: 'นาย ก, ข', amountSatang: 120_050, law: 'พ.ร.บ. จราจรทางบก' });
    expect(findFineOrder(t.deps.sqlite, 'F3')).toBeUndefined();
    expect(await pullFromCentral(t.deps, RETRY)).toMatchObject({ pulled: 0 });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src-main/ledger/verify';
import { REQUEST, expectRefused, makeLedgerOffice, type LedgerOffice } from './ledger-helpers';

let office: LedgerOffice;
beforeEach(async () => {
  office = await makeLedgerOffice();
});
afterEach(() => office.close());

describe('receipt.issueWithRequest: the counter cash path in one transaction', () => {
  it('writes the request, its bill and its receipt as two consecutive entries, and the chain verifies', async () => {
    const before = office.count('ledger_entries');
    const { request, receipt } = await office.as(office.operator, 'receipt.issueWithRequest', { request: REQUEST, payment: { method: 'cash' } });
    expect(receipt).toMatchObject({ ref1: request.ref1, amountSatang: REQUEST.amountSatang, method: 'cash', receiptNo: 1, businessDate: request.businessDate });
    expect(request.isManualFineEntry).toBe(true);
    const kinds = office.host.services.database.sqlite.prepare('SELECT kind FROM ledger_entries WHERE seq > ? ORDER BY seq').pluck().all(before);
    expect(kinds).toEqual(['request.created', 'receipt.issued']);
    expect(verifyLedger(office.host.services.database.sqlite).problems).toEqual([]);
    // The bill is paid: the same Ref1 cannot be paid again.
    await expectRefused(office, office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'cash' } }, 'ALREADY_PAID');
  });

  it('takes a cheque with its details', async () => {
    const detail = { bankName: 'ธนาคารกรุงไทย', instrumentNo: 'CQ-0012345', instrumentDate: '2026-11-23' };
    const { receipt } = await office.as(office.operator, 'receipt.issueWithRequest', { request: REQUEST, payment: { method: 'cheque', detail } });
    expect(receipt.method).toBe('cheque');
  });

  it('all or nothing: a receipt that fails leaves no request, bill or entry behind', async () => {
    const sqlite = office.host.services.database.sqlite;
    const snapshot = office.ledgerSnapshot();
    sqlite.exec(`CREATE TEMP TRIGGER refuse_receipt BEFORE INSERT ON receipts BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END`);
    const reply = await office.call(office.operator, 'receipt.issueWithRequest', { request: REQUEST, payment: { method: 'cash' } });
    expect(reply.ok).toBe(false);
    sqlite.exec('DROP TRIGGER refuse_receipt');
    expect(office.ledgerSnapshot()).toBe(snapshot);
    // And the Ref1 counter did not move: the next request takes the number the failed one would have.
    const next = await office.as(office.operator, 'request.create', REQUEST);
    expect(next.ref1.endsWith('100001')).toBe(true);
  });

  it('a refused request (bad national ID check digit) changes nothing', async () => {
    await expectRefused(office, office.operator, 'receipt.issueWithRequest', { request: { ...REQUEST, payerId: '1101700230709' }, payment: { method: 'cash' } }, 'NATIONAL_ID_BAD_CHECK_DIGIT');
  });

  it('only the counter roles take payments', async () => {
    await expectRefused(office, office.auditor, 'receipt.issueWithRequest', { request: REQUEST, payment: { method: 'cash' } }, 'FORBIDDEN');
  });
});

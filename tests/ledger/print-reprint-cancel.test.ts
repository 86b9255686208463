import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvalCode } from '../../src-main/ledger/approvals';
import { installApprovalKey } from '../../src-main/ledger/terminal';
import { readEntriesForSync, readHead } from '../../src-main/ledger/chain';
import { PASSWORD } from '../helpers/office';
import { expectRefused, makeLedgerOffice, type LedgerOffice } from './ledger-helpers';

let office: LedgerOffice;
let receipt: { ref1: string; book: string; number: number };
beforeEach(async () => {
  office = await makeLedgerOffice();
  receipt = await office.cashReceipt();
});
afterEach(() => office.close());

const inPerson = (username: string, password = PASSWORD) => ({ method: 'in-person' as const, username, password });

function supervisorId(): string {
  return (office.host.services.database.sqlite.prepare(`SELECT id FROM users WHERE username = 'supervisor'`).get() as { id: string }).id;
}

function deps() {
  const services = office.host.services;
  return { sqlite: services.database.sqlite, clock: services.clock, machineId: services.machineId };
}

describe('an operator prints a receipt once', () => {
  it('the original print is recorded once; a second original is ALREADY_PRINTED', async () => {
    const printed = await office.as(office.operator, 'receipt.markPrinted', { book: receipt.book, number: receipt.number });
    expect(printed.isPrinted).toBe(true);
    await expectRefused(office, office.operator, 'receipt.markPrinted', { book: receipt.book, number: receipt.number }, 'ALREADY_PRINTED');
  });

  it('a cancelled receipt is never printed as an original', async () => {
    await office.as(office.supervisor, 'receipt.cancel', { book: receipt.book, number: receipt.number, reasonCode: 'duplicate', reasonText: 'ออกซ้ำ' });
    await expectRefused(office, office.operator, 'receipt.markPrinted', { book: receipt.book, number: receipt.number }, 'ALREADY_CANCELLED');
  });
});

describe('reprint and cancel need a supervisor with a reason', () => {
  const reprint = { reasonCode: 'printer-fault' as const, reasonText: 'กระดาษติดในเครื่องพิมพ์' };

  it('an operator alone is refused with APPROVAL_REQUIRED', async () => {
    await expectRefused(office, office.operator, 'receipt.reprint', { book: receipt.book, number: receipt.number, ...reprint }, 'APPROVAL_REQUIRED');
    await expectRefused(office, office.operator, 'receipt.cancel', { book: receipt.book, number: receipt.number, reasonCode: 'other', reasonText: 'ผิด' }, 'APPROVAL_REQUIRED');
  });

  it('a supervisor in person approves; copies are numbered 1, 2 and recorded with who, who approved and why', async () => {
    const first = await office.as(office.operator, 'receipt.reprint', { book: receipt.book, number: receipt.number, ...reprint, approval: inPerson('supervisor') });
    const second = await office.as(office.supervisor, 'receipt.reprint', { book: receipt.book, number: receipt.number, reasonCode: 'payer-lost', reasonText: 'ผู้ชำระทำหาย' });
    expect([first.copyNo, second.copyNo]).toEqual([1, 2]);
    expect(second.receipt.copies).toBe(2);
    const events = office.host.services.database.sqlite
      .prepare(`SELECT kind, copy_no AS copyNo, approval_method AS how, reason_code AS reasonCode, reason_text AS reasonText,
                (SELECT username FROM users WHERE id = e.user_id) AS who, (SELECT username FROM users WHERE id = e.supervisor_user_id) AS approver
                FROM receipt_events e ORDER BY at_ms, rowid`)
      .all();
    expect(events).toEqual([
      { kind: 'reprinted', copyNo: 1, how: 'in-person', reasonCode: 'printer-fault', reasonText: 'กระดาษติดในเครื่องพิมพ์', who: 'operator', approver: 'supervisor' },
      { kind: 'reprinted', copyNo: 2, how: 'in-person', reasonCode: 'payer-lost', reasonText: 'ผู้ชำระทำหาย', who: 'supervisor', approver: 'supervisor' },
    ]);
  });

  it('a wrong supervisor password is BAD_CREDENTIALS and a non-supervisor approver is BAD_APPROVAL; the ledger is unchanged', async () => {
    await expectRefused(office, office.operator, 'receipt.reprint', { book: receipt.book, number: receipt.number, ...reprint, approval: inPerson('supervisor', 'wrong-pass1') }, 'BAD_CREDENTIALS');
    await expectRefused(office, office.operator, 'receipt.reprint', { book: receipt.book, number: receipt.number, ...reprint, approval: inPerson('finance') }, 'BAD_APPROVAL');
    await expectRefused(office, office.operator, 'receipt.reprint', { book: receipt.book, number: receipt.number, ...reprint, approval: inPerson('operator') }, 'BAD_APPROVAL');
  });

  it('a receipt is cancelled once: a second cancel is ALREADY_CANCELLED', async () => {
    await office.as(office.supervisor, 'receipt.cancel', { book: receipt.book, number: receipt.number, reasonCode: 'wrong-payer', reasonText: 'ชื่อผู้ชำระผิด' });
    await expectRefused(office, office.supervisor, 'receipt.cancel', { book: receipt.book, number: receipt.number, reasonCode: 'other', reasonText: 'ซ้ำ' }, 'ALREADY_CANCELLED');
  });

  it('refusals are in the audit log with the user and the code', async () => {
    await office.call(office.operator, 'receipt.reprint', { book: receipt.book, number: receipt.number, ...reprint });
    const audit = office.host.services.database.sqlite.prepare(`SELECT username, outcome, code FROM audit_log WHERE action = 'receipt.reprint'`).all();
    expect(audit).toEqual([{ username: 'operator', outcome: 'refused', code: 'APPROVAL_REQUIRED' }]);
  });
});

describe('the offline approval code (design.md, path 3)', () => {
  const target = (number: number) => ({ action: 'receipt.reprint' as const, subject: `${receipt.book}/${number}`, reasonCode: 'printer-fault' });

  it('without a key on this terminal the code cannot be checked: APPROVAL_KEY_MISSING', async () => {
    const approval = { method: 'offline-code' as const, supervisorUsername: 'supervisor', code: '12345678' };
    await expectRefused(office, office.operator, 'receipt.reprint', { book: receipt.book, number: receipt.number, reasonCode: 'printer-fault', reasonText: 'กระดาษติด', approval }, 'APPROVAL_KEY_MISSING');
  });

  it('the right code works once; a code for another receipt, reason or day does not', async () => {
    const key = randomBytes(32);
    installApprovalKey(deps(), supervisorId(), key, 'test');
    const code = approvalCode(key, '5401-1', target(receipt.number), '2026-11-23');
    const input = { book: receipt.book, number: receipt.number, reasonCode: 'printer-fault' as const, reasonText: 'กระดาษติด' };
    const otherReceipt = approvalCode(key, '5401-1', target(receipt.number + 1), '2026-11-23');
    const otherDay = approvalCode(key, '5401-1', target(receipt.number), '2026-11-24');
    await expectRefused(office, office.operator, 'receipt.reprint', { ...input, approval: { method: 'offline-code', supervisorUsername: 'supervisor', code: otherReceipt } }, 'BAD_APPROVAL');
    await expectRefused(office, office.operator, 'receipt.reprint', { ...input, approval: { method: 'offline-code', supervisorUsername: 'supervisor', code: otherDay } }, 'BAD_APPROVAL');
    await expectRefused(office, office.operator, 'receipt.reprint', { ...input, reasonCode: 'payer-lost', approval: { method: 'offline-code', supervisorUsername: 'supervisor', code } }, 'BAD_APPROVAL');
    const done = await office.as(office.operator, 'receipt.reprint', { ...input, approval: { method: 'offline-code', supervisorUsername: 'supervisor', code } });
    expect(done.copyNo).toBe(1);
    await expectRefused(office, office.operator, 'receipt.reprint', { ...input, approval: { method: 'offline-code', supervisorUsername: 'supervisor', code } }, 'BAD_APPROVAL');
    const how = office.host.services.database.sqlite.prepare(`SELECT approval_method AS m, approval_code AS c FROM receipt_events`).get();
    expect(how).toEqual({ m: 'offline-code', c: code });
  });

  it('the key never enters the ledger (the outbox leaves the office)', () => {
    const key = randomBytes(32);
    installApprovalKey(deps(), supervisorId(), key, 'test');
    const sqlite = office.host.services.database.sqlite;
    const entries = readEntriesForSync(sqlite, 1, readHead(sqlite).seq);
    expect(entries.map((e) => e.kind)).toContain('approval-key.installed');
    expect(entries.some((e) => e.payloadText.includes(key.toString('base64')) || e.payloadText.includes(key.toString('hex')))).toBe(false);
  });
});

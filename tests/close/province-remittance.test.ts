import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shippedHolidayCalendar } from '../../src-main/close/holidays';
import { buildReport } from '../../src-main/reports/service';
import { buildRef2 } from '../../src-shared/codes';
import { unwrap } from '../../src-shared/result';
import { ktb256File, type GenLine } from '../fixtures/bank/generate';
import { expectRefused } from '../ledger/ledger-helpers';
import { client } from '../helpers/office';
import { makeCloseOffice, type CloseOffice } from './close-helpers';

/**
 * Bill payments land in the provincial office's KTB account (seed 001 §3.1 steps 3–4, 7): the
 * provincial office remits them for its whole province from its bank imports; a district shows its
 * own as "remitted by the province" and may not record their remittance (issue 10).
 */
const calendar = shippedHolidayCalendar();
const DAY = '2026-11-23';
const at = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00+07:00`);

/** A Ref1 of another office (its place inside), and a Ref2 that passes its check digits. */
const ref1Of = (place: string, running: string) => `101${place}69${running}`;
const ref2Of = (place: string, revenueCode: string) => unwrap(buildRef2({ costCentreLast3: '001', place, revenueCode }));
const line = (ref1: string, ref2: string, amountSatang: number, overrides: Partial<GenLine> = {}): GenLine => ({
  paymentDate: DAY,
  paymentTime: '08:45:10',
  customerName: 'นายโอน ธนาคาร',
  ref1,
  ref2,
  amountSatang,
  ...overrides,
});

describe('the provincial office remits its province’s bill payments from its bank imports', () => {
  let office: CloseOffice;
  beforeEach(async () => {
    office = await makeCloseOffice();
    office.clock.setMs(at(DAY, '10:00'));
  });
  afterEach(() => office.close());

  const officeRow = () => JSON.stringify(office.host.services.database.sqlite.prepare('SELECT * FROM office').all());
  const remittances = () => JSON.stringify(office.host.services.database.sqlite.prepare('SELECT * FROM remittances').all());

  it('office.setKind is the administrator’s; a bad kind or another role changes nothing', async () => {
    const before = officeRow();
    await expectRefused(office, office.finance, 'office.setKind', { kind: 'provincial' }, 'FORBIDDEN');
    expect(await office.call(office.admin, 'office.setKind', { kind: 'regional' as 'provincial' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(officeRow()).toBe(before);
    expect((await office.as(office.finance, 'remittance.day', { businessDate: DAY })).officeKind).toBe('district');
    expect(await office.as(office.admin, 'office.setKind', { kind: 'provincial' })).toEqual({ kind: 'provincial' });
    expect((await office.as(office.auditor, 'remittance.day', { businessDate: DAY })).officeKind).toBe('provincial');
    // office.kind (the settings screen) is read by every signed-in role, by nobody signed out.
    expect(await office.as(office.operator, 'office.kind', {})).toEqual({ kind: 'provincial' });
    expect(await office.as(office.admin, 'office.kind', {})).toEqual({ kind: 'provincial' });
    expect(await office.call(client('signed-out'), 'office.kind', {})).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    // The trigger is the backstop behind the contract.
    expect(() => office.host.services.database.sqlite.prepare(`UPDATE office SET kind = 'regional'`).run()).toThrow(/office.kind must be district or provincial/);
  });

  it('a district refuses to record bill payments (REMITTED_BY_PROVINCE), shows them as the province’s and is never overdue for them', async () => {
    const request = await office.as(office.operator, 'request.create', { payerName: 'นายโอน ธนาคาร', revenueCode: '804001', amountSatang: 70_000 });
    await office.as(office.operator, 'payment.recordEvidence', { ref1: request.ref1, bankCode: '006', paidAtMs: at(DAY, '09:00'), bankReference: 'SLIP9', amountSatang: 70_000 });
    await office.as(office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'bill-payment' } });
    const day = await office.as(office.finance, 'remittance.day', { businessDate: DAY });
    expect(day.lines).toEqual([{ revenueCode: '804001', scope: 'bill-payment', receiptCount: 1, collectedSatang: 70_000, rewardSatang: 0, costSatang: 0, remitSatang: 70_000 }]);
    expect(day.deadlineMs).toBe(at('2026-11-24', '09:30'));
    const before = remittances();
    await expectRefused(office, office.finance, 'remittance.record', { businessDate: DAY, scope: 'bill-payment', bankReference: 'KTB-1', remittedAtMs: at(DAY, '11:00') }, 'REMITTED_BY_PROVINCE');
    expect(remittances()).toBe(before);
    office.clock.setMs(at('2026-11-26', '10:00'));
    expect((await office.as(office.operator, 'remittance.overdue', {})).overdue).toEqual([]);
  });

  it('the provincial office remits every credit of its province from the bank file (deductions conserved), overdue until recorded', async () => {
    await office.as(office.admin, 'office.setKind', { kind: 'provincial' });
    await office.as(office.admin, 'remittance.setRate', { revenueCode: '804001', rewardBasisPoints: 1_000, costBasisPoints: 500 });
    const own = await office.as(office.operator, 'request.create', { payerName: 'นายโอน ธนาคาร', revenueCode: '804001', amountSatang: 70_001 });
    const district = ref1Of('5402', '100001');
    const file = ktb256File([
      // This office's own bill: matched (a bank-file confirmation), no receipt yet — still money in the account.
      line(own.ref1, own.ref2, 70_001),
      // A district of the province (5402): an import exception here (other-office), but the province remits it.
      line(district, ref2Of('5402', '804001'), 30_000, { paymentTime: '09:10:00' }),
      line(ref1Of('5402', '100002'), ref2Of('5402', '804201'), 12_345, { paymentTime: '09:20:00' }),
      // Another province (50xx), a debit record and a Ref2 failing its check digits: not this province's to remit.
      line(ref1Of('5001', '100001'), ref2Of('5001', '804001'), 99_900, { paymentTime: '09:30:00' }),
      line(district, ref2Of('5402', '804001'), 30_000, { paymentTime: '09:40:00', kind: 'D' }),
      line(ref1Of('5403', '100003'), `${ref2Of('5403', '804001').slice(0, 13)}00`, 5_000, { paymentTime: '09:50:00' }),
    ]);
    const imported = await office.call(office.finance, 'bank.import', { contentBase64: file.toString('base64'), format: 'auto' });
    expect(imported).toMatchObject({ ok: true });
    const cash = await office.printedReceipt({ amountSatang: 50_000 });

    const day = await office.as(office.finance, 'remittance.day', { businessDate: DAY });
    expect(day.officeKind).toBe('provincial');
    const bill = day.lines.filter((l) => l.scope === 'bill-payment');
    expect(bill.map((l) => [l.revenueCode, l.receiptCount, l.collectedSatang])).toEqual([
      ['804001', 2, 100_001],
      ['804201', 1, 12_345],
    ]);
    for (const l of day.lines) expect(l.rewardSatang + l.costSatang + l.remitSatang).toBe(l.collectedSatang);
    const fine = bill.find((l) => l.revenueCode === '804001');
    expect(fine).toMatchObject({ rewardSatang: 10_000, costSatang: 5_000, remitSatang: 85_001 });
    expect(day.lines.find((l) => l.scope === 'cash')).toMatchObject({ collectedSatang: cash.amountSatang });

    // Past the deadline both scopes are overdue at the provincial office.
    office.clock.setMs(at('2026-11-24', '09:31'));
    expect((await office.as(office.operator, 'remittance.overdue', {})).overdue.map((o) => [o.scope, o.remitSatang])).toEqual([
      ['bill-payment', 85_001 + 12_345],
      ['cash', 50_000 - 5_000 - 2_500],
    ]);
    const record = await office.as(office.finance, 'remittance.record', { businessDate: DAY, scope: 'bill-payment', bankReference: 'KTB-BP-1', remittedAtMs: at('2026-11-24', '09:15') });
    expect(record).toMatchObject({ scope: 'bill-payment', amountSatang: 85_001 + 12_345, deductedSatang: 15_000 });
    expect((await office.as(office.operator, 'remittance.overdue', {})).overdue.map((o) => o.scope)).toEqual(['cash']);

    const table = buildReport(office.host.services.database.sqlite, 'remittance', DAY, undefined, calendar);
    expect(table.rows.filter((r) => r.cells['scope'] === 'Bill Payment ทั้งจังหวัด (ข้อมูลธนาคาร)')).toHaveLength(2);
    expect(table.totals.find((t) => t.labelEn === 'Of which bill payments of the whole province')?.satang).toBe(85_001 + 12_345);
    expect(table.totals.find((t) => t.labelEn === 'This office remits')?.satang).toBe(85_001 + 12_345 + 42_500);
  });
});

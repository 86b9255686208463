import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitDeductions } from '../../src-main/close/deductions';
import { shippedHolidayCalendar } from '../../src-main/close/holidays';
import { remittanceDeadlineMs } from '../../src-main/close/remittance';
import { buildReport } from '../../src-main/reports/service';
import type { BusinessDate } from '../../src-shared/dates';
import { CodedError } from '../../src-shared/result';
import { makeCloseOffice, type CloseOffice } from '../close/close-helpers';
import { expectRefused } from '../ledger/ledger-helpers';

const calendar = shippedHolidayCalendar();
/** 09:30 Asia/Bangkok of a date, as UTC epoch ms. */
const at0930 = (date: string) => Date.parse(`${date}T02:30:00Z`);

describe('remittance deadline: 09:30 of the next business day (seed 001 §3.1 step 7)', () => {
  it.each([
    ['2026-11-23', '2026-11-24', 'a Monday: Tuesday'],
    ['2026-11-27', '2026-11-30', 'a Friday: over the weekend to Monday'],
    ['2026-12-04', '2026-12-08', 'Friday before วันพ่อ (Sat 5 Dec) and its substitution day Mon 7 Dec: Tuesday'],
    ['2026-12-30', '2027-01-04', 'before New Year: 31 Dec and 1 Jan are holidays, then a weekend, across two holiday files'],
    ['2026-12-05', '2026-12-08', 'money taken on a holiday (field collection): the next business day'],
  ])('%s → %s (%s)', (received, due) => {
    expect(remittanceDeadlineMs(calendar, received as BusinessDate)).toBe(at0930(due));
  });

  it('a year without holiday data is refused, never guessed', () => {
    expect(() => remittanceDeadlineMs(calendar, '2028-12-29' as BusinessDate)).toThrow(CodedError);
    try {
      remittanceDeadlineMs(calendar, '2028-12-29' as BusinessDate);
    } catch (error) {
      expect((error as CodedError).code).toBe('HOLIDAYS_YEAR_NOT_LOADED');
    }
  });
});

describe('group 1.1 deductions never lose a satang (seed 001 §7)', () => {
  it('reward + cost + remitted = collected, each part within one satang of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (collected, reward, costRaw) => {
        const cost = Math.min(costRaw, 10_000 - reward);
        const split = splitDeductions(collected, { revenueCode: '804001', rewardBasisPoints: reward, costBasisPoints: cost });
        expect(split.rewardSatang + split.costSatang + split.remitSatang).toBe(collected);
        for (const part of [split.rewardSatang, split.costSatang, split.remitSatang]) expect(part).toBeGreaterThanOrEqual(0);
        expect(Math.abs(split.rewardSatang - (collected * reward) / 10_000)).toBeLessThan(1);
        expect(Math.abs(split.costSatang - (collected * cost) / 10_000)).toBeLessThan(1);
      }),
      { numRuns: 500 },
    );
  });

  it('no rate configured = 0 %: everything is remitted', () => {
    expect(splitDeductions(123_457, undefined)).toEqual({ rewardSatang: 0, costSatang: 0, remitSatang: 123_457 });
  });
});

describe('remittance records, rates and the overdue alarm', () => {
  let office: CloseOffice;
  beforeEach(async () => {
    office = await makeCloseOffice();
  });
  afterEach(() => office.close());

  it('the administrator sets group 1.1 rates; group 1.2 laws and fees are remitted in full (DEDUCTION_NOT_ALLOWED)', async () => {
    await office.as(office.admin, 'remittance.setRate', { revenueCode: '804001', rewardBasisPoints: 1_000, costBasisPoints: 500 });
    await expectRefused(office, office.admin, 'remittance.setRate', { revenueCode: '804201', rewardBasisPoints: 100, costBasisPoints: 0 }, 'DEDUCTION_NOT_ALLOWED');
    await expectRefused(office, office.admin, 'remittance.setRate', { revenueCode: '804001', rewardBasisPoints: 6_000, costBasisPoints: 5_000 }, 'BAD_INPUT');
    await expectRefused(office, office.finance, 'remittance.setRate', { revenueCode: '804001', rewardBasisPoints: 0, costBasisPoints: 0 }, 'FORBIDDEN');
    // The refusals changed nothing: only the one rate set.
    expect(office.count('deduction_rates')).toBe(1);
    await office.printedReceipt({ amountSatang: 100_001 });
    await office.printedReceipt({ revenueCode: '804201', amountSatang: 50_000 });
    const table = buildReport(office.host.services.database.sqlite, 'remittance', office.today(), undefined, calendar);
    const byCode = Object.fromEntries(table.rows.map((r) => [r.cells['revenue'], r.cells]));
    // 10 % of 1,000.01 = 100.0010 → 100.00; 5 % = 50.0005 → 50.00 (the leftover satang goes to the remitted part).
    expect(byCode['804001']).toMatchObject({ collected: 100_001, reward: 10_000, cost: 5_000, remit: 85_001 });
    expect(byCode['804201']).toMatchObject({ collected: 50_000, reward: 0, cost: 0, remit: 50_000 });
    expect(byCode['804001']?.['deadline']).toBe('24/11/2569 09:30');
    expect(table.totalSatang).toBe(150_001);
    expect((await office.as(office.auditor, 'remittance.rates', {})).rates).toEqual([{ revenueCode: '804001', rewardBasisPoints: 1_000, costBasisPoints: 500 }]);
  });

  it('cash not remitted by the deadline is overdue until its remittance is recorded (who, when, bank reference)', async () => {
    const receipt = await office.printedReceipt();
    const day = office.today();
    office.clock.setMs(at0930('2026-11-24') - 60_000);
    expect((await office.as(office.operator, 'remittance.overdue', {})).overdue).toEqual([]);
    office.clock.setMs(at0930('2026-11-24') + 60_000);
    expect((await office.as(office.operator, 'remittance.overdue', {})).overdue).toEqual([{ businessDate: day, scope: 'cash', remitSatang: receipt.amountSatang, deadlineMs: at0930('2026-11-24') }]);
    await expectRefused(office, office.operator, 'remittance.record', { businessDate: day, scope: 'cash', bankReference: 'KTB-0001', remittedAtMs: office.clock.nowMs() }, 'FORBIDDEN');
    const record = await office.as(office.finance, 'remittance.record', { businessDate: day, scope: 'cash', bankReference: 'KTB-0001', remittedAtMs: office.clock.nowMs() });
    expect(record).toMatchObject({ businessDate: day, scope: 'cash', amountSatang: receipt.amountSatang, deductedSatang: 0, bankReference: 'KTB-0001' });
    expect((await office.as(office.operator, 'remittance.overdue', {})).overdue).toEqual([]);
    const before = JSON.stringify(office.host.services.database.sqlite.prepare('SELECT * FROM remittances').all());
    const again = await office.call(office.finance, 'remittance.record', { businessDate: day, scope: 'cash', bankReference: 'KTB-0002', remittedAtMs: office.clock.nowMs() });
    expect(again).toMatchObject({ ok: false, error: { code: 'REMITTANCE_RECORDED' } });
    const nothing = await office.call(office.finance, 'remittance.record', { businessDate: '2026-11-20', scope: 'cash', bankReference: 'KTB-0003', remittedAtMs: office.clock.nowMs() });
    expect(nothing).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_REMIT' } });
    expect(JSON.stringify(office.host.services.database.sqlite.prepare('SELECT * FROM remittances').all())).toBe(before);
    const table = buildReport(office.host.services.database.sqlite, 'remittance', day, undefined, calendar);
    expect(table.rows[0]?.cells['remitted']).toBe('KTB-0001 (24/11/2569 09:31)');
  });

  it('bill payments are remitted by the province: never overdue at the district, shown as remitted by the province', async () => {
    const request = await office.as(office.operator, 'request.create', { payerName: 'นายโอน ธนาคาร', revenueCode: '804001', amountSatang: 70_000 });
    await office.as(office.operator, 'payment.recordEvidence', { ref1: request.ref1, bankCode: '006', paidAtMs: office.clock.nowMs() - 60_000, bankReference: 'SLIP9', amountSatang: 70_000 });
    await office.as(office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'bill-payment' } });
    const day = office.today();
    office.clock.setMs(at0930('2026-11-26'));
    expect((await office.as(office.operator, 'remittance.overdue', {})).overdue).toEqual([]);
    const table = buildReport(office.host.services.database.sqlite, 'remittance', day, undefined, calendar);
    expect(table.rows[0]?.cells['scope']).toBe('จังหวัด (Bill Payment)');
    expect(table.totals.find((t) => t.labelEn === 'Remitted by the province (bill payment)')?.satang).toBe(70_000);
    expect(table.totals.find((t) => t.labelEn === 'This office remits')?.satang).toBe(0);
  });
});

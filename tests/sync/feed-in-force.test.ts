import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handoverDueDate } from '../../src-main/books/field';
import { officeHolidayCalendar, shippedHolidayCalendar } from '../../src-main/close/holidays';
import { loadBillSlip, loadReceipt } from '../../src-main/documents/document-data';
import { renderReceipt } from '../../src-main/documents/receipt';
import { catalogInForceOf } from '../../src-main/ledger/catalog-in-force';
import { applyFeedPage, checkFeedPage } from '../../src-main/sync/feed-apply';
import type { BusinessDate, HolidayYear } from '../../src-shared/dates';
import type { FeedBody } from '../../src-shared/sync';
import { expectRefused, makeLedgerOffice, PAYER_ID, type LedgerOffice } from '../ledger/ledger-helpers';

/**
 * Issue 11: what the office pulls from central is what it uses. The catalog in force is the highest
 * valid pulled version (else the shipped one); the holiday calendar is the shipped years with the
 * pulled ones over them. Pages go in through feed-apply's own `checkFeedPage` + `applyFeedPage`,
 * in one transaction as the pull does (tests/sync/feed-pull.test.ts covers the wire).
 */
const FEE = { revenueCode: '801001', nameTh: 'ค่าธรรมเนียมหนังสือรับรอง', nameEn: 'Certificate fee', fund: 'state-revenue', defaultAmountSatang: 2_000, active: true } as const;
const OTHER_FEE = { revenueCode: '801002', nameTh: 'ค่าธรรมเนียมคัดสำเนา', nameEn: 'Copy fee', fund: 'non-budget', defaultAmountSatang: null, active: true } as const;
const SHIPPED_2026 = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'holidays', '2569.json'), 'utf8')) as HolidayYear;
/** 09:30 Asia/Bangkok of a date, as UTC epoch ms. */
const at0930 = (date: string) => Date.parse(`${date}T02:30:00Z`);

let office: LedgerOffice;
let cursor = 0;
beforeEach(async () => {
  office = await makeLedgerOffice();
  cursor = 0;
});
afterEach(() => office.close());

function pull(...bodies: FeedBody[]): void {
  const items = bodies.map((body) => ({ cursor: (cursor += 1), body }));
  checkFeedPage(items);
  const { database, clock, machineId } = office.host.services;
  database.sqlite.transaction(() => applyFeedPage({ sqlite: database.sqlite, clock, machineId }, items)).immediate();
}

const requestOf = (revenueCode: string, amountSatang = 2_000) => ({ payerName: 'นายสมหมาย ทดสอบ', payerId: PAYER_ID, revenueCode, amountSatang });

describe('the catalog in force is the highest pulled version', () => {
  it('a pulled fee type is accepted by request.create; deactivated by a newer version it is refused while its old receipt and bill still print with its name', async () => {
    const sqlite = office.host.services.database.sqlite;
    // Before any pull: the shipped catalog (14 fine laws, no fee type).
    await expectRefused(office, office.operator, 'request.create', requestOf(FEE.revenueCode), 'REVENUE_CODE_UNKNOWN');
    expect(await office.as(office.operator, 'catalog.list', {})).toMatchObject({ version: null, pulledAtMs: null, refusedVersions: [], feeTypes: [] });

    pull({ stream: 'catalog', version: 2, data: { feeTypes: [FEE] } });
    const pulledAtMs = office.clock.nowMs();
    const paid = await office.cashReceipt(requestOf(FEE.revenueCode));
    const unpaid = await office.as(office.operator, 'request.create', requestOf(FEE.revenueCode));
    const listed = await office.as(office.operator, 'catalog.list', {});
    expect(listed).toMatchObject({ version: 2, pulledAtMs, refusedVersions: [], feeTypes: [FEE] });
    expect(listed.fineLaws).toHaveLength(14);

    office.clock.advanceMs(60_000);
    pull({ stream: 'catalog', version: 3, data: { feeTypes: [{ ...FEE, active: false }, OTHER_FEE] } });
    await expectRefused(office, office.operator, 'request.create', requestOf(FEE.revenueCode), 'REVENUE_CODE_UNKNOWN');
    expect((await office.as(office.operator, 'request.create', requestOf(OTHER_FEE.revenueCode, 5_000))).revenueCode).toBe(OTHER_FEE.revenueCode);
    expect(await office.as(office.operator, 'catalog.list', {})).toMatchObject({ version: 3, pulledAtMs: pulledAtMs + 60_000, feeTypes: [{ ...FEE, active: false }, OTHER_FEE] });

    // The receipt issued under version 2 still prints (original, reprint) with its item's name.
    const receipt = loadReceipt(sqlite, paid.book, paid.number);
    expect(receipt.lines.map((l) => [l.revenueCode, l.nameTh])).toEqual([[FEE.revenueCode, FEE.nameTh]]);
    expect(renderReceipt(receipt, { paper: 'A5', copies: { kind: 'reprint', copyNo: 1, atMs: office.clock.nowMs() } }).html).toContain(FEE.nameTh);
    // Its bill slip too, from the catalog in force (inactive fee types are still found) …
    expect(loadBillSlip(sqlite, unpaid.ref1).revenueNameTh).toBe(FEE.nameTh);
    // … and after a version that drops the fee type altogether, from the older version that had it.
    pull({ stream: 'catalog', version: 4, data: { feeTypes: [OTHER_FEE] } });
    expect(loadBillSlip(sqlite, unpaid.ref1).revenueNameTh).toBe(FEE.nameTh);
    // The bill made while the fee type was in force is still receipted (its code was checked when it was made), with the name.
    const late = await office.as(office.operator, 'receipt.issue', { ref1: unpaid.ref1, payment: { method: 'cash' } });
    expect(loadReceipt(sqlite, late.receiptBook, late.receiptNo).lines.map((l) => l.nameTh)).toEqual([FEE.nameTh]);
    const gfmis = await office.as(office.auditor, 'report.table', { name: 'gfmis', date: receipt.businessDate });
    expect(gfmis.table.rows.filter((r) => r.kind === 'item').map((r) => r.cells.name)).toContain(FEE.nameTh);
  });

  it('a stored version that fails validation does not stop the counter: the previous valid one stays in force, and it is logged', async () => {
    const sqlite = office.host.services.database.sqlite;
    pull({ stream: 'catalog', version: 2, data: { feeTypes: [FEE] } });
    // Damaged behind feed-apply's back (feed-apply refuses such data on arrival): unreadable JSON, then data the validator refuses.
    const insert = sqlite.prepare('INSERT INTO central_catalog (version, data_json, cursor, pulled_at_ms) VALUES (?, ?, ?, ?)');
    insert.run(3, '{"feeTypes": [', 90, office.clock.nowMs());
    insert.run(4, JSON.stringify({ feeTypes: [{ ...OTHER_FEE, revenueCode: '80' }] }), 91, office.clock.nowMs());

    expect((await office.as(office.operator, 'request.create', requestOf(FEE.revenueCode))).revenueCode).toBe(FEE.revenueCode);
    await expectRefused(office, office.operator, 'request.create', requestOf(OTHER_FEE.revenueCode, 5_000), 'REVENUE_CODE_UNKNOWN');
    expect(await office.as(office.operator, 'catalog.list', {})).toMatchObject({ version: 2, refusedVersions: [4, 3], feeTypes: [FEE] });
    const warnings = office.logger.lines.filter((l) => l.message === 'catalog.versionRefused');
    expect(warnings.map((l) => [l.level, l.fields.version, l.fields.code, l.fields.inForce])).toEqual([
      ['warn', 4, 'REVENUE_CODE_MALFORMED', 2],
      ['warn', 3, 'CATALOG_INVALID_DATA', 2],
    ]);
    // Logged once, not at every receipt.
    await office.cashReceipt(requestOf(FEE.revenueCode));
    expect(office.logger.lines.filter((l) => l.message === 'catalog.versionRefused')).toHaveLength(2);

    // Every stored version bad: the shipped catalog (the fine laws still work).
    sqlite.prepare('DELETE FROM central_catalog WHERE version = 2').run();
    insert.run(5, 'null', 92, office.clock.nowMs());
    await expectRefused(office, office.operator, 'request.create', requestOf(FEE.revenueCode), 'REVENUE_CODE_UNKNOWN');
    expect((await office.as(office.operator, 'request.create', { ...requestOf('804001', 50_000) })).revenueCode).toBe('804001');
    expect(catalogInForceOf(sqlite)).toMatchObject({ version: null, pulledAtMs: null });
    expect(catalogInForceOf(sqlite).refused.map((r) => r.version)).toEqual([5, 4, 3]);
  });
});

describe('the holiday calendar is the shipped years with the pulled ones over them', () => {
  const withHoliday = (date: string): HolidayYear => ({
    ...SHIPPED_2026,
    holidays: [...SHIPPED_2026.holidays, { date, nameTh: 'วันหยุดราชการเพิ่มเป็นกรณีพิเศษ', nameEn: 'Additional special holiday', estimated: false }].sort((a, b) => (a.date < b.date ? -1 : 1)),
  });

  it('a pulled year with a new holiday moves the remittance deadline to the next business day, and the field hand-over due date', async () => {
    const sqlite = office.host.services.database.sqlite;
    const day = '2026-11-23'; // a Monday; Tuesday 24 November is a business day in the shipped 2569.json
    expect((await office.as(office.auditor, 'remittance.day', { businessDate: day })).deadlineMs).toBe(at0930('2026-11-24'));
    expect(handoverDueDate(officeHolidayCalendar(sqlite), '2026-11-24' as BusinessDate)).toBe('2026-11-24');

    pull({ stream: 'holidays', calendarYear: 2026, data: withHoliday('2026-11-24') });
    expect((await office.as(office.auditor, 'remittance.day', { businessDate: day })).deadlineMs).toBe(at0930('2026-11-25'));
    expect(handoverDueDate(officeHolidayCalendar(sqlite), '2026-11-24' as BusinessDate)).toBe('2026-11-25');
    // The other shipped years stay (2027 from 2570.json), and the shipped calendar alone is unchanged.
    expect(officeHolidayCalendar(sqlite).years).toEqual(shippedHolidayCalendar().years);
    expect(shippedHolidayCalendar().holidayOn('2026-11-24' as BusinessDate)).toBeUndefined();

    // A newer version of the year replaces the pulled one (the extra day moved).
    pull({ stream: 'holidays', calendarYear: 2026, data: withHoliday('2026-11-26') });
    expect((await office.as(office.auditor, 'remittance.day', { businessDate: day })).deadlineMs).toBe(at0930('2026-11-24'));
    expect((await office.as(office.auditor, 'remittance.day', { businessDate: '2026-11-25' })).deadlineMs).toBe(at0930('2026-11-27'));
  });

  it('a pulled year the app does not ship makes its deadlines known; a bad stored year is skipped (the shipped one stays), logged, never the whole calendar', async () => {
    const sqlite = office.host.services.database.sqlite;
    const lateDay = '2028-12-29';
    expect((await office.as(office.auditor, 'remittance.day', { businessDate: lateDay })).deadlineMs).toBeNull();
    const year2028: HolidayYear = { calendarYear: 2028, yearBe: 2571, kind: 'government', source: 'ทดสอบ', holidays: [{ date: '2028-12-29', nameTh: 'วันหยุดทดสอบ', nameEn: 'Test holiday', estimated: true }] };
    const year2029: HolidayYear = { calendarYear: 2029, yearBe: 2572, kind: 'government', source: 'ทดสอบ', holidays: [{ date: '2029-01-01', nameTh: 'วันขึ้นปีใหม่', nameEn: "New Year's Day", estimated: false }] };
    pull({ stream: 'holidays', calendarYear: 2028, data: year2028 }, { stream: 'holidays', calendarYear: 2029, data: year2029 });
    // Thursday 28 Dec 2028: 29 Dec (pulled holiday), the weekend, 1 Jan 2029 (pulled holiday), then Tuesday 2 Jan.
    expect((await office.as(office.auditor, 'remittance.day', { businessDate: '2028-12-28' })).deadlineMs).toBe(at0930('2029-01-02'));

    // Damaged behind feed-apply's back: 2029 unreadable, 2026 with a date of another year.
    sqlite.prepare('UPDATE central_holidays SET data_json = ?, cursor = cursor + 100 WHERE year = 2029').run('{"calendarYear": 20');
    sqlite
      .prepare('INSERT INTO central_holidays (year, data_json, cursor, pulled_at_ms) VALUES (2026, ?, 500, ?)')
      .run(JSON.stringify({ ...SHIPPED_2026, holidays: [{ date: '2027-11-24', nameTh: 'ผิดปี', nameEn: 'Wrong year', estimated: false }] }), office.clock.nowMs());
    const calendar = officeHolidayCalendar(sqlite, office.logger);
    expect(calendar.years).toEqual([...shippedHolidayCalendar().years, 2028].sort());
    expect(calendar.holidayOn('2026-12-07' as BusinessDate)).toEqual(shippedHolidayCalendar().holidayOn('2026-12-07' as BusinessDate));
    expect((await office.as(office.auditor, 'remittance.day', { businessDate: '2026-11-23' })).deadlineMs).toBe(at0930('2026-11-24'));
    expect((await office.as(office.auditor, 'remittance.day', { businessDate: '2028-12-28' })).deadlineMs).toBeNull();
    expect((await office.as(office.auditor, 'remittance.overdue', {})).calendarMissing).toBe(false);
    expect(office.logger.lines.filter((l) => l.message === 'holidays.yearRefused').map((l) => [l.level, l.fields.year, l.fields.code])).toEqual([
      ['warn', 2026, 'HOLIDAYS_DATE_OUTSIDE_YEAR'],
      ['warn', 2029, 'HOLIDAYS_INVALID_DATA'],
    ]);
  });
});

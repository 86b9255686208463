import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listUnkeyedPaperLeaves } from '../../src-main/books/pending';
import { snapshotBusinessTables, T0_MS } from '../helpers/office';
import { BOOK, HOUR_MS, TODAY, expectRefusedUnchanged, makeBooksOffice, type BooksOffice } from './books-helpers';

let office: BooksOffice;
beforeEach(async () => {
  office = await makeBooksOffice();
  await office.registerBook();
});
afterEach(() => office.close());

const sqlite = () => office.host.services.database.sqlite;

describe('the outage log', () => {
  it('records start (before it is recorded), end, cause and who reported, as ledger entries', async () => {
    office.clock.setMs(T0_MS + 3 * HOUR_MS);
    const { outageId, startedAtMs } = await office.as(office.operator, 'outage.start', { cause: 'ไฟฟ้าดับ', startedAtMs: T0_MS });
    expect(startedAtMs).toBe(T0_MS);
    await office.as(office.supervisor, 'outage.end', { outageId, endedAtMs: T0_MS + 2 * HOUR_MS, note: 'ไฟกลับมา', writtenLeaves: [] });
    const { outages } = await office.as(office.auditor, 'outage.list', {});
    expect(outages).toEqual([{ outageId, startedAtMs: T0_MS, endedAtMs: T0_MS + 2 * HOUR_MS, cause: 'ไฟฟ้าดับ', reportedByUsername: 'operator', note: 'ไฟกลับมา' }]);
    const kinds = sqlite().prepare(`SELECT kind FROM ledger_entries WHERE kind LIKE 'outage.%' ORDER BY seq`).all();
    expect(kinds).toEqual([{ kind: 'outage.started' }, { kind: 'outage.ended' }]);
    await expectRefusedUnchanged(office, office.auditor, 'outage.start', { cause: 'ทดสอบ' }, 'FORBIDDEN');
  });

  it('refuses a start or an end in the future (TIME_IN_FUTURE), a second open outage (OUTAGE_ALREADY_OPEN), an end before the start (OUTAGE_END_BEFORE_START) and a second end (OUTAGE_ALREADY_ENDED)', async () => {
    await expectRefusedUnchanged(office, office.operator, 'outage.start', { cause: 'ไฟฟ้าดับ', startedAtMs: T0_MS + 1 }, 'TIME_IN_FUTURE');
    const { outageId } = await office.as(office.operator, 'outage.start', { cause: 'ไฟฟ้าดับ' });
    await expectRefusedUnchanged(office, office.operator, 'outage.start', { cause: 'อีกครั้ง' }, 'OUTAGE_ALREADY_OPEN');
    await expectRefusedUnchanged(office, office.operator, 'outage.end', { outageId, endedAtMs: T0_MS - 1, writtenLeaves: [] }, 'OUTAGE_END_BEFORE_START');
    await expectRefusedUnchanged(office, office.operator, 'outage.end', { outageId, endedAtMs: T0_MS + HOUR_MS, writtenLeaves: [] }, 'TIME_IN_FUTURE');
    await expectRefusedUnchanged(office, office.operator, 'outage.end', { outageId: '01NOSUCH', writtenLeaves: [] }, 'NOT_FOUND');
    await office.as(office.operator, 'outage.end', { outageId, writtenLeaves: [] });
    await expectRefusedUnchanged(office, office.operator, 'outage.end', { outageId, writtenLeaves: [] }, 'OUTAGE_ALREADY_ENDED');
  });

  it('at the end records the leaves written on paper; those without a keyed receipt are pending for the day close', async () => {
    const outageId = await office.pastOutage([{ bookNo: BOOK, firstLeaf: 1, lastLeaf: 4, businessDate: TODAY }]);
    expect(listUnkeyedPaperLeaves(sqlite(), TODAY)).toEqual([1, 2, 3, 4].map((leaf) => ({ book: BOOK, leaf, outageId, fieldOrderId: null })));
    expect(listUnkeyedPaperLeaves(sqlite(), '2026-11-22')).toEqual([]);
    await office.as(office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 2 }));
    await office.as(office.operator, 'book.markLeaf', { bookNo: BOOK, leaf: 4, kind: 'spoiled', reasonText: 'เขียนผิด' });
    expect(listUnkeyedPaperLeaves(sqlite(), TODAY).map((l) => l.leaf)).toEqual([1, 3]);
    expect((await office.as(office.auditor, 'ledger.verify', {})).problems).toEqual([]);
  });

  it('ending an outage with leaves it cannot record changes nothing at all (the end is refused with the range)', async () => {
    office.clock.setMs(T0_MS + 3 * HOUR_MS);
    const { outageId } = await office.as(office.operator, 'outage.start', { cause: 'ไฟฟ้าดับ', startedAtMs: T0_MS });
    const ok = { bookNo: BOOK, firstLeaf: 1, lastLeaf: 2, businessDate: TODAY };
    await expectRefusedUnchanged(office, office.operator, 'outage.end', { outageId, writtenLeaves: [ok, { ...ok, firstLeaf: 3, lastLeaf: 3, businessDate: '2026-11-20' }] }, 'PAPER_DATE_OUTSIDE_OUTAGE');
    await expectRefusedUnchanged(office, office.operator, 'outage.end', { outageId, writtenLeaves: [ok, { ...ok, firstLeaf: 2, lastLeaf: 5 }] }, 'LEAF_ALREADY_RECORDED');
    await expectRefusedUnchanged(office, office.operator, 'outage.end', { outageId, writtenLeaves: [{ ...ok, lastLeaf: 60 }] }, 'LEAF_OUT_OF_RANGE');
    await office.as(office.finance, 'book.register', { bookNo: 'P70-002', firstLeaf: 1, lastLeaf: 5, fiscalYearBe: 2570 });
    await expectRefusedUnchanged(office, office.operator, 'outage.end', { outageId, writtenLeaves: [{ ...ok, bookNo: 'P70-002' }] }, 'BOOK_NOT_ASSIGNED');
    expect(office.count('outage_ends')).toBe(0);
    const before = snapshotBusinessTables(office);
    await office.as(office.operator, 'outage.end', { outageId, writtenLeaves: [ok] });
    expect(snapshotBusinessTables(office)).not.toBe(before);
    expect(office.count('paper_leaf_ranges')).toBe(1);
  });

  it('leaves may also be recorded after the end (paperLeaves.record), once', async () => {
    const outageId = await office.pastOutage();
    const { rangeIds } = await office.as(office.operator, 'paperLeaves.record', { outageId, ranges: [{ bookNo: BOOK, firstLeaf: 10, lastLeaf: 12, businessDate: TODAY }] });
    expect(rangeIds).toHaveLength(1);
    await expectRefusedUnchanged(office, office.operator, 'paperLeaves.record', { outageId, ranges: [{ bookNo: BOOK, firstLeaf: 12, lastLeaf: 12, businessDate: TODAY }] }, 'LEAF_ALREADY_RECORDED');
    expect(listUnkeyedPaperLeaves(sqlite(), TODAY).map((l) => l.leaf)).toEqual([10, 11, 12]);
  });
});

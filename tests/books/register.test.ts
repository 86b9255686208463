import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOK, expectRefusedUnchanged, makeBooksOffice, type BooksOffice } from './books-helpers';

let office: BooksOffice;
beforeEach(async () => {
  office = await makeBooksOffice();
});
afterEach(() => office.close());

const sqlite = () => office.host.services.database.sqlite;

describe('the receipt book register', () => {
  it('registers a book with its leaf range and fiscal year, every leaf unused and the book unassigned', async () => {
    await office.as(office.finance, 'book.register', { bookNo: BOOK, firstLeaf: 1, lastLeaf: 50, fiscalYearBe: 2570 });
    const { books } = await office.as(office.auditor, 'book.list', {});
    expect(books).toEqual([
      expect.objectContaining({ bookNo: BOOK, firstLeaf: 1, lastLeaf: 50, fiscalYearBe: 2570, isClosed: false, holder: null, counts: { unused: 50, issued: 0, spoiled: 0, cancelled: 0 } }),
    ]);
    expect(office.count('ledger_entries')).toBeGreaterThan(0);
    expect((sqlite().prepare(`SELECT kind FROM ledger_entries ORDER BY seq DESC LIMIT 1`).get() as { kind: string }).kind).toBe('book.registered');
  });

  it('only finance or an administrator registers, assigns and closes books (role checked in main)', async () => {
    await expectRefusedUnchanged(office, office.operator, 'book.register', { bookNo: BOOK, firstLeaf: 1, lastLeaf: 50, fiscalYearBe: 2570 }, 'FORBIDDEN');
    await office.as(office.admin, 'book.register', { bookNo: BOOK, firstLeaf: 1, lastLeaf: 50, fiscalYearBe: 2570 });
    await expectRefusedUnchanged(office, office.supervisor, 'book.assign', { bookNo: BOOK, holder: { kind: 'office' } }, 'FORBIDDEN');
    await expectRefusedUnchanged(office, office.head, 'book.close', { bookNo: BOOK }, 'FORBIDDEN');
  });

  it('refuses a book number registered twice (BOOK_EXISTS) and a range over 1,000 leaves or backwards (BOOK_RANGE_INVALID)', async () => {
    await office.registerBook();
    await expectRefusedUnchanged(office, office.finance, 'book.register', { bookNo: BOOK, firstLeaf: 51, lastLeaf: 100, fiscalYearBe: 2570 }, 'BOOK_EXISTS');
    await expectRefusedUnchanged(office, office.finance, 'book.register', { bookNo: 'P70-002', firstLeaf: 1, lastLeaf: 1001, fiscalYearBe: 2570 }, 'BOOK_RANGE_INVALID');
    await expectRefusedUnchanged(office, office.finance, 'book.register', { bookNo: 'P70-002', firstLeaf: 50, lastLeaf: 1, fiscalYearBe: 2570 }, 'BOOK_RANGE_INVALID');
  });

  it('an assignment is a ledger event; a re-assignment is a new event and the newest holds', async () => {
    await office.registerBook();
    await office.as(office.finance, 'book.assign', { bookNo: BOOK, holder: { kind: 'terminal', terminalSlot: 2 } });
    await office.as(office.finance, 'book.assign', { bookNo: BOOK, holder: { kind: 'officer', username: 'operator' } });
    const rows = sqlite().prepare(`SELECT holder_kind AS kind FROM receipt_book_assignments ORDER BY entry_seq`).all();
    expect(rows).toEqual([{ kind: 'office' }, { kind: 'terminal' }, { kind: 'officer' }]);
    const { books } = await office.as(office.operator, 'book.list', {});
    expect(books[0]?.holder).toEqual({ kind: 'officer', terminalSlot: null, username: 'operator' });
    await expectRefusedUnchanged(office, office.finance, 'book.assign', { bookNo: BOOK, holder: { kind: 'officer', username: 'nobody' } }, 'NOT_FOUND');
    await expectRefusedUnchanged(office, office.finance, 'book.assign', { bookNo: 'P70-404', holder: { kind: 'office' } }, 'NOT_FOUND');
  });

  it('spoiling or cancelling a leaf is an event with the user and the reason; nothing is updated, and a leaf is marked once', async () => {
    await office.registerBook();
    await office.as(office.operator, 'book.markLeaf', { bookNo: BOOK, leaf: 3, kind: 'spoiled', reasonText: 'เขียนผิด' });
    await office.as(office.operator, 'book.markLeaf', { bookNo: BOOK, leaf: 4, kind: 'cancelled', reasonText: 'ผู้ชำระขอยกเลิก' });
    const events = sqlite().prepare(`SELECT e.leaf, e.kind, e.reason_text AS reason, u.username FROM receipt_leaf_events e JOIN users u ON u.id = e.user_id ORDER BY e.leaf`).all();
    expect(events).toEqual([
      { leaf: 3, kind: 'spoiled', reason: 'เขียนผิด', username: 'operator' },
      { leaf: 4, kind: 'cancelled', reason: 'ผู้ชำระขอยกเลิก', username: 'operator' },
    ]);
    await expectRefusedUnchanged(office, office.operator, 'book.markLeaf', { bookNo: BOOK, leaf: 3, kind: 'cancelled', reasonText: 'ซ้ำ' }, 'LEAF_NOT_UNUSED');
    await expectRefusedUnchanged(office, office.operator, 'book.markLeaf', { bookNo: BOOK, leaf: 51, kind: 'spoiled', reasonText: 'ไม่มี' }, 'LEAF_OUT_OF_RANGE');
    const { leaves } = await office.as(office.auditor, 'book.leaves', { bookNo: BOOK });
    expect(leaves.slice(1, 5)).toEqual([
      { leaf: 2, state: 'unused' },
      { leaf: 3, state: 'spoiled' },
      { leaf: 4, state: 'cancelled' },
      { leaf: 5, state: 'unused' },
    ]);
    expect(() => sqlite().prepare(`UPDATE receipt_leaf_events SET kind = 'spoiled'`).run()).toThrow(/append-only: receipt_leaf_events rows are never updated/);
    expect(() => sqlite().prepare(`DELETE FROM receipt_books`).run()).toThrow(/append-only: receipt_books rows are never deleted/);
  });

  it('a book closes only when every leaf is accounted for; the refusal lists the unused leaves', async () => {
    await office.as(office.finance, 'book.register', { bookNo: 'P70-009', firstLeaf: 11, lastLeaf: 15, fiscalYearBe: 2570 });
    await office.as(office.finance, 'book.markLeaf', { bookNo: 'P70-009', leaf: 12, kind: 'spoiled', reasonText: 'หมึกเลอะ' });
    const message = await expectRefusedUnchanged(office, office.finance, 'book.close', { bookNo: 'P70-009' }, 'BOOK_HAS_UNUSED_LEAVES');
    expect(message).toContain('4 unused leaves: 11, 13–15');
    for (const leaf of [11, 13, 14, 15]) await office.as(office.finance, 'book.markLeaf', { bookNo: 'P70-009', leaf, kind: 'spoiled', reasonText: 'ชำรุด' });
    await office.as(office.finance, 'book.close', { bookNo: 'P70-009' });
    const { books } = await office.as(office.auditor, 'book.list', {});
    expect(books[0]).toMatchObject({ bookNo: 'P70-009', isClosed: true, counts: { unused: 0, issued: 0, spoiled: 5, cancelled: 0 } });
    await expectRefusedUnchanged(office, office.finance, 'book.close', { bookNo: 'P70-009' }, 'BOOK_CLOSED');
    await expectRefusedUnchanged(office, office.finance, 'book.assign', { bookNo: 'P70-009', holder: { kind: 'office' } }, 'BOOK_CLOSED');
  });

  it('keeps the chain whole: ledger verify finds no problem after register, assign, spoil and close', async () => {
    await office.as(office.finance, 'book.register', { bookNo: 'P70-010', firstLeaf: 1, lastLeaf: 2, fiscalYearBe: 2570 });
    await office.as(office.finance, 'book.assign', { bookNo: 'P70-010', holder: { kind: 'terminal', terminalSlot: 1 } });
    await office.as(office.operator, 'book.markLeaf', { bookNo: 'P70-010', leaf: 1, kind: 'spoiled', reasonText: 'ชำรุด' });
    await office.as(office.operator, 'book.markLeaf', { bookNo: 'P70-010', leaf: 2, kind: 'cancelled', reasonText: 'ยกเลิก' });
    await office.as(office.finance, 'book.close', { bookNo: 'P70-010' });
    const report = await office.as(office.auditor, 'ledger.verify', {});
    expect(report.problems).toEqual([]);
  });
});

describe('who marks a leaf', () => {
  it('an operator marks only leaves of a book held by the office, this terminal or themselves (BOOK_NOT_ASSIGNED); finance and the supervisor any', async () => {
    await office.registerBook(BOOK, { kind: 'officer', username: 'finance' });
    await expectRefusedUnchanged(office, office.operator, 'book.markLeaf', { bookNo: BOOK, leaf: 1, kind: 'spoiled', reasonText: 'เขียนผิด' }, 'BOOK_NOT_ASSIGNED');
    await office.as(office.supervisor, 'book.markLeaf', { bookNo: BOOK, leaf: 1, kind: 'spoiled', reasonText: 'เขียนผิด' });
    await office.as(office.finance, 'book.markLeaf', { bookNo: BOOK, leaf: 2, kind: 'cancelled', reasonText: 'ยกเลิก' });
    await office.as(office.finance, 'book.assign', { bookNo: BOOK, holder: { kind: 'officer', username: 'operator' } });
    await office.as(office.operator, 'book.markLeaf', { bookNo: BOOK, leaf: 3, kind: 'spoiled', reasonText: 'ชำรุด' });
    await expectRefusedUnchanged(office, office.auditor, 'book.markLeaf', { bookNo: BOOK, leaf: 4, kind: 'spoiled', reasonText: 'ชำรุด' }, 'FORBIDDEN');
  });
});

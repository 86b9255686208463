import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyFeedPage, checkFeedPage } from '../../src-main/sync/feed-apply';
import type { FeedItem } from '../../src-shared/sync';
import { T0_MS } from '../helpers/office';
import { DAY_MS, expectRefusedUnchanged, makeBooksOffice, type BooksOffice } from './books-helpers';

/**
 * Paper books central assigned (issue 11) beside the local register: the feed's `book` items are
 * applied the way a pull applies them (`checkFeedPage` + `applyFeedPage` in one transaction), the
 * list says each one's state, and "register as central assigned it" goes through the one
 * registration path with every refusal and nothing changed. This terminal is slot 1.
 */
let office: BooksOffice;
let cursor = 0;
beforeEach(async () => {
  office = await makeBooksOffice();
  cursor = 0;
});
afterEach(() => office.close());

const sqlite = () => office.host.services.database.sqlite;

function pullBooks(...books: { bookNo: string; firstLeaf: number; lastLeaf: number; terminalSlot: number | null; assignedAtMs?: number }[]): void {
  const items: FeedItem[] = books.map((b) => {
    cursor += 1;
    return { cursor, body: { stream: 'book', assignedAtMs: T0_MS - DAY_MS, ...b } };
  });
  const deps = { sqlite: sqlite(), clock: office.clock, machineId: office.host.services.machineId };
  checkFeedPage(items);
  sqlite().transaction(() => applyFeedPage(deps, items))();
}

describe('books central assigned, beside the local register', () => {
  it('lists this terminal’s and the whole office’s books with their state; another terminal’s only when registered here; local books central does not know are flagged', async () => {
    pullBooks(
      { bookNo: 'P70-001', firstLeaf: 1, lastLeaf: 50, terminalSlot: null },
      { bookNo: 'P70-002', firstLeaf: 1, lastLeaf: 50, terminalSlot: 1 },
      { bookNo: 'P70-003', firstLeaf: 1, lastLeaf: 100, terminalSlot: 1 },
      { bookNo: 'P70-004', firstLeaf: 1, lastLeaf: 50, terminalSlot: 2 },
      { bookNo: 'P70-005', firstLeaf: 1, lastLeaf: 50, terminalSlot: 3 },
    );
    // Registered offline before central's list came: the same range, a different range, another terminal's, and one central never heard of.
    await office.registerBook('P70-002');
    await office.registerBook('P70-003');
    await office.registerBook('P70-004');
    await office.registerBook('P70-900');

    const list = await office.as(office.auditor, 'book.centralList', {});
    expect(list.terminalSlot).toBe(1);
    expect(list.isEnrolled).toBe(false);
    expect(list.assignments.map((a) => [a.bookNo, a.terminalSlot, a.state, a.local === null ? null : `${a.local.firstLeaf}–${a.local.lastLeaf}`, `${a.firstLeaf}–${a.lastLeaf}`])).toEqual([
      ['P70-001', null, 'not-registered', null, '1–50'],
      ['P70-002', 1, 'registered', '1–50', '1–50'],
      ['P70-003', 1, 'range-differs', '1–50', '1–100'],
    ]);
    expect(list.assignments[0]).toMatchObject({ assignedAtMs: T0_MS - DAY_MS, pulledAtMs: T0_MS });
    expect(list.localOnly).toEqual([
      { bookNo: 'P70-004', firstLeaf: 1, lastLeaf: 50, isClosed: false, state: 'other-terminal', central: { firstLeaf: 1, lastLeaf: 50, terminalSlot: 2 } },
      { bookNo: 'P70-900', firstLeaf: 1, lastLeaf: 50, isClosed: false, state: 'unknown-to-central', central: null },
    ]);
    // Flagged, not blocked: a book central does not know is still used here (offline registration keeps working).
    await office.as(office.operator, 'book.markLeaf', { bookNo: 'P70-900', leaf: 1, kind: 'spoiled', reasonText: 'เขียนผิด' });
  });

  it('a newer pull of the same book replaces central’s range: the state follows it', async () => {
    pullBooks({ bookNo: 'P70-001', firstLeaf: 1, lastLeaf: 40, terminalSlot: null });
    await office.registerBook('P70-001');
    expect((await office.as(office.operator, 'book.centralList', {})).assignments.map((a) => a.state)).toEqual(['range-differs']);
    pullBooks({ bookNo: 'P70-001', firstLeaf: 1, lastLeaf: 50, terminalSlot: 1 });
    const { assignments, localOnly } = await office.as(office.operator, 'book.centralList', {});
    expect(assignments.map((a) => [a.state, a.terminalSlot])).toEqual([['registered', 1]]);
    expect(localOnly).toEqual([]);
  });

  it('registers a book with central’s range and fiscal year, held as central said, in two ledger entries; then it is "registered"', async () => {
    // Assigned by central on 30 Sep 2026 (fiscal year 2569) and on 1 Oct 2026 (2570), Bangkok time.
    pullBooks(
      { bookNo: 'P69-777', firstLeaf: 101, lastLeaf: 150, terminalSlot: null, assignedAtMs: Date.UTC(2026, 8, 30, 16, 0) },
      { bookNo: 'P70-002', firstLeaf: 1, lastLeaf: 25, terminalSlot: 1, assignedAtMs: Date.UTC(2026, 8, 30, 17, 0) },
    );
    const seqBefore = office.count('ledger_entries');
    const office1 = await office.as(office.finance, 'book.registerFromCentral', { bookNo: 'P69-777' });
    expect(office1).toMatchObject({ bookNo: 'P69-777', firstLeaf: 101, lastLeaf: 150, fiscalYearBe: 2569, terminalSlot: null });
    const mine = await office.as(office.admin, 'book.registerFromCentral', { bookNo: 'P70-002' });
    expect(mine).toMatchObject({ bookNo: 'P70-002', firstLeaf: 1, lastLeaf: 25, fiscalYearBe: 2570, terminalSlot: 1 });
    expect(sqlite().prepare('SELECT kind FROM ledger_entries WHERE seq > ? ORDER BY seq').all(seqBefore)).toEqual([
      { kind: 'book.registered' },
      { kind: 'book.assigned' },
      { kind: 'book.registered' },
      { kind: 'book.assigned' },
    ]);
    const { books } = await office.as(office.auditor, 'book.list', {});
    expect(books.map((b) => [b.bookNo, b.firstLeaf, b.lastLeaf, b.fiscalYearBe, b.holder])).toEqual([
      ['P70-002', 1, 25, 2570, { kind: 'terminal', terminalSlot: 1, username: null }],
      ['P69-777', 101, 150, 2569, { kind: 'office', terminalSlot: null, username: null }],
    ]);
    expect((await office.as(office.auditor, 'book.centralList', {})).assignments.map((a) => a.state)).toEqual(['registered', 'registered']);
  });

  it('refuses with each existing code and changes nothing: registered already, a range over 1,000 leaves, another terminal’s, unknown, an electronic book number', async () => {
    pullBooks(
      { bookNo: 'P70-001', firstLeaf: 1, lastLeaf: 50, terminalSlot: null },
      { bookNo: 'P70-BIG', firstLeaf: 1, lastLeaf: 1001, terminalSlot: 1 },
      { bookNo: 'P70-004', firstLeaf: 1, lastLeaf: 50, terminalSlot: 2 },
      { bookNo: 'E70-5401-1', firstLeaf: 1, lastLeaf: 50, terminalSlot: null },
    );
    await office.as(office.finance, 'book.register', { bookNo: 'P70-001', firstLeaf: 1, lastLeaf: 40, fiscalYearBe: 2570 });
    await expectRefusedUnchanged(office, office.finance, 'book.registerFromCentral', { bookNo: 'P70-001' }, 'BOOK_EXISTS');
    await expectRefusedUnchanged(office, office.finance, 'book.registerFromCentral', { bookNo: 'P70-BIG' }, 'BOOK_RANGE_INVALID');
    await expectRefusedUnchanged(office, office.finance, 'book.registerFromCentral', { bookNo: 'P70-004' }, 'BOOK_NOT_ASSIGNED');
    await expectRefusedUnchanged(office, office.finance, 'book.registerFromCentral', { bookNo: 'P70-404' }, 'NOT_FOUND');
    await expectRefusedUnchanged(office, office.finance, 'book.registerFromCentral', { bookNo: 'E70-5401-1' }, 'BAD_INPUT');
  });

  it('only finance or an administrator registers from central (role checked in main); every role may read the list', async () => {
    pullBooks({ bookNo: 'P70-001', firstLeaf: 1, lastLeaf: 50, terminalSlot: null });
    for (const who of [office.operator, office.supervisor, office.head, office.auditor]) {
      await expectRefusedUnchanged(office, who, 'book.registerFromCentral', { bookNo: 'P70-001' }, 'FORBIDDEN');
    }
    for (const who of [office.operator, office.supervisor, office.finance, office.head, office.auditor, office.admin]) {
      expect((await office.as(who, 'book.centralList', {})).assignments).toHaveLength(1);
    }
  });
});

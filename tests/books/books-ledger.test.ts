import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src-main/ledger/verify';
import { BOOK, TODAY, makeBooksOffice, type BooksOffice } from './books-helpers';

const BOOK_TABLES = [
  'receipt_books',
  'receipt_book_assignments',
  'receipt_leaf_events',
  'receipt_book_closures',
  'outages',
  'outage_ends',
  'field_orders',
  'paper_leaf_ranges',
  'paper_receipt_keyings',
  'field_handovers',
];

let office: BooksOffice;
let outageId: string;
beforeEach(async () => {
  office = await makeBooksOffice();
  await office.registerBook();
  outageId = await office.pastOutage([{ bookNo: BOOK, firstLeaf: 1, lastLeaf: 2, businessDate: TODAY }]);
  await office.as(office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 2 }));
  // One row in every books table, so that the triggers have something to refuse.
  await office.as(office.finance, 'book.register', { bookNo: 'P70-002', firstLeaf: 1, lastLeaf: 1, fiscalYearBe: 2570 });
  await office.as(office.finance, 'book.markLeaf', { bookNo: 'P70-002', leaf: 1, kind: 'spoiled', reasonText: 'ชำรุด' });
  await office.as(office.finance, 'book.close', { bookNo: 'P70-002' });
  await office.registerBook('P70-003', { kind: 'officer', username: 'operator' });
  const { orderId } = await office.as(office.head, 'field.order', { orderNo: '1/2570', officerUsername: 'operator', placeText: 'ตลาด', fromDate: TODAY, toDate: TODAY, leaves: [{ bookNo: 'P70-003', firstLeaf: 1, lastLeaf: 5 }] });
  await office.as(office.finance, 'field.handover', { orderId, countedSatang: 0 });
});
afterEach(() => office.close());

const sqlite = () => office.host.services.database.sqlite;

describe('the books tables are ledger tables (docs/decisions/0003)', () => {
  it.each(BOOK_TABLES)("%s defers only its entry_seq key to commit (a row is written before its entry)", (table) => {
    const create = (sqlite().prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as { sql: string }).sql;
    expect(create).toContain('REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action DEFERRABLE INITIALLY DEFERRED');
    expect(create.match(/DEFERRABLE/g)).toHaveLength(1);
  });

  it.each(BOOK_TABLES)('%s refuses updates and deletes (append-only triggers)', (table) => {
    expect(() => sqlite().prepare(`UPDATE ${table} SET id = id`).run()).toThrow(new RegExp(`append-only: ${table} rows are never updated`));
    expect(() => sqlite().prepare(`DELETE FROM ${table}`).run()).toThrow(new RegExp(`append-only: ${table} rows are never deleted`));
  });

  it('a keyed paper receipt is one entry carrying its receipts row and its keying row; verify is clean', () => {
    const entry = sqlite().prepare(`SELECT seq, payload FROM ledger_entries WHERE kind = 'receipt.keyed'`).get() as { seq: number; payload: string | null };
    expect(entry.payload).toBeNull();
    expect(sqlite().prepare(`SELECT count(*) AS n FROM receipts WHERE entry_seq = ?`).get(entry.seq)).toEqual({ n: 1 });
    expect(sqlite().prepare(`SELECT count(*) AS n FROM paper_receipt_keyings WHERE entry_seq = ?`).get(entry.seq)).toEqual({ n: 1 });
    expect(verifyLedger(sqlite()).problems).toEqual([]);
  });

  it('a keying row or a book row altered behind the triggers\' back breaks the chain at its entry', () => {
    sqlite().prepare('DROP TRIGGER paper_receipt_keyings_no_update').run();
    sqlite().prepare(`UPDATE paper_receipt_keyings SET keyed_by_user_id = 'someone-else'`).run();
    const keyedSeq = (sqlite().prepare(`SELECT seq FROM ledger_entries WHERE kind = 'receipt.keyed'`).get() as { seq: number }).seq;
    expect(verifyLedger(sqlite()).problems[0]).toMatchObject({ seq: keyedSeq, rule: 'hash-chain' });
  });

  it('a book row deleted behind the triggers\' back is found missing', () => {
    sqlite().pragma('foreign_keys = OFF');
    sqlite().prepare('DROP TRIGGER receipt_books_no_delete').run();
    sqlite().prepare(`DELETE FROM receipt_books WHERE book_no = ?`).run(BOOK);
    const rules = verifyLedger(sqlite()).problems.map((p) => p.rule);
    expect(rules).toContain('rows-match-entries');
  });
});

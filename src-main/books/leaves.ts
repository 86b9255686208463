import type Database from 'better-sqlite3';
import { CodedError } from '../../src-shared/result';
import { prepared } from '../ledger/statements';

/** The four states of a paper leaf (issue 8). `issued` = a keyed receipt in force; `cancelled` = a keyed receipt cancelled, or a leaf cancelled on paper. */
export type LeafState = 'unused' | 'issued' | 'spoiled' | 'cancelled';

export type HolderKind = 'office' | 'terminal' | 'officer';

export interface BookHolder {
  readonly kind: HolderKind;
  readonly terminalSlot: number | null;
  readonly userId: string | null;
  readonly username: string | null;
}

export interface BookRecord {
  readonly bookId: string;
  readonly bookNo: string;
  readonly firstLeaf: number;
  readonly lastLeaf: number;
  readonly fiscalYearBe: number;
  readonly isClosed: boolean;
  /** The newest assignment, or null when the book was never assigned. */
  readonly holder: BookHolder | null;
}

interface BookRow {
  bookId: string;
  bookNo: string;
  firstLeaf: number;
  lastLeaf: number;
  fiscalYearBe: number;
  isClosed: number;
  holderKind: HolderKind | null;
  holderTerminalSlot: number | null;
  holderUserId: string | null;
  holderUsername: string | null;
}

const BOOK_SQL = `
  SELECT b.id AS bookId, b.book_no AS bookNo, b.first_leaf AS firstLeaf, b.last_leaf AS lastLeaf, b.fiscal_year_be AS fiscalYearBe,
         EXISTS (SELECT 1 FROM receipt_book_closures c WHERE c.book_id = b.id) AS isClosed,
         a.holder_kind AS holderKind, a.holder_terminal_slot AS holderTerminalSlot, a.holder_user_id AS holderUserId, u.username AS holderUsername
  FROM receipt_books b
  LEFT JOIN receipt_book_assignments a ON a.id = (SELECT a2.id FROM receipt_book_assignments a2 WHERE a2.book_id = b.id ORDER BY a2.entry_seq DESC LIMIT 1)
  LEFT JOIN users u ON u.id = a.holder_user_id`;

function toRecord(row: BookRow): BookRecord {
  return {
    bookId: row.bookId,
    bookNo: row.bookNo,
    firstLeaf: row.firstLeaf,
    lastLeaf: row.lastLeaf,
    fiscalYearBe: row.fiscalYearBe,
    isClosed: row.isClosed === 1,
    holder: row.holderKind === null ? null : { kind: row.holderKind, terminalSlot: row.holderTerminalSlot, userId: row.holderUserId, username: row.holderUsername },
  };
}

export function findBook(sqlite: Database.Database, bookNo: string): BookRecord | undefined {
  const row = prepared(sqlite, `${BOOK_SQL} WHERE b.book_no = ?`).get(bookNo) as BookRow | undefined;
  return row === undefined ? undefined : toRecord(row);
}

export function requireBook(sqlite: Database.Database, bookNo: string): BookRecord {
  const book = findBook(sqlite, bookNo);
  if (book === undefined) throw new CodedError('NOT_FOUND', `No paper receipt book ${bookNo} is registered on this terminal`);
  return book;
}

export function allBooks(sqlite: Database.Database): BookRecord[] {
  return (prepared(sqlite, `${BOOK_SQL} ORDER BY b.fiscal_year_be DESC, b.book_no`).all() as BookRow[]).map(toRecord);
}

/** The used leaves of a book and their state (a leaf not listed is unused). */
export function usedLeaves(sqlite: Database.Database, book: Pick<BookRecord, 'bookId' | 'bookNo'>): Map<number, Exclude<LeafState, 'unused'>> {
  const rows = prepared(
    sqlite,
    `SELECT rc.number AS leaf,
            CASE WHEN EXISTS (SELECT 1 FROM receipt_events e WHERE e.receipt_id = rc.id AND e.kind = 'cancelled') THEN 'cancelled' ELSE 'issued' END AS state
     FROM receipts rc WHERE rc.book = @bookNo AND rc.is_paper = 1
     UNION ALL
     SELECT leaf, kind AS state FROM receipt_leaf_events WHERE book_id = @bookId`,
  ).all({ bookNo: book.bookNo, bookId: book.bookId }) as { leaf: number; state: Exclude<LeafState, 'unused'> }[];
  return new Map(rows.map((r) => [r.leaf, r.state]));
}

export function leafStateOf(sqlite: Database.Database, book: Pick<BookRecord, 'bookId' | 'bookNo'>, leaf: number): LeafState {
  return usedLeaves(sqlite, book).get(leaf) ?? 'unused';
}

export interface LeafCounts {
  readonly unused: number;
  readonly issued: number;
  readonly spoiled: number;
  readonly cancelled: number;
}

export function leafCounts(book: BookRecord, used: ReadonlyMap<number, LeafState>): LeafCounts {
  const counts = { unused: book.lastLeaf - book.firstLeaf + 1, issued: 0, spoiled: 0, cancelled: 0 };
  for (const state of used.values()) {
    if (state === 'unused') continue;
    counts[state] += 1;
    counts.unused -= 1;
  }
  return counts;
}

/** The unused leaves of a book, ascending. */
export function unusedLeavesOf(book: BookRecord, used: ReadonlyMap<number, LeafState>): number[] {
  const unused: number[] = [];
  for (let leaf = book.firstLeaf; leaf <= book.lastLeaf; leaf += 1) if (!used.has(leaf)) unused.push(leaf);
  return unused;
}

/** "3, 5–9, 12": leaves written as ranges, for messages and reports. */
export function describeLeaves(leaves: readonly number[]): string {
  const parts: string[] = [];
  let start: number | undefined;
  let previous: number | undefined;
  const flush = (): void => {
    if (start === undefined || previous === undefined) return;
    parts.push(start === previous ? String(start) : `${start}–${previous}`);
  };
  for (const leaf of leaves) {
    if (previous !== undefined && leaf === previous + 1) {
      previous = leaf;
      continue;
    }
    flush();
    start = leaf;
    previous = leaf;
  }
  flush();
  return parts.join(', ');
}

export function requireLeafInBook(book: BookRecord, leaf: number): void {
  if (leaf < book.firstLeaf || leaf > book.lastLeaf) {
    throw new CodedError('LEAF_OUT_OF_RANGE', `Leaf ${leaf} is not in book ${book.bookNo} (leaves ${book.firstLeaf}–${book.lastLeaf})`);
  }
}

/** The book is held by this office, this terminal or this user (BOOK_NOT_ASSIGNED otherwise). */
export function requireHeldHere(book: BookRecord, terminalSlot: number, userId: string): void {
  const holder = book.holder;
  const allowed =
    holder !== null && (holder.kind === 'office' || (holder.kind === 'terminal' && holder.terminalSlot === terminalSlot) || (holder.kind === 'officer' && holder.userId === userId));
  if (!allowed) {
    const held = holder === null ? 'is not assigned to anyone' : holder.kind === 'terminal' ? `is assigned to terminal ${holder.terminalSlot}` : `is assigned to officer ${holder.username ?? holder.userId}`;
    throw new CodedError('BOOK_NOT_ASSIGNED', `Book ${book.bookNo} ${held}; it is not assigned to this office, this terminal (${terminalSlot}) or you`);
  }
}

export function requireOpenBook(book: BookRecord): void {
  if (book.isClosed) throw new CodedError('BOOK_CLOSED', `Book ${book.bookNo} is closed; its leaves are no longer used`);
}

/** A leaf that is still unused: keyed already (a duplicate) and spoiled/cancelled are refused with their own codes. */
export function requireUnusedLeaf(sqlite: Database.Database, book: BookRecord, leaf: number): void {
  const state = leafStateOf(sqlite, book, leaf);
  if (state === 'issued' || (state === 'cancelled' && hasReceipt(sqlite, book.bookNo, leaf))) {
    throw new CodedError('LEAF_ALREADY_KEYED', `Leaf ${book.bookNo}/${leaf} already has a keyed receipt; a leaf is keyed once`);
  }
  if (state !== 'unused') throw new CodedError('LEAF_NOT_UNUSED', `Leaf ${book.bookNo}/${leaf} is ${state}; only an unused leaf can be used`);
}

function hasReceipt(sqlite: Database.Database, bookNo: string, leaf: number): boolean {
  return prepared(sqlite, 'SELECT 1 FROM receipts WHERE book = ? AND number = ?').get(bookNo, leaf) !== undefined;
}

export interface UserRef {
  readonly userId: string;
  readonly username: string;
  readonly fullNameTh: string;
  readonly positionTh: string;
  readonly isDisabled: boolean;
}

export function userById(sqlite: Database.Database, userId: string): UserRef | undefined {
  const row = prepared(sqlite, 'SELECT id AS userId, username, full_name_th AS fullNameTh, position_th AS positionTh, is_disabled AS isDisabled FROM users WHERE id = ?').get(userId) as
    | (Omit<UserRef, 'isDisabled'> & { isDisabled: number })
    | undefined;
  return row === undefined ? undefined : { ...row, isDisabled: row.isDisabled === 1 };
}

/** An active user by username (the officer of an order, the holder of a book). */
export function requireActiveUser(sqlite: Database.Database, username: string): UserRef {
  const row = prepared(sqlite, 'SELECT id FROM users WHERE username = ?').get(username) as { id: string } | undefined;
  const user = row === undefined ? undefined : userById(sqlite, row.id);
  if (user === undefined) throw new CodedError('NOT_FOUND', `No user ${username} on this terminal`);
  if (user.isDisabled) throw new CodedError('USER_DISABLED', `User ${username} is disabled`);
  return user;
}

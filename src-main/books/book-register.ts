import { CodedError } from '../../src-shared/result';
import { runLedgerAction, type LedgerDeps } from '../ledger/action';
import { prepared } from '../ledger/statements';
import type { Role } from '../../src-shared/domain/roles';
import { describeLeaves, requireActiveUser, requireHeldHere, requireBook, requireLeafInBook, requireOpenBook, requireUnusedLeaf, unusedLeavesOf, usedLeaves, type HolderKind } from './leaves';
import { MAX_LEAVES_PER_BOOK } from './schema';

/**
 * The paper receipt book register (issue 8): a book registered with its leaf range, assigned to the
 * office, a terminal or an officer (each assignment a new ledger event), leaves spoiled or cancelled
 * (events with the user and reason), and closed only when every leaf is accounted for.
 */

export interface NewBook {
  readonly bookNo: string;
  readonly firstLeaf: number;
  readonly lastLeaf: number;
  readonly fiscalYearBe: number;
}

export function registerBook(deps: LedgerDeps, userId: string, input: NewBook): { bookId: string } {
  return runLedgerAction(deps, userId, 'book.registered', (ctx) => {
    if (input.lastLeaf < input.firstLeaf || input.lastLeaf - input.firstLeaf + 1 > MAX_LEAVES_PER_BOOK) {
      throw new CodedError('BOOK_RANGE_INVALID', `Leaves ${input.firstLeaf}–${input.lastLeaf}: the last leaf must not be before the first, and a book has at most ${MAX_LEAVES_PER_BOOK} leaves`);
    }
    if (prepared(ctx.sqlite, 'SELECT 1 FROM receipt_books WHERE book_no = ?').get(input.bookNo) !== undefined) {
      throw new CodedError('BOOK_EXISTS', `Book ${input.bookNo} is already registered`);
    }
    if (prepared(ctx.sqlite, 'SELECT 1 FROM receipts WHERE book = ? LIMIT 1').get(input.bookNo) !== undefined) {
      throw new CodedError('BOOK_EXISTS', `Receipts numbered in book ${input.bookNo} already exist`);
    }
    const bookId = ctx.newId();
    prepared(
      ctx.sqlite,
      `INSERT INTO receipt_books (id, book_no, first_leaf, last_leaf, fiscal_year_be, registered_by_user_id, registered_at_ms, entry_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(bookId, input.bookNo, input.firstLeaf, input.lastLeaf, input.fiscalYearBe, userId, ctx.atMs, ctx.seq);
    return { result: { bookId } };
  });
}

export type HolderInput = { readonly kind: 'office' } | { readonly kind: 'terminal'; readonly terminalSlot: number } | { readonly kind: 'officer'; readonly username: string };

export function assignBook(deps: LedgerDeps, userId: string, bookNo: string, holder: HolderInput): { assignmentId: string; holderKind: HolderKind } {
  return runLedgerAction(deps, userId, 'book.assigned', (ctx) => {
    const book = requireBook(ctx.sqlite, bookNo);
    requireOpenBook(book);
    const holderUserId = holder.kind === 'officer' ? requireActiveUser(ctx.sqlite, holder.username).userId : null;
    const assignmentId = ctx.newId();
    prepared(
      ctx.sqlite,
      `INSERT INTO receipt_book_assignments (id, book_id, holder_kind, holder_terminal_slot, holder_user_id, assigned_by_user_id, assigned_at_ms, entry_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(assignmentId, book.bookId, holder.kind, holder.kind === 'terminal' ? holder.terminalSlot : null, holderUserId, userId, ctx.atMs, ctx.seq);
    return { result: { assignmentId, holderKind: holder.kind } };
  });
}

/**
 * A leaf spoiled (เสีย) or cancelled on paper: a new event with who and why; the leaf is then
 * accounted for. An operator marks only leaves of a book held by the office, this terminal or
 * themselves; the supervisor and finance officer may mark any (they account for the stock).
 */
export function markLeaf(
  deps: LedgerDeps,
  user: { userId: string; role: Role },
  bookNo: string,
  leaf: number,
  kind: 'spoiled' | 'cancelled',
  reasonText: string,
): { eventId: string } {
  const userId = user.userId;
  return runLedgerAction(deps, userId, 'book.leaf-marked', (ctx) => {
    const book = requireBook(ctx.sqlite, bookNo);
    requireOpenBook(book);
    requireLeafInBook(book, leaf);
    if (user.role === 'operator') requireHeldHere(book, ctx.identity.terminalSlot, userId);
    requireUnusedLeaf(ctx.sqlite, book, leaf);
    const eventId = ctx.newId();
    prepared(
      ctx.sqlite,
      `INSERT INTO receipt_leaf_events (id, book_id, leaf, kind, reason_text, user_id, at_ms, business_date, entry_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(eventId, book.bookId, leaf, kind, reasonText, userId, ctx.atMs, ctx.businessDate, ctx.seq);
    return { result: { eventId } };
  });
}

/** Closing a book: refused while any leaf is unused (the refusal lists them). */
export function closeBook(deps: LedgerDeps, userId: string, bookNo: string): { closureId: string } {
  return runLedgerAction(deps, userId, 'book.closed', (ctx) => {
    const book = requireBook(ctx.sqlite, bookNo);
    requireOpenBook(book);
    const unused = unusedLeavesOf(book, usedLeaves(ctx.sqlite, book));
    if (unused.length > 0) {
      throw new CodedError('BOOK_HAS_UNUSED_LEAVES', `Book ${bookNo} still has ${unused.length} unused leaves: ${describeLeaves(unused)}; key, spoil or cancel each before closing`);
    }
    const closureId = ctx.newId();
    prepared(ctx.sqlite, 'INSERT INTO receipt_book_closures (id, book_id, closed_by_user_id, closed_at_ms, entry_seq) VALUES (?, ?, ?, ?, ?)').run(closureId, book.bookId, userId, ctx.atMs, ctx.seq);
    return { result: { closureId } };
  });
}

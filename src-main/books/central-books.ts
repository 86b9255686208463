import type Database from 'better-sqlite3';
import { businessDateOf, fiscalYearBeOf } from '../../src-shared/dates';
import { CodedError } from '../../src-shared/result';
import { inImmediateTransaction, type LedgerDeps } from '../ledger/action';
import { readIdentity } from '../ledger/identity';
import { prepared } from '../ledger/statements';
import { readEnrollment } from '../sync/enrollment-store';
import { assignBook, registerBook } from './book-register';
import { allBooks, type BookRecord } from './leaves';

/**
 * Paper books central assigned to this office (issue 11, the feed's `book` stream stored by
 * sync/feed-apply.ts in `central_book_assignments`) set beside the local register: what central
 * gave this terminal or the whole office, whether each is registered here with the same range, and
 * the books registered here that central did not give this terminal or office. Central's list is
 * advice, never a gate: a book registered offline stays usable, only flagged.
 */

export interface CentralAssignment {
  readonly bookNo: string;
  readonly firstLeaf: number;
  readonly lastLeaf: number;
  /** Null: the whole office holds it; else one terminal of the office. */
  readonly terminalSlot: number | null;
  readonly assignedAtMs: number;
  readonly pulledAtMs: number;
}

export type CentralBookState = 'not-registered' | 'registered' | 'range-differs';
/** A book registered here that central did not give this terminal or the office: unknown to central, or given to another terminal. */
export type LocalOnlyState = 'unknown-to-central' | 'other-terminal';

export interface CentralBookRow extends CentralAssignment {
  readonly state: CentralBookState;
  readonly local: { readonly firstLeaf: number; readonly lastLeaf: number; readonly isClosed: boolean } | null;
}

export interface LocalOnlyBook {
  readonly bookNo: string;
  readonly firstLeaf: number;
  readonly lastLeaf: number;
  readonly isClosed: boolean;
  readonly state: LocalOnlyState;
  /** Central's record of the book when it gave it to another terminal of the office. */
  readonly central: { readonly firstLeaf: number; readonly lastLeaf: number; readonly terminalSlot: number | null } | null;
}

export interface CentralBookList {
  readonly terminalSlot: number | null;
  readonly isEnrolled: boolean;
  readonly assignments: readonly CentralBookRow[];
  readonly localOnly: readonly LocalOnlyBook[];
}

function allCentralAssignments(sqlite: Database.Database): CentralAssignment[] {
  return prepared(
    sqlite,
    `SELECT book_no AS bookNo, first_leaf AS firstLeaf, last_leaf AS lastLeaf, terminal_slot AS terminalSlot, assigned_at_ms AS assignedAtMs, pulled_at_ms AS pulledAtMs
     FROM central_book_assignments ORDER BY book_no`,
  ).all() as CentralAssignment[];
}

function findCentralAssignment(sqlite: Database.Database, bookNo: string): CentralAssignment | undefined {
  return prepared(
    sqlite,
    `SELECT book_no AS bookNo, first_leaf AS firstLeaf, last_leaf AS lastLeaf, terminal_slot AS terminalSlot, assigned_at_ms AS assignedAtMs, pulled_at_ms AS pulledAtMs
     FROM central_book_assignments WHERE book_no = ?`,
  ).get(bookNo) as CentralAssignment | undefined;
}

/** Central gave it to the whole office (null) or to this terminal. */
function isForHere(assignment: CentralAssignment, terminalSlot: number | null): boolean {
  return assignment.terminalSlot === null || assignment.terminalSlot === terminalSlot;
}

function stateOf(assignment: CentralAssignment, local: BookRecord | undefined): CentralBookState {
  if (local === undefined) return 'not-registered';
  return local.firstLeaf === assignment.firstLeaf && local.lastLeaf === assignment.lastLeaf ? 'registered' : 'range-differs';
}

export function centralBookList(sqlite: Database.Database): CentralBookList {
  const terminalSlot = readIdentity(sqlite)?.terminalSlot ?? null;
  const localBooks = new Map(allBooks(sqlite).map((b) => [b.bookNo, b]));
  const central = allCentralAssignments(sqlite);
  const centralByNo = new Map(central.map((a) => [a.bookNo, a]));
  const assignments = central
    .filter((a) => isForHere(a, terminalSlot))
    .map((a): CentralBookRow => {
      const local = localBooks.get(a.bookNo);
      return { ...a, state: stateOf(a, local), local: local === undefined ? null : { firstLeaf: local.firstLeaf, lastLeaf: local.lastLeaf, isClosed: local.isClosed } };
    });
  const localOnly = [...localBooks.values()]
    .filter((b) => {
      const a = centralByNo.get(b.bookNo);
      return a === undefined || !isForHere(a, terminalSlot);
    })
    .sort((x, y) => x.bookNo.localeCompare(y.bookNo))
    .map((b): LocalOnlyBook => {
      const a = centralByNo.get(b.bookNo);
      return {
        bookNo: b.bookNo,
        firstLeaf: b.firstLeaf,
        lastLeaf: b.lastLeaf,
        isClosed: b.isClosed,
        state: a === undefined ? 'unknown-to-central' : 'other-terminal',
        central: a === undefined ? null : { firstLeaf: a.firstLeaf, lastLeaf: a.lastLeaf, terminalSlot: a.terminalSlot },
      };
    });
  return { terminalSlot, isEnrolled: readEnrollment(sqlite) !== undefined, assignments, localOnly };
}

/**
 * "Register this book as central assigned it": central's range through the one registration path
 * (`registerBook`, every refusal with its own code), the fiscal year that of central's assignment
 * date, then held as central said (the office, or this terminal) through `assignBook` — both ledger
 * entries in one transaction, or neither. Only a book central gave this terminal or the whole office.
 */
export function registerBookFromCentral(deps: LedgerDeps, userId: string, bookNo: string): { bookId: string; assignmentId: string; bookNo: string; firstLeaf: number; lastLeaf: number; fiscalYearBe: number; terminalSlot: number | null } {
  return inImmediateTransaction(deps.sqlite, () => {
    const assignment = findCentralAssignment(deps.sqlite, bookNo);
    if (assignment === undefined) throw new CodedError('NOT_FOUND', `Central has not assigned book ${bookNo} to this office (pull from central first)`);
    const terminalSlot = readIdentity(deps.sqlite)?.terminalSlot ?? null;
    if (!isForHere(assignment, terminalSlot)) {
      throw new CodedError('BOOK_NOT_ASSIGNED', `Central assigned book ${bookNo} to terminal ${assignment.terminalSlot}, not to this terminal (${terminalSlot ?? 'no slot'}) or the whole office`);
    }
    const fiscalYearBe = fiscalYearBeOf(businessDateOf(assignment.assignedAtMs));
    const { bookId } = registerBook(deps, userId, { bookNo, firstLeaf: assignment.firstLeaf, lastLeaf: assignment.lastLeaf, fiscalYearBe });
    const holder = assignment.terminalSlot === null ? ({ kind: 'office' } as const) : ({ kind: 'terminal', terminalSlot: assignment.terminalSlot } as const);
    const { assignmentId } = assignBook(deps, userId, bookNo, holder);
    return { bookId, assignmentId, bookNo, firstLeaf: assignment.firstLeaf, lastLeaf: assignment.lastLeaf, fiscalYearBe, terminalSlot: assignment.terminalSlot };
  });
}

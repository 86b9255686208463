import { businessDateOf } from '../../src-shared/dates';
import { CodedError } from '../../src-shared/result';
import { runLedgerAction, type ActionContext, type LedgerDeps } from '../ledger/action';
import { prepared } from '../ledger/statements';
import { requireBook, requireOpenBook, requireUnusedLeaf } from './leaves';
import { findOutage, openOutage, requireLeafAllowed, requirePaperDate, requireSource, type LeafRange, type PaperSourceInput } from './sources';

/**
 * The outage log (seed 001 §5): start (which may be before it is recorded: the system was down),
 * end, cause, who reported; at the end, which leaves were written on paper, so the system knows
 * which still await keying (`pending.ts`).
 */

export interface WrittenLeaves extends LeafRange {
  /** The date written on those leaves. */
  readonly businessDate: string;
}

function requireNotFuture(what: string, atMs: number, nowMs: number): void {
  if (atMs > nowMs) throw new CodedError('TIME_IN_FUTURE', `${what} ${new Date(atMs).toISOString()} is after now (${new Date(nowMs).toISOString()})`);
}

export function startOutage(deps: LedgerDeps, userId: string, input: { cause: string; startedAtMs?: number | undefined }): { outageId: string; startedAtMs: number } {
  return runLedgerAction(deps, userId, 'outage.started', (ctx) => {
    const startedAtMs = input.startedAtMs ?? ctx.atMs;
    requireNotFuture('The outage start', startedAtMs, ctx.atMs);
    const open = openOutage(ctx.sqlite);
    if (open !== undefined) throw new CodedError('OUTAGE_ALREADY_OPEN', `Outage ${open.outageId} (since ${new Date(open.startedAtMs).toISOString()}) has not ended; end it first`);
    const outageId = ctx.newId();
    prepared(ctx.sqlite, 'INSERT INTO outages (id, started_at_ms, cause, reported_by_user_id, recorded_at_ms, entry_seq) VALUES (?, ?, ?, ?, ?, ?)').run(
      outageId,
      startedAtMs,
      input.cause,
      userId,
      ctx.atMs,
      ctx.seq,
    );
    return { result: { outageId, startedAtMs } };
  });
}

export interface OutageEnd {
  readonly endedAtMs?: number | undefined;
  readonly note?: string | undefined;
  readonly writtenLeaves: readonly WrittenLeaves[];
}

/**
 * Ends an outage and records the leaves written on paper during it, all or nothing: one outer
 * transaction around the end entry and one entry per range (each `runLedgerAction` nests as a savepoint).
 */
export function endOutage(deps: LedgerDeps, userId: string, outageId: string, input: OutageEnd): { endedAtMs: number; rangeIds: string[] } {
  return deps.sqlite.transaction(() => {
    const endedAtMs = runLedgerAction(deps, userId, 'outage.ended', (ctx) => {
      const outage = findOutage(ctx.sqlite, outageId);
      if (outage === undefined) throw new CodedError('NOT_FOUND', `No outage ${outageId} is recorded on this terminal`);
      if (outage.endedAtMs !== null) throw new CodedError('OUTAGE_ALREADY_ENDED', `Outage ${outageId} already ended at ${new Date(outage.endedAtMs).toISOString()}`);
      const endAtMs = input.endedAtMs ?? ctx.atMs;
      requireNotFuture('The outage end', endAtMs, ctx.atMs);
      if (endAtMs < outage.startedAtMs) {
        throw new CodedError('OUTAGE_END_BEFORE_START', `The end ${new Date(endAtMs).toISOString()} is before the start ${new Date(outage.startedAtMs).toISOString()}`);
      }
      prepared(ctx.sqlite, 'INSERT INTO outage_ends (id, outage_id, ended_at_ms, note, ended_by_user_id, recorded_at_ms, entry_seq) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        ctx.newId(),
        outageId,
        endAtMs,
        input.note ?? null,
        userId,
        ctx.atMs,
        ctx.seq,
      );
      return { result: endAtMs };
    });
    const rangeIds = recordWrittenLeaves(deps, userId, { outageId }, input.writtenLeaves);
    return { endedAtMs, rangeIds };
  }).immediate();
}

/** Leaves written on paper under an outage or a field order, one entry per range, all or nothing. */
export function recordWrittenLeaves(deps: LedgerDeps, userId: string, sourceInput: PaperSourceInput, ranges: readonly WrittenLeaves[]): string[] {
  return deps.sqlite.transaction(() => ranges.map((range) => runLedgerAction(deps, userId, 'paper-leaves.recorded', (ctx) => ({ result: insertRange(ctx, userId, sourceInput, range) })))).immediate();
}

function insertRange(ctx: ActionContext, userId: string, sourceInput: PaperSourceInput, range: WrittenLeaves): string {
  const source = requireSource(ctx.sqlite, sourceInput, ctx.atMs);
  requirePaperDate(source, range.businessDate, businessDateOf(ctx.atMs));
  const book = requireBook(ctx.sqlite, range.bookNo);
  requireOpenBook(book);
  if (range.lastLeaf < range.firstLeaf) throw new CodedError('BOOK_RANGE_INVALID', `Leaves ${range.firstLeaf}–${range.lastLeaf}: the last leaf is before the first`);
  for (let leaf = range.firstLeaf; leaf <= range.lastLeaf; leaf += 1) {
    requireLeafAllowed(source, book, leaf, ctx.identity.terminalSlot, userId);
    requireUnusedLeaf(ctx.sqlite, book, leaf);
  }
  const overlap = prepared(ctx.sqlite, 'SELECT first_leaf AS firstLeaf, last_leaf AS lastLeaf FROM paper_leaf_ranges WHERE book_id = ? AND first_leaf <= ? AND last_leaf >= ? LIMIT 1').get(
    book.bookId,
    range.lastLeaf,
    range.firstLeaf,
  ) as { firstLeaf: number; lastLeaf: number } | undefined;
  if (overlap !== undefined) {
    throw new CodedError('LEAF_ALREADY_RECORDED', `Leaves ${overlap.firstLeaf}–${overlap.lastLeaf} of book ${book.bookNo} are already recorded as written on paper`);
  }
  const id = ctx.newId();
  prepared(
    ctx.sqlite,
    `INSERT INTO paper_leaf_ranges (id, book_id, first_leaf, last_leaf, business_date, outage_id, field_order_id, recorded_by_user_id, recorded_at_ms, entry_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, book.bookId, range.firstLeaf, range.lastLeaf, range.businessDate, source.kind === 'outage' ? source.id : null, source.kind === 'field' ? source.id : null, userId, ctx.atMs, ctx.seq);
  return id;
}

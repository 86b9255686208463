import { canonicalJson } from '../../src-shared/canonical-json';
import { countedTotalSatang, type CountedPieces } from '../../src-shared/domain/cash';
import { CodedError } from '../../src-shared/result';
import { runLedgerAction, type LedgerDeps } from '../ledger/action';
import { readHead } from '../ledger/chain';
import { prepared } from '../ledger/statements';
import type { DayCloseRow } from './closed-days';
import { closesOf } from './closed-days';
import { dayStatus, shiftStatus, type DayStatus, type ListUnkeyedPaperLeaves } from './day-status';

export interface CloseDeps extends LedgerDeps {
  readonly listUnkeyedPaperLeaves: ListUnkeyedPaperLeaves;
}

export interface CloseInput {
  readonly businessDate: string;
  readonly counted: CountedPieces;
  readonly varianceReason?: string | undefined;
}

export interface CloseOutcome {
  readonly close: DayCloseRow;
  readonly status: DayStatus;
}

/** At most this many receipts are named in a refusal's message; the full list is `close.status`. */
const LISTED_IN_MESSAGE = 20;

function listText(items: readonly string[]): string {
  const shown = items.slice(0, LISTED_IN_MESSAGE).join(', ');
  return items.length > LISTED_IN_MESSAGE ? `${shown} … (${items.length} in all)` : shown;
}

/**
 * ปิดบัญชีประจำวัน (issue 10; seed 001 §3.1 steps 6–8): a ledger entry that records counted cash
 * by denomination against the expected cash, the variance and its reason, and the chain head the
 * close follows. Refused while electronic originals of the date are unprinted or paper leaves wait to
 * be keyed (both listed). After the day's close, paper receipts keyed with that date go into a
 * supplementary close flagged late (design.md "The ledger"). Works with no network at all.
 */
export function closeDay(deps: CloseDeps, userId: string, input: CloseInput): CloseOutcome {
  const written = runLedgerAction(deps, userId, 'day.closed', (ctx) => {
    if (input.businessDate > ctx.businessDate) {
      throw new CodedError('DAY_NOT_OVER', `${input.businessDate} is after today's business date ${ctx.businessDate}`);
    }
    const status = dayStatus(ctx.sqlite, input.businessDate, deps.listUnkeyedPaperLeaves);
    if (status.nextKind === null) {
      throw new CodedError('DAY_ALREADY_CLOSED', `Business day ${input.businessDate} is closed and no paper receipt was keyed after its close`);
    }
    if (status.unkeyedPaperLeaves.length > 0) {
      const leaves = status.unkeyedPaperLeaves.map((l) => `${l.book}/${l.leaf}`);
      throw new CodedError('PAPER_LEAVES_UNKEYED', `Paper leaves of ${input.businessDate} wait to be keyed: ${listText(leaves)}`);
    }
    if (status.unprintedOriginals.length > 0) {
      const receipts = status.unprintedOriginals.map((r) => `${r.book}/${r.number}`);
      throw new CodedError('UNPRINTED_ORIGINALS', `Receipts of ${input.businessDate} whose original is not printed: ${listText(receipts)}`);
    }
    const row = closeRow(ctx, userId, input, status, status.nextKind, null);
    return { result: { id: row.id, status } };
  });
  const close = closesOf(deps.sqlite, input.businessDate).find((c) => c.id === written.id);
  if (close === undefined) throw new Error(`close ${written.id} was just written`);
  return { close, status: written.status };
}

interface RowContext {
  readonly sqlite: CloseDeps['sqlite'];
  readonly atMs: number;
  readonly seq: number;
  newId(): string;
}

/** Writes the close row: counted vs expected cash, the variance and its reason, the chain head it follows. */
function closeRow(ctx: RowContext, userId: string, input: CloseInput, status: DayStatus, kind: 'shift' | 'close' | 'supplementary', receiverUserId: string | null) {
  const cashCountedSatang = countedTotalSatang(input.counted);
  const varianceSatang = cashCountedSatang - status.cashExpectedSatang;
  const varianceReason = input.varianceReason?.trim() ?? '';
  if (varianceSatang !== 0 && varianceReason === '') {
    throw new CodedError('VARIANCE_REASON_REQUIRED', `Counted ${cashCountedSatang} satang, expected ${status.cashExpectedSatang}: a variance of ${varianceSatang} needs a reason`);
  }
  const head = readHead(ctx.sqlite);
  const row = {
    id: ctx.newId(),
    businessDate: input.businessDate,
    kind,
    isLate: kind === 'supplementary' ? 1 : 0,
    receiverUserId,
    receiptCount: status.receiptCount,
    totalSatang: status.totalSatang,
    cashExpectedSatang: status.cashExpectedSatang,
    cashCountedSatang,
    varianceSatang,
    varianceReason: varianceReason === '' ? null : varianceReason,
    counted: canonicalJson({ ...input.counted }),
    unconfirmedCount: status.unconfirmedProvisional.length,
    chainHeadSeq: head.seq,
    chainHeadHash: head.hash,
    closedByUserId: userId,
    atMs: ctx.atMs,
    entrySeq: ctx.seq,
  };
  prepared(
    ctx.sqlite,
    `INSERT INTO day_closes (id, business_date, kind, is_late, receiver_user_id, receipt_count, total_satang, cash_expected_satang, cash_counted_satang,
       variance_satang, variance_reason, counted, unconfirmed_count, chain_head_seq, chain_head_hash, closed_by_user_id, at_ms, entry_seq)
     VALUES (@id, @businessDate, @kind, @isLate, @receiverUserId, @receiptCount, @totalSatang, @cashExpectedSatang, @cashCountedSatang,
       @varianceSatang, @varianceReason, @counted, @unconfirmedCount, @chainHeadSeq, @chainHeadHash, @closedByUserId, @atMs, @entrySeq)`,
  ).run(row);
  return row;
}

/**
 * A shift close (issue 10): one receiving officer counts their own drawer during the day — their
 * receipts of the date since their last shift close, counted cash vs expected, variance and reason.
 * Also a `day.closed` ledger entry (kind `shift`); it does not close the day. Refused after the day's
 * close (DAY_CLOSED) and while that officer's originals are unprinted.
 */
export function closeShift(deps: LedgerDeps, userId: string, input: CloseInput): CloseOutcome {
  const written = runLedgerAction(deps, userId, 'day.closed', (ctx) => {
    if (input.businessDate > ctx.businessDate) {
      throw new CodedError('DAY_NOT_OVER', `${input.businessDate} is after today's business date ${ctx.businessDate}`);
    }
    const status = shiftStatus(ctx.sqlite, input.businessDate, userId);
    if (status.nextKind === null) throw new CodedError('DAY_CLOSED', `Business day ${input.businessDate} is closed: its shifts were closed with it`);
    if (status.unprintedOriginals.length > 0) {
      const receipts = status.unprintedOriginals.map((r) => `${r.book}/${r.number}`);
      throw new CodedError('UNPRINTED_ORIGINALS', `Receipts of ${input.businessDate} whose original is not printed: ${listText(receipts)}`);
    }
    const row = closeRow(ctx, userId, input, status, 'shift', userId);
    return { result: { id: row.id, status } };
  });
  const close = closesOf(deps.sqlite, input.businessDate).find((c) => c.id === written.id);
  if (close === undefined) throw new Error(`shift close ${written.id} was just written`);
  return { close, status: written.status };
}

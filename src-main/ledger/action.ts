import type Database from 'better-sqlite3';
import { businessDateOf, type BusinessDate } from '../../src-shared/dates';
import { CodedError } from '../../src-shared/result';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import { appendEntry, readHead } from './chain';
import { issuingIdentity, type TerminalIdentity } from './identity';
import type { LedgerEntryKind } from './kinds';

/**
 * How far the clock may be behind the last entry before the terminal refuses to write
 * (design.md "Time and money": "beyond a small tolerance"). Covers an NTP step of a few seconds.
 */
export const CLOCK_TOLERANCE_MS = 60_000;

export interface LedgerDeps {
  readonly sqlite: Database.Database;
  readonly clock: Clock;
  readonly machineId: string;
}

/** What a business action sees inside its transaction. */
export interface ActionContext {
  readonly sqlite: Database.Database;
  readonly identity: TerminalIdentity;
  /** The sequence number this action's ledger entry will get; rows written now carry it. */
  readonly seq: number;
  readonly atMs: number;
  readonly businessDate: BusinessDate;
  newId(): string;
}

export interface ActionOutcome<T> {
  /** Only for kinds that do not carry their rows (entry-payloads.ts ROW_PAYLOADS); those rebuild it from the rows. */
  readonly payload?: Readonly<Record<string, unknown>>;
  readonly result: T;
}

export interface ActionOptions {
  /** Only re-binding runs on a machine the database is not bound to. */
  readonly identity?: (sqlite: Database.Database) => TerminalIdentity;
  /** Only the supervisor's clock acknowledgement runs while the clock is behind. */
  readonly allowClockBehind?: boolean;
}

/**
 * One business action = one SQLite transaction (design.md "The ledger"): rows + events + the
 * ledger entry + its outbox row, committed together with synchronous=FULL, or nothing at all.
 * BEGIN IMMEDIATE takes the write lock first, so two windows or a CLI run on the same database
 * cannot read the same chain head or the same counter.
 */
export function runLedgerAction<T>(
  deps: LedgerDeps,
  userId: string | null,
  kind: LedgerEntryKind,
  work: (ctx: ActionContext) => ActionOutcome<T>,
  options: ActionOptions = {},
): T {
  return inImmediateTransaction(deps.sqlite, () => {
    const identity = (options.identity ?? ((sqlite) => issuingIdentity(sqlite, deps.machineId)))(deps.sqlite);
    const head = readHead(deps.sqlite);
    const atMs = deps.clock.nowMs();
    if (options.allowClockBehind !== true) assertClockNotBehind(head.atMs, atMs);
    // Rows reference their entry's seq; the entry is written after them, before commit: that foreign
    // key is DEFERRABLE INITIALLY DEFERRED in each table (migration 0005), every other key is immediate.
    const ctx: ActionContext = {
      sqlite: deps.sqlite,
      identity,
      seq: head.seq + 1,
      atMs,
      businessDate: businessDateOf(atMs),
      newId: () => newId(deps.clock),
    };
    const outcome = work(ctx);
    appendEntry(deps.sqlite, {
      id: ctx.newId(),
      kind,
      atMs,
      businessDate: ctx.businessDate,
      place: identity.place,
      terminalSlot: identity.terminalSlot,
      userId,
      payload: outcome.payload,
    });
    return outcome.result;
  });
}

/**
 * Many actions of one kind in ONE transaction (or one savepoint inside an open one): the bank
 * import confirms thousands of bills at once. Each item is still its own action and its own ledger
 * entry, written exactly as `runLedgerAction` writes it — its own clock reading and clock guard,
 * rows carrying its seq, then `appendEntry` (head, payload rebuilt from the rows, hash, outbox) —
 * so the chain is the one the same actions one by one would make. Only what cannot change between
 * the items is done once: the write lock / savepoint and the terminal identity check. Any throw
 * rolls back every item (the caller wants all or none).
 */
export function runLedgerActions<I, T>(
  deps: LedgerDeps,
  userId: string | null,
  kind: LedgerEntryKind,
  items: readonly I[],
  work: (ctx: ActionContext, item: I) => ActionOutcome<T>,
): T[] {
  if (items.length === 0) return [];
  return inImmediateTransaction(deps.sqlite, () => {
    const identity = issuingIdentity(deps.sqlite, deps.machineId);
    let head = readHead(deps.sqlite);
    return items.map((item) => {
      const atMs = deps.clock.nowMs();
      assertClockNotBehind(head.atMs, atMs);
      const ctx: ActionContext = {
        sqlite: deps.sqlite,
        identity,
        seq: head.seq + 1,
        atMs,
        businessDate: businessDateOf(atMs),
        newId: () => newId(deps.clock),
      };
      const outcome = work(ctx, item);
      const appended = appendEntry(deps.sqlite, {
        id: ctx.newId(),
        kind,
        atMs,
        businessDate: ctx.businessDate,
        place: identity.place,
        terminalSlot: identity.terminalSlot,
        userId,
        payload: outcome.payload,
      });
      head = { seq: appended.seq, hash: appended.hash, atMs };
      return outcome.result;
    });
  });
}

type Runner = Database.Transaction<(work: () => unknown) => unknown>;
const runners = new WeakMap<Database.Database, Runner>();

/**
 * Runs `work` in BEGIN IMMEDIATE … COMMIT, or as a savepoint when a transaction is already open (an
 * action inside the bank import or the counter's one-step payment). One wrapper per connection:
 * better-sqlite3 builds five functions for every `transaction()` call, which showed in the profile
 * of an action.
 */
export function inImmediateTransaction<T>(sqlite: Database.Database, work: () => T): T {
  let runner = runners.get(sqlite);
  if (runner === undefined) {
    runner = sqlite.transaction((inner: () => unknown) => inner());
    runners.set(sqlite, runner);
  }
  return runner.immediate(work) as T;
}

/** The terminal refuses to write when its clock is earlier than its last entry (no back-dating). */
export function assertClockNotBehind(lastEntryAtMs: number, nowMs: number): void {
  if (nowMs + CLOCK_TOLERANCE_MS < lastEntryAtMs) {
    throw new CodedError(
      'CLOCK_BEHIND',
      `The clock (${new Date(nowMs).toISOString()}) is earlier than the last ledger entry (${new Date(lastEntryAtMs).toISOString()}); correct the clock, then a supervisor acknowledges it`,
    );
  }
}

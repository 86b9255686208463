import { isErrorCode, type ErrorCode } from '../../src-shared/contract';
import { CodedError } from '../../src-shared/result';
import type { LedgerDeps } from '../ledger/action';
import { readHead } from '../ledger/chain';
import { readIdentity } from '../ledger/identity';
import type { Logger } from '../platform/logger';
import { pushOutbox } from './client';
import { readEnrollment, requireEnrollment } from './enrollment-store';
import { withSyncLock } from './lock';
import { sendProvincePayments } from './province-payments';
import { pullFromCentral } from './pull';
import { backoffDelayMs, DEFAULT_RETRY, type RetryPolicy } from './retry';

/** The background sync's timing (issue 11); README "Background sync". */
export const BACKGROUND_SYNC = {
  /** After a successful round (or one with nothing to do): the next one. */
  intervalMs: 30_000,
  /** A new ledger entry brings the next round this close, unless central is failing (then the backoff stands). */
  nudgeDelayMs: 2_000,
  /** The first round after the host starts. */
  firstRoundDelayMs: 3_000,
  /** Backoff after failures: full jitter over min(max, interval × 2^failures), never sooner than min. */
  maxBackoffMs: 5 * 60_000,
  minRetryDelayMs: 5_000,
  /** Tries of one request inside a round (the scheduler's backoff does the rest). */
  roundAttempts: 3,
} as const;

/** Timers, injected so tests fire them by hand. A Node timer is unref'd: it never keeps a process alive. */
export interface SyncTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const nodeTimers: SyncTimers = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface BackgroundSyncOptions {
  readonly intervalMs?: number;
  readonly nudgeDelayMs?: number;
  readonly firstRoundDelayMs?: number;
  readonly maxBackoffMs?: number;
  readonly minRetryDelayMs?: number;
  /** Each request's retries inside a round (default DEFAULT_RETRY with `roundAttempts` tries). */
  readonly retry?: RetryPolicy;
  readonly timers?: SyncTimers;
  /** A number in [0, 1) for the backoff's jitter. */
  readonly random?: () => number;
}

/** What `sync.status` shows of the background sync (beside syncStatus's figures). */
export interface BackgroundSyncState {
  /** A round is under way now. */
  readonly isRoundRunning: boolean;
  /** When the last round (push and pull) ended, successful or not; null before the first. */
  readonly lastRoundAtMs: number | null;
  readonly lastSuccessAtMs: number | null;
  /** The office code of the last round's failure (the UI says it in Thai); null when it succeeded. */
  readonly lastErrorCode: ErrorCode | null;
  /** Failed rounds in a row (the backoff's exponent). */
  readonly failures: number;
  /** When the next round is due; null once stopped. */
  readonly nextAttemptAtMs: number | null;
}

export type RoundOutcome = 'ok' | 'failed' | 'idle';

export interface BackgroundSync {
  state(): BackgroundSyncState;
  /** A command succeeded: when it wrote a ledger entry, a round soon (debounced; a failing central keeps its backoff). */
  nudge(): void;
  /** One round now (what the timer does), or the one under way. */
  runNow(): Promise<RoundOutcome>;
  /** Clears the timer and aborts a request under way; resolves once that round has ended. No round starts after. */
  stop(): Promise<void>;
}

/**
 * The office host's background sync (desktop app and browser shell, never the CLI): when this
 * terminal is enrolled (and is not a training database), pushes the outbox and pulls approvals,
 * fine orders and the feed, every `intervalMs`, soon after a nudge, with exponential backoff and
 * jitter while central fails. One round at a time, and never beside an on-demand pull
 * (`withSyncLock`). A round is a series of awaited HTTP requests on the host's one connection; its
 * writes (acks, one pulled page) are each one short transaction, so the counter waits at most for one.
 */
export function startBackgroundSync(deps: LedgerDeps, logger: Logger, options: BackgroundSyncOptions = {}): BackgroundSync {
  const settings = {
    intervalMs: options.intervalMs ?? BACKGROUND_SYNC.intervalMs,
    nudgeDelayMs: options.nudgeDelayMs ?? BACKGROUND_SYNC.nudgeDelayMs,
    maxBackoffMs: options.maxBackoffMs ?? BACKGROUND_SYNC.maxBackoffMs,
    minRetryDelayMs: options.minRetryDelayMs ?? BACKGROUND_SYNC.minRetryDelayMs,
  };
  let isStopped = false;
  const given = options.retry ?? { ...DEFAULT_RETRY, maxAttempts: BACKGROUND_SYNC.roundAttempts };
  /** Aborted by stop(): the request under way ends at once, and no retry waits after it. */
  const stopping = new AbortController();
  const retry: RetryPolicy = { ...given, sleep: (ms) => (isStopped ? Promise.reject(new Error('background sync stopped')) : given.sleep(ms)) };
  const timers = options.timers ?? nodeTimers;
  const random = options.random ?? Math.random;
  const backoff: RetryPolicy = { ...DEFAULT_RETRY, baseDelayMs: settings.intervalMs, maxDelayMs: settings.maxBackoffMs, random };

  let timer: unknown = null;
  let nextAttemptAtMs: number | null = null;
  let running: Promise<RoundOutcome> | null = null;
  let isNudgedDuringRound = false;
  let lastRoundAtMs: number | null = null;
  let lastSuccessAtMs: number | null = null;
  let lastErrorCode: ErrorCode | null = null;
  let failures = 0;
  /** The head at the last nudge: a command that wrote no ledger entry (a login) brings nothing forward. */
  let nudgedAtSeq = readHead(deps.sqlite).seq;

  const arm = (ms: number): void => {
    if (timer !== null) timers.clear(timer);
    nextAttemptAtMs = deps.clock.nowMs() + ms;
    timer = timers.set(() => {
      timer = null;
      void runNow();
    }, ms);
  };

  /** A real terminal that central knows; a training database is never enrolled (enrollTerminal refuses it), checked again here. */
  const isSyncing = (): boolean => readEnrollment(deps.sqlite) !== undefined && readIdentity(deps.sqlite)?.isTraining === false;

  const round = async (): Promise<RoundOutcome> => {
    if (!isSyncing()) return 'idle';
    try {
      await withSyncLock(deps.sqlite, async () => {
        if (isStopped) return;
        await pushOutbox(deps, { retry, signal: stopping.signal, withProvincePayments: false });
        if (isStopped) return;
        await pullFromCentral(deps, retry, undefined, stopping.signal);
        if (isStopped) return;
        // Last: a refusal of the province's bank lines (registry not set at central) fails the round
        // visibly, but the entries went and the pull came first.
        await sendProvincePayments(deps, requireEnrollment(deps.sqlite), { retry, signal: stopping.signal });
      });
      failures = 0;
      lastErrorCode = null;
      lastSuccessAtMs = deps.clock.nowMs();
      return 'ok';
    } catch (error) {
      failures += 1;
      lastErrorCode = error instanceof CodedError && isErrorCode(error.code) ? error.code : 'INTERNAL';
      // After stop the database may be closed under the round: that is not news.
      if (!isStopped) {
        if (lastErrorCode === 'INTERNAL') logger.error('background sync round failed', { error, failures });
        else logger.warn('background sync round failed', { code: lastErrorCode, message: (error as Error).message, failures });
      }
      return 'failed';
    } finally {
      lastRoundAtMs = deps.clock.nowMs();
    }
  };

  const nextDelayMs = (outcome: RoundOutcome): number => {
    if (outcome === 'failed') return Math.max(settings.minRetryDelayMs, backoffDelayMs(backoff, failures));
    return isNudgedDuringRound && outcome === 'ok' ? settings.nudgeDelayMs : settings.intervalMs;
  };

  const runNow = (): Promise<RoundOutcome> => {
    if (isStopped) return Promise.resolve('idle');
    if (running !== null) return running;
    isNudgedDuringRound = false;
    running = round()
      .catch((error: unknown) => {
        // round() catches its own failures; this is a bug's last line, logged and never thrown into the app.
        logger.error('background sync failed', { error });
        return 'failed' as const;
      })
      .then((outcome) => {
        running = null;
        if (!isStopped) arm(nextDelayMs(outcome));
        return outcome;
      });
    return running;
  };

  const nudge = (): void => {
    if (isStopped || failures > 0) return;
    const seq = readHead(deps.sqlite).seq;
    if (seq === nudgedAtSeq) return;
    nudgedAtSeq = seq;
    if (running !== null) {
      isNudgedDuringRound = true;
      return;
    }
    const soonAtMs = deps.clock.nowMs() + settings.nudgeDelayMs;
    if (nextAttemptAtMs !== null && nextAttemptAtMs <= soonAtMs) return;
    arm(settings.nudgeDelayMs);
  };

  const stop = async (): Promise<void> => {
    isStopped = true;
    stopping.abort();
    if (timer !== null) timers.clear(timer);
    timer = null;
    nextAttemptAtMs = null;
    if (running !== null) await running;
  };

  arm(options.firstRoundDelayMs ?? BACKGROUND_SYNC.firstRoundDelayMs);
  return {
    state: () => ({ isRoundRunning: running !== null, lastRoundAtMs, lastSuccessAtMs, lastErrorCode, failures, nextAttemptAtMs }),
    nudge,
    runNow,
    stop,
  };
}

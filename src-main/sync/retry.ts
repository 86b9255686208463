import { isRetryable, RETRY_BASE_DELAY_MS, RETRY_MAX_ATTEMPTS, RETRY_MAX_DELAY_MS } from '../../src-shared/sync';
import { CentralRefusal, CentralUnreachable } from './transport';

export interface RetryPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxAttempts: number;
  /** Injected for tests: waits `ms`. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Injected for tests: a number in [0, 1). */
  readonly random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseDelayMs: RETRY_BASE_DELAY_MS,
  maxDelayMs: RETRY_MAX_DELAY_MS,
  maxAttempts: RETRY_MAX_ATTEMPTS,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Worth another try: no valid answer, a server failure, or a refusal a fresh signature cures (a duplicated request). */
export function isTransient(error: unknown): boolean {
  if (error instanceof CentralUnreachable) return true;
  return error instanceof CentralRefusal && (error.status >= 500 || isRetryable(error.error.code));
}

/** Exponential backoff with full jitter ("Exponential Backoff and Jitter", AWS architecture blog): delay = random × min(cap, base × 2^attempt). */
export function backoffDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.floor(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

/** Runs `work` (which signs afresh each time) until it succeeds, fails for good, or attempts run out. */
export async function withRetry<T>(policy: RetryPolicy, work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isTransient(error) || attempt + 1 >= policy.maxAttempts) throw error;
      await policy.sleep(backoffDelayMs(policy, attempt));
    }
  }
}

/** Every limit of the office ↔ central protocol, in one place (style.md §14). */

/** A signed request whose time is further than this from the server's clock is refused (STALE_REQUEST). */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;
/** Entries per push batch. */
export const MAX_BATCH_ENTRIES = 500;
/** Bytes of a push body (the client fills a batch up to this; the server refuses more). */
export const MAX_BATCH_BYTES = 1024 * 1024;
/** Bytes of any other request body. */
export const MAX_SMALL_BODY_BYTES = 16 * 1024;
/** A one-time enrollment code is valid this long after it is made. */
export const ENROLL_CODE_TTL_MS = 24 * 60 * 60_000;
/** Each HTTP request of the client gives up after this long (then retries). */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Retry: first delay, cap and attempts (exponential backoff with full jitter). */
export const RETRY_BASE_DELAY_MS = 200;
export const RETRY_MAX_DELAY_MS = 10_000;
export const RETRY_MAX_ATTEMPTS = 8;
/** Bank lines one `POST /v1/province-payments` carries at most (the office sends its queue in batches of this). */
export const MAX_PROVINCE_PAYMENTS_PER_BATCH = 500;
/** Items one pull answer carries at most (the client asks again from the last cursor). */
export const MAX_PULL_ITEMS = 1000;

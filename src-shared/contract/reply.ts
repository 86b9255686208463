import type { ErrorCode } from './errors';

export interface ReplyError {
  readonly code: ErrorCode;
  readonly message: string;
}

/** What every call returns across a boundary (style.md §4). */
export type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ReplyError };

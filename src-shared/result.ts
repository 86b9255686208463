/**
 * Results at boundaries, typed throws inside (style.md §4).
 * A `Result` is what a parser or a contract call returns: never a thrown error for an expected outcome.
 */
export interface Failure<C extends string = string> {
  readonly code: C;
  readonly message: string;
}

export type Result<T, C extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: Failure<C> };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(code: C, message: string): { readonly ok: false; readonly error: Failure<C> } {
  return { ok: false, error: { code, message } };
}

/** Unwraps a result inside trusted code, throwing a `CodedError` that keeps the code. */
export function unwrap<T, C extends string>(result: Result<T, C>): T {
  if (result.ok) return result.value;
  throw new CodedError(result.error.code, result.error.message);
}

/** The one error class used for typed throws inside a process; converted to a Result at the boundary. */
export class CodedError<C extends string = string> extends Error {
  readonly code: C;
  constructor(code: C, message: string) {
    super(message);
    this.name = 'CodedError';
    this.code = code;
  }
}

/** Fails loudly when an invariant that the code relies on is broken (Signal's `strictAssert`). */
export function strictAssert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

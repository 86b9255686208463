import type { z } from 'zod';

/** What is wrong with one form field, independent of language (the dictionaries word it). */
export type FieldProblem =
  | { readonly kind: 'required' }
  | { readonly kind: 'too-short'; readonly min: number }
  | { readonly kind: 'too-long'; readonly max: number }
  | { readonly kind: 'format' }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'needs-letter-and-digit' }
  | { readonly kind: 'contains-username' };

export type FieldErrors<F extends string> = Partial<Record<F, FieldProblem>>;

export type FormResult<F extends string, T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FieldErrors<F> };

/** One zod issue as a field problem: the same schema the main process checks, worded for people. */
export function problemOfIssue(issue: z.core.$ZodIssue): FieldProblem {
  if (issue.code === 'too_small') {
    // min(1) after trim() is how the contract says "required".
    return Number(issue.minimum) <= 1 ? { kind: 'required' } : { kind: 'too-short', min: Number(issue.minimum) };
  }
  if (issue.code === 'too_big') return { kind: 'too-long', max: Number(issue.maximum) };
  // Regex, enum, type: the field's own wording says what shape it needs.
  return { kind: 'format' };
}

/**
 * Maps zod issues to form fields by their dotted path (`office.place` → `place`); the first issue
 * of a field wins. An issue on a path the form does not show is returned under `unmapped`.
 */
export function problemsFromIssues<F extends string>(
  issues: readonly z.core.$ZodIssue[],
  fieldOfPath: Readonly<Record<string, F>>,
): { readonly errors: FieldErrors<F>; readonly unmapped: readonly string[] } {
  const errors: FieldErrors<F> = {};
  const unmapped: string[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const field = fieldOfPath[path];
    if (field === undefined) unmapped.push(path);
    else errors[field] ??= problemOfIssue(issue);
  }
  return { errors, unmapped };
}

export function hasErrors<F extends string>(errors: FieldErrors<F>): boolean {
  return Object.values(errors).some((problem) => problem !== undefined);
}

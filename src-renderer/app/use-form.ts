import { useCallback, useMemo, useState } from 'react';
import type { FieldProblem, FormResult } from '../forms/field-problem';

/**
 * Form state with instant feedback: a field's problem shows once the field has been left (blur),
 * except "required", which waits for the first submit; after a submit every problem shows.
 * The check is the same pure function the tests cover.
 */
export function useForm<V extends object, F extends string, T>(initial: V, check: (values: V) => FormResult<F, T>) {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<ReadonlySet<F>>(() => new Set());
  const [isSubmitted, setIsSubmitted] = useState(false);
  const result = useMemo(() => check(values), [values, check]);

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => setValues((previous) => ({ ...previous, [field]: value })), []);
  const touch = useCallback((field: F) => setTouched((previous) => (previous.has(field) ? previous : new Set(previous).add(field))), []);
  const problemOf = (field: F): FieldProblem | undefined => {
    if (result.ok) return undefined;
    if (isSubmitted) return result.errors[field];
    const problem = touched.has(field) ? result.errors[field] : undefined;
    // Leaving an empty field (to switch language, to look something up) is not a mistake yet.
    return problem?.kind === 'required' ? undefined : problem;
  };
  const reset = useCallback((next: V) => {
    setValues(next);
    setTouched(new Set());
    setIsSubmitted(false);
  }, []);
  return { values, set, touch, problemOf, result, isSubmitted, submit: () => setIsSubmitted(true), reset };
}

/** Moves focus to the first field marked invalid (after the render that marks it). */
export function focusFirstInvalid(container: HTMLElement | null): void {
  window.setTimeout(() => container?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}

import type { FieldProblem } from './field-problem';

/**
 * The password checks a schema cannot express. They mirror `assertPasswordStrength` in
 * src-main/users/user-service.ts (which has the last word: it answers WEAK_PASSWORD); kept here
 * only so the person sees the problem while typing.
 */
export function passwordStrengthProblem(password: string, username: string): FieldProblem | null {
  if (username !== '' && password.toLowerCase().includes(username.toLowerCase())) return { kind: 'contains-username' };
  if (!/\d/.test(password) || !/\p{L}/u.test(password)) return { kind: 'needs-letter-and-digit' };
  return null;
}

/** The confirmation field: only a mismatch is its problem (the password field reports the rest). */
export function passwordConfirmProblem(password: string, confirm: string): FieldProblem | null {
  if (confirm === '') return { kind: 'required' };
  return password === confirm ? null : { kind: 'mismatch' };
}

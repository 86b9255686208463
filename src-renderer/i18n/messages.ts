import { isErrorCode, type ErrorCode, type ReplyError } from '../../src-shared/contract';
import { ROLE_LABELS, type Role } from '../../src-shared/domain/roles';
import type { FieldProblem } from '../forms/field-problem';
import type { Language } from './language';
import type { Dict } from './th';

/** The text for an error code; a code outside the contract's union gets the fallback text. */
export function errorMessage(t: Dict, code: string): string {
  return isErrorCode(code) ? t.errors[code] : t.errorFallback;
}

/**
 * Codes whose message says everything a person needs; for the others main's technical text
 * (English, for the administrator) is kept folded under the message.
 */
const SELF_EXPLAINING_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'NOT_LOGGED_IN',
  'FORBIDDEN',
  'BAD_CREDENTIALS',
  'LOCKED_OUT',
  'USER_DISABLED',
  'SESSION_EXPIRED',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'USERNAME_TAKEN',
  'WEAK_PASSWORD',
  'LAST_ADMIN',
]);

export function showsTechnicalDetail(error: ReplyError): boolean {
  return error.message !== '' && !SELF_EXPLAINING_CODES.has(error.code);
}

export function replyErrorMessage(t: Dict, error: ReplyError): string {
  return errorMessage(t, error.code);
}

/** Role names come from the domain (ROLE_LABELS), not from the dictionaries: one source. */
export function roleLabel(role: Role, language: Language): string {
  return ROLE_LABELS[role][language];
}

export type FieldName = keyof Dict['fields'];

/** The text under a field for one of its problems. */
export function fieldProblemMessage(t: Dict, field: FieldName, problem: FieldProblem): string {
  switch (problem.kind) {
    case 'required':
      return t.problems.required;
    case 'too-short':
      return t.problems.tooShort(problem.min);
    case 'too-long':
      return t.problems.tooLong(problem.max);
    case 'format':
      return t.fields[field].format;
    case 'mismatch':
      return t.problems.mismatch;
    case 'needs-letter-and-digit':
      return t.problems.needsLetterAndDigit;
    case 'contains-username':
      return t.problems.containsUsername;
  }
}

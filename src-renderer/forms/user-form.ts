import { requestMap, type ParsedInput } from '../../src-shared/contract';
import { isRole, type Role } from '../../src-shared/domain/roles';
import { hasErrors, problemsFromIssues, type FieldErrors, type FormResult } from './field-problem';
import { normaliseUsername } from './normalise';
import { passwordConfirmProblem, passwordStrengthProblem } from './password-rules';

export interface UserValues {
  readonly username: string;
  readonly fullNameTh: string;
  readonly positionTh: string;
  /** '' until one is chosen: no role is preselected, so nobody becomes an administrator by accident. */
  readonly role: Role | '';
  readonly password: string;
  readonly passwordConfirm: string;
}

export type UserField = keyof UserValues;

export const EMPTY_USER: UserValues = { username: '', fullNameTh: '', positionTh: '', role: '', password: '', passwordConfirm: '' };

const REQUIRED: readonly UserField[] = ['username', 'fullNameTh', 'positionTh', 'password'];
const USER_FIELD_OF_PATH: Readonly<Record<string, UserField>> = {
  username: 'username',
  fullNameTh: 'fullNameTh',
  positionTh: 'positionTh',
  role: 'role',
  password: 'password',
};

export type AddUserInput = ParsedInput<'user.add'>;

/** The `user.add` input, or what is wrong, field by field (same schema main checks). */
export function checkNewUser(values: UserValues): FormResult<UserField, AddUserInput> {
  const username = normaliseUsername(values.username);
  const parsed = requestMap['user.add'].input.safeParse({
    username,
    fullNameTh: values.fullNameTh,
    positionTh: values.positionTh,
    role: values.role,
    password: values.password,
  });
  const errors: FieldErrors<UserField> = parsed.success ? {} : { ...problemsFromIssues(parsed.error.issues, USER_FIELD_OF_PATH).errors };
  for (const field of REQUIRED) {
    if (values[field].trim() === '') errors[field] = { kind: 'required' };
  }
  if (!isRole(values.role)) errors.role = { kind: 'required' };
  if (errors.password === undefined) {
    const weak = passwordStrengthProblem(values.password, username);
    if (weak !== null) errors.password = weak;
  }
  const confirm = passwordConfirmProblem(values.password, values.passwordConfirm);
  if (confirm !== null) errors.passwordConfirm = confirm;
  if (!parsed.success || hasErrors(errors)) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

export type DisableInput = ParsedInput<'user.disable'>;

/** The `user.disable` input: a reason is required (it goes to the audit log). */
export function checkDisable(username: string, reason: string): FormResult<'reason', DisableInput> {
  const parsed = requestMap['user.disable'].input.safeParse({ username, reason });
  if (parsed.success) return { ok: true, value: parsed.data };
  const { errors } = problemsFromIssues(parsed.error.issues, { reason: 'reason' });
  return { ok: false, errors: reason.trim() === '' ? { reason: { kind: 'required' } } : errors };
}

import { requestMap, type ParsedInput } from '../../src-shared/contract';
import { hasErrors, problemsFromIssues, type FieldErrors, type FormResult } from './field-problem';
import { compactDigits, normaliseUsername } from './normalise';
import { passwordConfirmProblem, passwordStrengthProblem } from './password-rules';

/** What the set-up form holds: text as typed. */
export interface SetupValues {
  readonly place: string;
  readonly officeName: string;
  readonly province: string;
  readonly costCentre: string;
  readonly billerId: string;
  readonly companyCode: string;
  readonly terminalSlot: number;
  readonly isTraining: boolean;
  readonly username: string;
  readonly fullNameTh: string;
  readonly positionTh: string;
  readonly password: string;
  readonly passwordConfirm: string;
}

export type SetupField = Exclude<keyof SetupValues, 'isTraining'>;

export const EMPTY_SETUP: SetupValues = {
  place: '',
  officeName: '',
  province: '',
  costCentre: '',
  billerId: '',
  companyCode: '',
  terminalSlot: 1,
  isTraining: false,
  username: '',
  fullNameTh: '',
  positionTh: '',
  password: '',
  passwordConfirm: '',
};

/**
 * Required on this form. The contract lets cost centre and biller id be null (the CLI may set them
 * later), but an office cannot make a Ref2 or a bill-payment barcode without them, so the counter
 * set-up asks for them; only the company code is optional.
 */
const REQUIRED: readonly SetupField[] = ['place', 'officeName', 'province', 'costCentre', 'billerId', 'username', 'fullNameTh', 'positionTh', 'password'];

const FIELD_OF_PATH: Readonly<Record<string, SetupField>> = {
  'office.place': 'place',
  'office.nameTh': 'officeName',
  'office.province': 'province',
  'office.costCentre': 'costCentre',
  'office.billerId': 'billerId',
  'office.companyCode': 'companyCode',
  terminalSlot: 'terminalSlot',
  'admin.username': 'username',
  'admin.fullNameTh': 'fullNameTh',
  'admin.positionTh': 'positionTh',
  'admin.password': 'password',
};

export type SetupInput = ParsedInput<'setup.init'>;

/** The `setup.init` input the form would send, or what is wrong, field by field. */
export function checkSetup(values: SetupValues): FormResult<SetupField, SetupInput> {
  const username = normaliseUsername(values.username);
  const companyCode = compactDigits(values.companyCode);
  const candidate = {
    office: {
      place: compactDigits(values.place),
      nameTh: values.officeName,
      province: values.province,
      costCentre: compactDigits(values.costCentre),
      billerId: compactDigits(values.billerId),
      companyCode: companyCode === '' ? null : companyCode,
    },
    terminalSlot: values.terminalSlot,
    isTraining: values.isTraining,
    admin: { username, fullNameTh: values.fullNameTh, positionTh: values.positionTh, password: values.password },
  };
  const parsed = requestMap['setup.init'].input.safeParse(candidate);
  const errors: FieldErrors<SetupField> = parsed.success ? {} : { ...problemsFromIssues(parsed.error.issues, FIELD_OF_PATH).errors };
  for (const field of REQUIRED) {
    const value = values[field];
    if (typeof value === 'string' && value.trim() === '') errors[field] = { kind: 'required' };
  }
  if (errors.password === undefined) {
    const weak = passwordStrengthProblem(values.password, username);
    if (weak !== null) errors.password = weak;
  }
  const confirm = passwordConfirmProblem(values.password, values.passwordConfirm);
  if (confirm !== null) errors.passwordConfirm = confirm;
  if (!parsed.success || hasErrors(errors)) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

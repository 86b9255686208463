import { describe, expect, it } from 'vitest';
import { checkDisable, checkNewUser, EMPTY_USER, type UserValues } from './user-form';

const VALID: UserValues = {
  username: 'somsri',
  fullNameTh: 'นางสาวสมศรี ใจดี',
  positionTh: 'เจ้าพนักงานปกครองปฏิบัติงาน',
  role: 'operator',
  password: 'counter2568',
  passwordConfirm: 'counter2568',
};

describe('checkNewUser', () => {
  it('turns a filled form into the user.add input', () => {
    expect(checkNewUser(VALID)).toEqual({
      ok: true,
      value: { username: 'somsri', fullNameTh: 'นางสาวสมศรี ใจดี', positionTh: 'เจ้าพนักงานปกครองปฏิบัติงาน', role: 'operator', password: 'counter2568' },
    });
  });

  it('needs a role to be chosen (none is preselected)', () => {
    const result = checkNewUser({ ...VALID, role: '' });
    expect(result.ok ? null : result.errors).toEqual({ role: { kind: 'required' } });
  });

  it('marks every empty field', () => {
    const result = checkNewUser(EMPTY_USER);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['fullNameTh', 'password', 'passwordConfirm', 'positionTh', 'role', 'username']);
  });

  it('refuses a name with a control character (it would break printed receipts)', () => {
    const result = checkNewUser({ ...VALID, fullNameTh: 'นางสาวสมศรี\u0007ใจดี' });
    expect(result.ok ? null : result.errors.fullNameTh).toEqual({ kind: 'format' });
  });
});

describe('checkDisable', () => {
  it('needs a reason', () => {
    expect(checkDisable('somsri', '   ')).toEqual({ ok: false, errors: { reason: { kind: 'required' } } });
  });

  it('trims the reason and keeps it within 200 characters', () => {
    expect(checkDisable('somsri', ' ย้ายไปอำเภออื่น ')).toEqual({ ok: true, value: { username: 'somsri', reason: 'ย้ายไปอำเภออื่น' } });
    const long = checkDisable('somsri', 'ก'.repeat(201));
    expect(long.ok ? null : long.errors.reason).toEqual({ kind: 'too-long', max: 200 });
  });
});

import { describe, expect, it } from 'vitest';
import { checkSetup, EMPTY_SETUP, type SetupValues } from './setup-form';

const VALID: SetupValues = {
  ...EMPTY_SETUP,
  place: '5401',
  officeName: 'ที่ทำการปกครองอำเภอเมืองแพร่',
  province: 'แพร่',
  costCentre: '5400100001',
  billerId: '099400016551001',
  companyCode: '',
  terminalSlot: 2,
  isTraining: true,
  username: 'somchai',
  fullNameTh: 'นายสมชาย ดูแลระบบ',
  positionTh: 'นักวิชาการคอมพิวเตอร์ปฏิบัติการ',
  password: 'counter2568',
  passwordConfirm: 'counter2568',
};

describe('checkSetup', () => {
  it('turns a filled form into the setup.init input', () => {
    const result = checkSetup(VALID);
    expect(result).toEqual({
      ok: true,
      value: {
        office: {
          place: '5401',
          nameTh: 'ที่ทำการปกครองอำเภอเมืองแพร่',
          province: 'แพร่',
          costCentre: '5400100001',
          billerId: '099400016551001',
          companyCode: null,
        },
        terminalSlot: 2,
        isTraining: true,
        admin: { username: 'somchai', fullNameTh: 'นายสมชาย ดูแลระบบ', positionTh: 'นักวิชาการคอมพิวเตอร์ปฏิบัติการ', password: 'counter2568' },
      },
    });
  });

  it('drops spaces and dashes in codes, lower-cases the username and trims names', () => {
    const result = checkSetup({ ...VALID, place: ' 54 01 ', billerId: '0994000165510-01', companyCode: '123 45', username: ' SomChai ', officeName: '  อำเภอเมืองแพร่  ' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.office.place).toBe('5401');
    expect(result.value.office.billerId).toBe('099400016551001');
    expect(result.value.office.companyCode).toBe('12345');
    expect(result.value.admin.username).toBe('somchai');
    expect(result.value.office.nameTh).toBe('อำเภอเมืองแพร่');
  });

  it('marks every empty required field, and not the optional company code', () => {
    const result = checkSetup(EMPTY_SETUP);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const field of ['place', 'officeName', 'province', 'costCentre', 'billerId', 'username', 'fullNameTh', 'positionTh', 'password', 'passwordConfirm'] as const) {
      expect(result.errors[field], field).toEqual({ kind: 'required' });
    }
    expect(result.errors.companyCode).toBeUndefined();
  });

  it('checks code formats with the contract schema (4, 10, 15 and 3–10 digits)', () => {
    const result = checkSetup({ ...VALID, place: '540', costCentre: '54001', billerId: '12345678901234', companyCode: '12' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({ place: { kind: 'format' }, costCentre: { kind: 'format' }, billerId: { kind: 'format' }, companyCode: { kind: 'format' } });
  });

  it('refuses a username the contract refuses', () => {
    const result = checkSetup({ ...VALID, username: '1admin' });
    expect(result.ok ? null : result.errors.username).toEqual({ kind: 'format' });
  });

  it('reports over-long names with the limit', () => {
    const result = checkSetup({ ...VALID, officeName: 'ก'.repeat(201) });
    expect(result.ok ? null : result.errors.officeName).toEqual({ kind: 'too-long', max: 200 });
  });

  it('applies the password rules main applies: length, letter and digit, not the username', () => {
    const short = checkSetup({ ...VALID, password: 'ab1', passwordConfirm: 'ab1' });
    expect(short.ok ? null : short.errors.password).toEqual({ kind: 'too-short', min: 8 });
    const lettersOnly = checkSetup({ ...VALID, password: 'password', passwordConfirm: 'password' });
    expect(lettersOnly.ok ? null : lettersOnly.errors.password).toEqual({ kind: 'needs-letter-and-digit' });
    const withName = checkSetup({ ...VALID, password: 'SOMCHAI2568', passwordConfirm: 'SOMCHAI2568' });
    expect(withName.ok ? null : withName.errors.password).toEqual({ kind: 'contains-username' });
  });

  it('asks for the same password twice', () => {
    const result = checkSetup({ ...VALID, passwordConfirm: 'counter2569' });
    expect(result.ok ? null : result.errors).toEqual({ passwordConfirm: { kind: 'mismatch' } });
  });
});

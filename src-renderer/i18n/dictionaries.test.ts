import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src-shared/contract/errors';
import { ROLES } from '../../src-shared/domain/roles';
import { en } from './en';
import { DICTIONARIES, LANGUAGES } from './language';
import { errorMessage, roleLabel, showsTechnicalDetail } from './messages';
import { th } from './th';

/** Every leaf of a dictionary as "a.b.c" → value (functions are called with sample arguments). */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (typeof value === 'function') out.set(prefix, String((value as (...args: unknown[]) => unknown)('x', 'y')));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) for (const [k, v] of leaves(child, prefix === '' ? key : `${prefix}.${key}`)) out.set(k, v);
  }
  return out;
}

describe('dictionaries', () => {
  it('English has exactly the keys Thai has (the Dict type says so at compile time; this says it at run time)', () => {
    expect([...leaves(en).keys()].sort()).toEqual([...leaves(th).keys()].sort());
  });

  it('no text is empty in either language', () => {
    for (const language of LANGUAGES) {
      for (const [key, text] of leaves(DICTIONARIES[language])) expect(text.trim(), `${language}:${key}`).not.toBe('');
    }
  });

  it('every error code of the contract has a Thai and an English message of its own', () => {
    for (const code of ERROR_CODES) {
      expect(errorMessage(th, code), code).not.toBe(th.errorFallback);
      expect(errorMessage(en, code), code).not.toBe(en.errorFallback);
      expect(th.errors[code], code).toMatch(/[\u0E00-\u0E7F]/u);
    }
    expect(Object.keys(th.errors).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('a code outside the contract gets the fallback, not a crash', () => {
    expect(errorMessage(th, 'SOMETHING_NEW')).toBe(th.errorFallback);
  });

  it('LOCKED_OUT tells the clerk to wait 15 minutes or ask the administrator', () => {
    expect(th.errors.LOCKED_OUT).toContain('15 นาที');
    expect(th.errors.LOCKED_OUT).toContain('ผู้ดูแลระบบ');
  });

  it('the training banner has the agreed Thai text', () => {
    expect(th.training.banner).toBe('โหมดฝึกอบรม — ข้อมูลนี้ไม่ใช่ข้อมูลจริง');
  });

  it('the idle logout notice has the agreed Thai text', () => {
    expect(th.session.idle).toContain('ออกจากระบบอัตโนมัติเนื่องจากไม่มีการใช้งาน');
  });

  it('role labels come from ROLE_LABELS for every role', () => {
    for (const role of ROLES) {
      expect(roleLabel(role, 'th')).toMatch(/[\u0E00-\u0E7F]/u);
      expect(roleLabel(role, 'en')).toMatch(/[A-Za-z]/);
    }
  });

  it('technical detail is folded in for unexpected failures only', () => {
    expect(showsTechnicalDetail({ code: 'INTERNAL', message: 'HTTP 401: bad token' })).toBe(true);
    expect(showsTechnicalDetail({ code: 'BAD_CREDENTIALS', message: 'Wrong username or password' })).toBe(false);
    expect(showsTechnicalDetail({ code: 'INTERNAL', message: '' })).toBe(false);
  });

  it('the bank import result counts in the right number in English and groups thousands in both', () => {
    expect(en.bank.result(1, 1, 0, 0)).toBe('1 line: 1 matched, 0 exceptions, 0 duplicates');
    expect(en.bank.result(2, 0, 1, 1)).toBe('2 lines: 0 matched, 1 exception, 1 duplicate');
    expect(en.bank.result(100_000, 5_000, 95_000, 0)).toBe('100,000 lines: 5,000 matched, 95,000 exceptions, 0 duplicates');
    expect(th.bank.result(100_000, 5_000, 95_000, 0)).toBe('100,000 รายการ: ตรงกับใบแจ้ง 5,000, ผิดปกติ 95,000, ซ้ำ 0');
  });
});

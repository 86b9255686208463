import { describe, expect, it } from 'vitest';
import { looksTypedInThaiLayout } from './keyboard-layout';
import { passwordConfirmProblem, passwordStrengthProblem } from './password-rules';

describe('password rules', () => {
  it('accepts letters with digits, in any script', () => {
    expect(passwordStrengthProblem('counter2568', 'somchai')).toBeNull();
    expect(passwordStrengthProblem('รหัสผ่าน2568', 'somchai')).toBeNull();
  });

  it('refuses a password without a digit or without a letter', () => {
    expect(passwordStrengthProblem('countersss', 'somchai')).toEqual({ kind: 'needs-letter-and-digit' });
    expect(passwordStrengthProblem('12345678', 'somchai')).toEqual({ kind: 'needs-letter-and-digit' });
  });

  it('refuses a password that contains the username, whatever the case', () => {
    expect(passwordStrengthProblem('xxSomChai99', 'somchai')).toEqual({ kind: 'contains-username' });
  });

  it('wants the confirmation to match exactly', () => {
    expect(passwordConfirmProblem('counter2568', 'counter2568')).toBeNull();
    expect(passwordConfirmProblem('counter2568', 'Counter2568')).toEqual({ kind: 'mismatch' });
    expect(passwordConfirmProblem('counter2568', '')).toEqual({ kind: 'required' });
  });
});

describe('keyboard layout hint', () => {
  it('notices Thai letters typed where Latin was meant', () => {
    // "admin" typed with the Thai Kedmanee layout on.
    expect(looksTypedInThaiLayout('ฟก)ืิ')).toBe(true);
    expect(looksTypedInThaiLayout('admin')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { PAYMENT_ERROR_TEXT_EN, PAYMENT_ERROR_TEXT_TH } from './payment-error-text';
import { PAYMENT_ERROR_CODES } from './payment-errors';

describe('payment error codes', () => {
  it('are unique SCREAMING_SNAKE_CASE names', () => {
    expect(new Set(PAYMENT_ERROR_CODES).size).toBe(PAYMENT_ERROR_CODES.length);
    for (const code of PAYMENT_ERROR_CODES) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('each has its own Thai and English text', () => {
    expect(Object.keys(PAYMENT_ERROR_TEXT_TH).sort()).toEqual([...PAYMENT_ERROR_CODES].sort());
    expect(Object.keys(PAYMENT_ERROR_TEXT_EN).sort()).toEqual([...PAYMENT_ERROR_CODES].sort());
    for (const code of PAYMENT_ERROR_CODES) {
      expect(PAYMENT_ERROR_TEXT_TH[code], code).toMatch(/[\u0E00-\u0E7F]/u);
      expect(PAYMENT_ERROR_TEXT_EN[code].trim(), code).not.toBe('');
    }
  });
});

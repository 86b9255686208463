import { describe, expect, it } from 'vitest';
import { beTextFromIso, isoFromBeText } from './be-date';

describe('Buddhist-era date text', () => {
  it('reads dd/mm/yyyy B.E. into the ISO business date, with Thai digits and one-digit day or month', () => {
    expect(isoFromBeText('02/12/2569')).toBe('2026-12-02');
    expect(isoFromBeText(' 2/1/2570 ')).toBe('2027-01-02');
    expect(isoFromBeText('๒๙/๐๒/๒๕๖๗')).toBe('2024-02-29');
    expect(isoFromBeText('29.02.2567')).toBe('2024-02-29');
    expect(isoFromBeText('')).toBe('');
  });

  it('refuses dates that do not exist, a Gregorian year and other text', () => {
    expect(isoFromBeText('29/02/2569')).toBeNull();
    expect(isoFromBeText('31/04/2569')).toBeNull();
    expect(isoFromBeText('00/12/2569')).toBeNull();
    expect(isoFromBeText('02/13/2569')).toBeNull();
    expect(isoFromBeText('02/12/2026')).toBeNull();
    expect(isoFromBeText('2026-12-02')).toBeNull();
    expect(isoFromBeText('พรุ่งนี้')).toBeNull();
  });

  it('writes an ISO date as dd/mm/yyyy B.E. and round-trips', () => {
    expect(beTextFromIso('2026-12-02')).toBe('02/12/2569');
    expect(beTextFromIso('')).toBe('');
    expect(beTextFromIso('garbage')).toBe('');
    expect(isoFromBeText(beTextFromIso('2027-01-31'))).toBe('2027-01-31');
  });
});

import { describe, expect, it } from 'vitest';
import { FINE_LAWS } from '../../src-shared/catalog';
import { amountAfterChoice, revenueChoicesOf, revenueOptionLabel, type CatalogList } from './revenue-choices';

const FINES = FINE_LAWS.map((law) => ({ revenueCode: law.revenueCode, lawNameTh: law.lawNameTh, lawNameEn: law.lawNameEn, group: law.group, rewardBasisPoints: 0, costBasisPoints: 0 }));
const CERTIFICATE = { revenueCode: '801001', nameTh: 'ค่าธรรมเนียมหนังสือรับรอง', nameEn: 'Certificate fee', fund: 'state-revenue', defaultAmountSatang: 2_000, active: true } as const;
const COPY = { revenueCode: '801002', nameTh: 'ค่าธรรมเนียมคัดสำเนา', nameEn: '', fund: 'non-budget', defaultAmountSatang: null, active: true } as const;
const RETIRED = { revenueCode: '801003', nameTh: 'ค่าธรรมเนียมเลิกใช้', nameEn: 'Retired fee', fund: 'state-revenue', defaultAmountSatang: 5_000, active: false } as const;
const LIST: CatalogList = { version: 4, pulledAtMs: 1_700_000_000_000, refusedVersions: [], fineLaws: FINES, feeTypes: [CERTIFICATE, RETIRED, COPY] };

describe('revenueChoicesOf: what the counter screens offer from catalog.list', () => {
  it('offers the 14 fine laws then the active fee types, in the catalog’s order, each with what it needs', () => {
    const choices = revenueChoicesOf(LIST);
    expect(choices.version).toBe(4);
    expect(choices.fines.map((c) => c.revenueCode)).toEqual(FINE_LAWS.map((l) => l.revenueCode));
    expect(choices.fines.every((c) => c.kind === 'fine' && c.fixedAmountSatang === null && c.fund === null)).toBe(true);
    expect(choices.find('804201')).toMatchObject({ kind: 'fine', group: '1.2', nameTh: 'พ.ร.บ. กำหนดความผิดเกี่ยวกับห้างหุ้นส่วนจดทะเบียน ห้างหุ้นส่วนจำกัด บริษัทจำกัด สมาคม และมูลนิธิ พ.ศ. 2499' });
    expect(choices.fees.map((c) => c.revenueCode)).toEqual(['801001', '801002']);
    expect(choices.find('801001')).toEqual({ revenueCode: '801001', kind: 'fee', nameTh: CERTIFICATE.nameTh, nameEn: 'Certificate fee', group: null, fund: 'state-revenue', fixedAmountSatang: 2_000 });
  });

  it('never offers an inactive fee type, nor finds it (main would refuse it REVENUE_CODE_UNKNOWN)', () => {
    const choices = revenueChoicesOf(LIST);
    expect(choices.find('801003')).toBeUndefined();
    expect(choices.find('999999')).toBeUndefined();
  });

  it('names every listed code for a bill or receipt already made, an inactive fee type included, and nothing else', () => {
    const choices = revenueChoicesOf(LIST);
    expect(choices.nameOf('801003')).toEqual({ nameTh: RETIRED.nameTh, nameEn: 'Retired fee' });
    expect(choices.nameOf('804005')).toEqual({ nameTh: 'พ.ร.บ. โรงรับจำนำ พ.ศ. 2505', nameEn: 'Pawnshop Act B.E. 2505' });
    expect(choices.nameOf('801002')).toEqual({ nameTh: COPY.nameTh, nameEn: COPY.nameTh });
    expect(choices.nameOf('999999')).toBeUndefined();
  });

  it('a fee type with no English name falls back to its Thai name', () => {
    expect(revenueChoicesOf(LIST).find('801002')).toMatchObject({ nameTh: COPY.nameTh, nameEn: COPY.nameTh });
  });

  it('the shipped catalog (no pull yet): the fine laws and no fee', () => {
    const choices = revenueChoicesOf({ ...LIST, version: null, pulledAtMs: null, feeTypes: [] });
    expect(choices.fines).toHaveLength(14);
    expect(choices.fees).toEqual([]);
  });
});

describe('revenueOptionLabel: the code first, then the Thai name; English after it in the English screen', () => {
  const choices = revenueChoicesOf(LIST);
  it('labels a fee and a fine in both languages', () => {
    expect(revenueOptionLabel(choices.find('801001')!, 'th')).toBe('801001 ค่าธรรมเนียมหนังสือรับรอง');
    expect(revenueOptionLabel(choices.find('801001')!, 'en')).toBe('801001 ค่าธรรมเนียมหนังสือรับรอง · Certificate fee');
    expect(revenueOptionLabel(choices.find('804005')!, 'en')).toBe('804005 พ.ร.บ. โรงรับจำนำ พ.ศ. 2505 · Pawnshop Act B.E. 2505');
  });
  it('says the Thai name once when the catalog has no English one', () => {
    expect(revenueOptionLabel(choices.find('801002')!, 'en')).toBe('801002 ค่าธรรมเนียมคัดสำเนา');
  });
});

describe('amountAfterChoice: a fixed fee is prefilled, what the operator typed is kept', () => {
  const choices = revenueChoicesOf({ ...LIST, feeTypes: [CERTIFICATE, COPY, { ...RETIRED, revenueCode: '801004', active: true, defaultAmountSatang: 123_456 }] });
  const fine = choices.find('804001');
  const certificate = choices.find('801001');
  const copy = choices.find('801002');
  const big = choices.find('801004');
  it('prefills an empty field with the fixed amount, two decimals, grouped', () => {
    expect(amountAfterChoice('', undefined, certificate)).toBe('20.00');
    expect(amountAfterChoice('  ', fine, big)).toBe('1,234.56');
  });
  it('replaces its own prefill when another fixed fee is chosen, and clears it for a code with no fixed amount', () => {
    expect(amountAfterChoice('20.00', certificate, big)).toBe('1,234.56');
    expect(amountAfterChoice('20.00', certificate, copy)).toBe('');
    expect(amountAfterChoice('20.00', certificate, fine)).toBe('');
    expect(amountAfterChoice('20.00', certificate, undefined)).toBe('');
  });
  it('keeps an amount typed by hand', () => {
    expect(amountAfterChoice('1,500', fine, certificate)).toBe('1,500');
    expect(amountAfterChoice('25', certificate, big)).toBe('25');
    expect(amountAfterChoice('1,500', fine, copy)).toBe('1,500');
  });
});

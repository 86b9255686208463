import { describe, expect, it } from 'vitest';
import { parseRevenueCode } from '../codes';
import { FINE_LAWS, fineLawOf } from './fine-laws';
import { loadRevenueCatalog, type RevenueCatalogData } from './revenue-catalog';

const code = (result: { ok: true } | { ok: false; error: { code: string } }): string => (result.ok ? 'ok' : result.error.code);
const fee = { revenueCode: '701001', nameTh: 'ค่าธรรมเนียมทดสอบ', nameEn: 'Test fee', fund: 'state-revenue', defaultAmountSatang: 2_000, active: true } as const;

describe('the 14 fine laws (domain.md §2, seed 001 §1)', () => {
  it('has 8 deductible laws in group 1.1 and 6 remitted in full in group 1.2', () => {
    expect(FINE_LAWS).toHaveLength(14);
    expect(FINE_LAWS.filter((law) => law.group === '1.1').map((law) => law.revenueCode)).toEqual([
      '804001', '804002', '804003', '804004', '804005', '804006', '804007', '804008',
    ]);
    expect(FINE_LAWS.filter((law) => law.group === '1.2').map((law) => law.revenueCode)).toEqual(['804201', '804202', '804203', '804204', '804205', '804206']);
    expect(FINE_LAWS.every((law) => law.deductible === (law.group === '1.1'))).toBe(true);
  });

  it('every code is a valid 6-digit revenue code under remittance code 804', () => {
    for (const law of FINE_LAWS) {
      const parsed = parseRevenueCode(law.revenueCode);
      expect(parsed.ok && parsed.value.remitCode).toBe('804');
    }
  });

  it.each([
    ['804001', 'ค่าปรับตาม พ.ร.บ. บัตรประจำตัวประชาชน พ.ศ. 2526 ตามมาตรา 17', 2526],
    ['804002', 'ค่าปรับตาม พ.ร.บ. ควบคุมการขายทอดตลาดและค้าของเก่า พ.ศ. 2474', 2474],
    ['804006', 'ค่าปรับตาม พ.ร.บ. ควบคุมการเรี่ยไร พ.ศ. 2487', 2487],
    ['804205', 'ค่าปรับตาม พ.ร.บ. สงวนช้าง พ.ศ. 2464', 2464],
    ['804206', 'ค่าปรับตาม พ.ร.บ. รับราชการทหาร พ.ศ. 2497', 2497],
  ])('%s reads %s (OCR-damaged years corrected)', (revenueCode, itemNameTh, year) => {
    expect(fineLawOf(revenueCode)?.itemNameTh).toBe(itemNameTh);
    expect(fineLawOf(revenueCode)?.enactedYearBe).toBe(year);
  });

  it('has English names and no unknown codes', () => {
    expect(FINE_LAWS.every((law) => law.lawNameEn.endsWith(`B.E. ${law.enactedYearBe}`) || law.lawNameEn.includes(`B.E. ${law.enactedYearBe} `))).toBe(true);
    expect(fineLawOf('804009')).toBeUndefined();
  });
});

describe('loadRevenueCatalog', () => {
  it('loads fee types and deduction rates; group 1.1 defaults to 0 %', () => {
    const data: RevenueCatalogData = { feeTypes: [fee], fineDeductions: [{ revenueCode: '804001', deductionBasisPoints: 2_000 }] };
    const result = loadRevenueCatalog(data);
    if (!result.ok) throw new Error(result.error.message);
    const catalog = result.value;
    expect(catalog.feeTypes).toEqual([fee]);
    expect(catalog.fineLaws.find((law) => law.revenueCode === '804001')?.deductionBasisPoints).toBe(2_000);
    expect(catalog.fineLaws.find((law) => law.revenueCode === '804002')?.deductionBasisPoints).toBe(0);
    expect(catalog.find('701001')).toEqual({ kind: 'fee', fee });
    expect(catalog.find('804205')?.kind).toBe('fine');
    expect(catalog.find('999999')).toBeUndefined();
  });

  it('accepts an empty catalog: the fee types come from the administrator, none are invented', () => {
    const result = loadRevenueCatalog({ feeTypes: [] });
    expect(result.ok && result.value.fineLaws.every((law) => law.deductionBasisPoints === 0)).toBe(true);
    expect(result.ok && result.value.feeTypes).toEqual([]);
  });

  it.each([
    ['not an object', 'x', 'CATALOG_INVALID_DATA'],
    ['unknown field', { feeTypes: [], extra: true }, 'CATALOG_INVALID_DATA'],
    ['float amount', { feeTypes: [{ ...fee, defaultAmountSatang: 20.5 }] }, 'CATALOG_INVALID_DATA'],
    ['bad fund', { feeTypes: [{ ...fee, fund: 'budget' }] }, 'CATALOG_INVALID_DATA'],
    ['deduction over 100 %', { feeTypes: [], fineDeductions: [{ revenueCode: '804001', deductionBasisPoints: 10_001 }] }, 'CATALOG_INVALID_DATA'],
    ['malformed fee code', { feeTypes: [{ ...fee, revenueCode: '70100' }] }, 'REVENUE_CODE_MALFORMED'],
    ['fee code 000', { feeTypes: [{ ...fee, revenueCode: '000001' }] }, 'REVENUE_CODE_ZERO'],
    ['fee with a fine code', { feeTypes: [{ ...fee, revenueCode: '804001' }] }, 'CATALOG_CODE_IS_A_FINE_LAW'],
    ['fee code twice', { feeTypes: [fee, { ...fee, nameEn: 'again' }] }, 'CATALOG_DUPLICATE_CODE'],
    ['deduction for an unknown law', { feeTypes: [], fineDeductions: [{ revenueCode: '804009', deductionBasisPoints: 100 }] }, 'CATALOG_UNKNOWN_FINE_LAW'],
    [
      'deduction twice',
      { feeTypes: [], fineDeductions: [{ revenueCode: '804001', deductionBasisPoints: 100 }, { revenueCode: '804001', deductionBasisPoints: 200 }] },
      'CATALOG_DUPLICATE_CODE',
    ],
    ['deduction on group 1.2', { feeTypes: [], fineDeductions: [{ revenueCode: '804201', deductionBasisPoints: 100 }] }, 'CATALOG_DEDUCTION_NOT_ALLOWED'],
  ])('%s → %s', (_name, data, expected) => {
    expect(code(loadRevenueCatalog(data))).toBe(expected);
  });

  it('allows an explicit 0 % on a group 1.2 law and names the field in messages', () => {
    expect(code(loadRevenueCatalog({ feeTypes: [], fineDeductions: [{ revenueCode: '804201', deductionBasisPoints: 0 }] }))).toBe('ok');
    const result = loadRevenueCatalog({ feeTypes: [{ ...fee, nameTh: '' }] });
    expect(result.ok ? '' : result.error.message).toContain('feeTypes.0.nameTh');
  });
});

import { describe, expect, it } from 'vitest';
import { FINE_LAWS } from '../../src-shared/catalog';
import { checkRequestForm as checkWith, draftNeeds, EMPTY_DRAFT, nationalIdAsTyped, readDraft, writeDraft, type RequestDraft } from './request-form';
import { revenueChoicesOf, type CatalogList } from './revenue-choices';

const GOOD: RequestDraft = { ...EMPTY_DRAFT, payerName: ' นายสมหมาย ทดสอบ ', payerId: '1-1017-00230-70-8', revenueCode: '804001', amountText: '1,500.00' };

/** catalog.list as main answers it after a pull: the 14 fine laws, one active fee with a fixed amount, one inactive. */
const LIST: CatalogList = {
  version: 3,
  pulledAtMs: 1_700_000_000_000,
  refusedVersions: [],
  fineLaws: FINE_LAWS.map((law) => ({ revenueCode: law.revenueCode, lawNameTh: law.lawNameTh, lawNameEn: law.lawNameEn, group: law.group, rewardBasisPoints: 0, costBasisPoints: 0 })),
  feeTypes: [
    { revenueCode: '801001', nameTh: 'ค่าธรรมเนียมหนังสือรับรอง', nameEn: 'Certificate fee', fund: 'state-revenue', defaultAmountSatang: 2_000, active: true },
    { revenueCode: '801009', nameTh: 'ค่าธรรมเนียมเลิกใช้', nameEn: 'Retired fee', fund: 'non-budget', defaultAmountSatang: null, active: false },
  ],
};
const CHOICES = revenueChoicesOf(LIST);
const checkRequestForm = (draft: RequestDraft) => checkWith(draft, CHOICES);

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
}

describe('the national ID is checked as typed', () => {
  it('says nothing while fewer than 13 digits are typed, then ok or the check-digit problem', () => {
    expect(nationalIdAsTyped('11017')).toBeNull();
    expect(nationalIdAsTyped('1101700230708')).toBe('ok');
    expect(nationalIdAsTyped('1101700230709')).toBe('NATIONAL_ID_BAD_CHECK_DIGIT');
    expect(nationalIdAsTyped('11017x')).toBe('NATIONAL_ID_MALFORMED');
  });
});

describe('checkRequestForm builds request.create inputs with the shared parsers', () => {
  it('a valid draft gives one request in satang with the ID without hyphens', () => {
    expect(checkRequestForm(GOOD)).toEqual({ ok: true, value: [{ payerName: 'นายสมหมาย ทดสอบ', payerId: '1101700230708', revenueCode: '804001', amountSatang: 150_000 }] });
  });

  it('a bad amount is refused with the strict parser’s code, never rounded', () => {
    expect(checkRequestForm({ ...GOOD, amountText: '12.345' })).toEqual({ ok: false, errors: { amountText: 'MONEY_TOO_MANY_DECIMALS' } });
    expect(checkRequestForm({ ...GOOD, amountText: '1,50' })).toMatchObject({ ok: false, errors: { amountText: 'MONEY_BAD_GROUPING' } });
    expect(checkRequestForm({ ...GOOD, amountText: '0' })).toMatchObject({ ok: false, errors: { amountText: 'MONEY_ZERO_NOT_ALLOWED' } });
  });

  it('a wrong check digit is refused; a fine order needs its number and marks nothing else', () => {
    expect(checkRequestForm({ ...GOOD, payerId: '1101700230709' })).toMatchObject({ ok: false, errors: { payerId: 'NATIONAL_ID_BAD_CHECK_DIGIT' } });
    expect(checkRequestForm({ ...GOOD, idKind: 'fine-order', payerId: '' })).toMatchObject({ ok: false, errors: { fineOrderNo: 'required' } });
    const fine = checkRequestForm({ ...GOOD, idKind: 'fine-order', payerId: '', fineOrderNo: 'ปค 12/2569' });
    expect(fine).toEqual({ ok: true, value: [{ payerName: 'นายสมหมาย ทดสอบ', revenueCode: '804001', amountSatang: 150_000, fineOrderNo: 'ปค 12/2569' }] });
  });

  it('instalments: one request per instalment with its due date, the parts summing to the total', () => {
    const result = checkRequestForm({ ...GOOD, amountText: '1000', instalments: 3, dueDates: ['2026-12-10', '2027-01-10', '2027-02-10'] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((r) => [r.instalmentNo, r.amountSatang, r.dueDate])).toEqual([
      [1, 33_334, '2026-12-10'],
      [2, 33_333, '2027-01-10'],
      [3, 33_333, '2027-02-10'],
    ]);
    expect(checkRequestForm({ ...GOOD, instalments: 2, dueDates: ['2026-12-10', ''] })).toMatchObject({ ok: false, errors: { dueDates: 'required' } });
  });
});

describe('the revenue code is checked against catalog.list, and a fee asks only what a fee needs', () => {
  it('a code not offered — unknown, or a fee type central made inactive — is REVENUE_CODE_UNKNOWN before anything is sent', () => {
    expect(checkRequestForm({ ...GOOD, revenueCode: '999999' })).toMatchObject({ ok: false, errors: { revenueCode: 'REVENUE_CODE_UNKNOWN' } });
    expect(checkRequestForm({ ...GOOD, revenueCode: '801009' })).toMatchObject({ ok: false, errors: { revenueCode: 'REVENUE_CODE_UNKNOWN' } });
    expect(checkRequestForm({ ...GOOD, revenueCode: '' })).toMatchObject({ ok: false, errors: { revenueCode: 'required' } });
    // Before catalog.list answers, nothing is offered: a fine law too is not accepted yet.
    expect(checkWith(GOOD, { find: () => undefined })).toMatchObject({ ok: false, errors: { revenueCode: 'REVENUE_CODE_UNKNOWN' } });
  });

  it('a fee is one request with the national ID and never a fine order (main refuses one on a fee)', () => {
    const fee = { ...GOOD, revenueCode: '801001', amountText: '20.00' };
    expect(checkRequestForm(fee)).toEqual({ ok: true, value: [{ payerName: 'นายสมหมาย ทดสอบ', payerId: '1101700230708', revenueCode: '801001', amountSatang: 2_000 }] });
    // A fine order or instalments left in the draft from a fine are not sent with a fee …
    const leftOver = { ...fee, idKind: 'fine-order' as const, fineOrderNo: 'ปค 12/2569', fineIssuingOfficer: 'นายอำเภอ', instalments: 3, dueDates: ['', '', ''] };
    expect(checkRequestForm(leftOver)).toEqual(checkRequestForm(fee));
    // … and the national ID stays required for a fee.
    expect(checkRequestForm({ ...leftOver, payerId: '' })).toMatchObject({ ok: false, errors: { payerId: 'required' } });
    expect(draftNeeds(leftOver, CHOICES.find('801001'))).toEqual({ isFineOrder: false, instalments: 1 });
    expect(draftNeeds(leftOver, CHOICES.find('804001'))).toEqual({ isFineOrder: true, instalments: 3 });
  });
});

describe('a draft survives a reload', () => {
  it('is written and read back, and garbage reads as an empty draft', () => {
    const storage = memoryStorage();
    writeDraft(storage, GOOD);
    expect(readDraft(storage)).toEqual(GOOD);
    writeDraft(storage, null);
    expect(readDraft(storage)).toEqual(EMPTY_DRAFT);
    storage.setItem('ebill.draft.new-request', '{not json');
    expect(readDraft(storage)).toEqual(EMPTY_DRAFT);
  });
});

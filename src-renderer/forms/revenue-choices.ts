import type { RequestOutput } from '../../src-shared/contract';
import { formatSatang } from '../../src-shared/money';
import type { Language } from '../i18n/language';

/** What `catalog.list` answers: the catalog in force in main (shipped, or the newest valid pull from central). */
export type CatalogList = RequestOutput<'catalog.list'>;

/** One revenue code a counter screen offers, with what a request or paper receipt of it needs. */
export interface RevenueChoice {
  readonly revenueCode: string;
  readonly kind: 'fine' | 'fee';
  readonly nameTh: string;
  /** The catalog's English name; the Thai name when the catalog has none. */
  readonly nameEn: string;
  /** Fines only: 1.1 (a share may be deducted) or 1.2 (remitted in full). */
  readonly group: '1.1' | '1.2' | null;
  /** Fees only: state revenue or non-budget money. */
  readonly fund: 'state-revenue' | 'non-budget' | null;
  /** Fees only: the catalog's fixed amount in satang, prefilled; null when the operator enters it. */
  readonly fixedAmountSatang: number | null;
}

/** The revenue codes a screen may offer, grouped fines then fees, each in the catalog's order. */
export interface RevenueChoices {
  /** `catalog.list`'s version (null: the shipped catalog). */
  readonly version: number | null;
  readonly fines: readonly RevenueChoice[];
  /** Active fee types only: an inactive one is refused by main (REVENUE_CODE_UNKNOWN), so never offered. */
  readonly fees: readonly RevenueChoice[];
  readonly find: (revenueCode: string) => RevenueChoice | undefined;
  /** For names only (a bill or receipt already made): any code the catalog lists, inactive fee types included. */
  readonly nameOf: (revenueCode: string) => { readonly nameTh: string; readonly nameEn: string } | undefined;
}

function englishOr(nameEn: string, nameTh: string): string {
  return nameEn.trim() === '' ? nameTh : nameEn;
}

/** The choices of the catalog main has in force: the fine laws and the active fee types. */
export function revenueChoicesOf(list: CatalogList): RevenueChoices {
  const fines: RevenueChoice[] = list.fineLaws.map((law) => ({
    revenueCode: law.revenueCode,
    kind: 'fine',
    nameTh: law.lawNameTh,
    nameEn: englishOr(law.lawNameEn, law.lawNameTh),
    group: law.group,
    fund: null,
    fixedAmountSatang: null,
  }));
  const fees: RevenueChoice[] = list.feeTypes
    .filter((fee) => fee.active)
    .map((fee) => ({
      revenueCode: fee.revenueCode,
      kind: 'fee',
      nameTh: fee.nameTh,
      nameEn: englishOr(fee.nameEn, fee.nameTh),
      group: null,
      fund: fee.fund,
      fixedAmountSatang: fee.defaultAmountSatang,
    }));
  const byCode = new Map<string, RevenueChoice>();
  for (const choice of [...fines, ...fees]) byCode.set(choice.revenueCode, choice);
  const names = new Map<string, { nameTh: string; nameEn: string }>();
  for (const choice of fines) names.set(choice.revenueCode, { nameTh: choice.nameTh, nameEn: choice.nameEn });
  for (const fee of list.feeTypes) names.set(fee.revenueCode, { nameTh: fee.nameTh, nameEn: englishOr(fee.nameEn, fee.nameTh) });
  return { version: list.version, fines, fees, find: (revenueCode) => byCode.get(revenueCode), nameOf: (revenueCode) => names.get(revenueCode) };
}

/**
 * An option's text: the code first (the select's type-ahead finds a code by its digits), then the
 * Thai name; in English the catalog's English name follows (when it has one that differs).
 */
export function revenueOptionLabel(choice: RevenueChoice, language: Language): string {
  const thai = `${choice.revenueCode} ${choice.nameTh}`;
  return language === 'en' && choice.nameEn !== choice.nameTh ? `${thai} · ${choice.nameEn}` : thai;
}

/** The fixed amount of a choice, or null (a fine, or a fee whose amount the operator enters). */
function fixedOf(choice: RevenueChoice | undefined): number | null {
  return choice === undefined ? null : choice.fixedAmountSatang;
}

/**
 * The amount text after the operator picks `next` (previously `previous`): a fixed fee is prefilled
 * (as the field shows money: 1,500.00) when the field is empty or still holds the previous choice's
 * prefill, which is cleared when the new choice has none; anything typed by hand stays.
 */
export function amountAfterChoice(amountText: string, previous: RevenueChoice | undefined, next: RevenueChoice | undefined): string {
  const before = fixedOf(previous);
  const after = fixedOf(next);
  const isUntouched = amountText.trim() === '' || (before !== null && amountText === formatSatang(before));
  if (!isUntouched) return amountText;
  if (after !== null) return formatSatang(after);
  return before === null ? amountText : '';
}

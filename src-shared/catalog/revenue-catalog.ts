import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { MAX_DOCUMENT_SATANG, type Satang } from '../money';
import { parseRevenueCode } from '../codes';
import { describeIssues } from '../dates';
import { FINE_LAWS, fineLawOf, type FineLaw } from './fine-laws';

/** Limits on catalog data (style.md §14). */
export const MAX_FEE_TYPES = 500;
/** Deduction rates are in basis points: 10,000 = 100 %. */
export const BASIS_POINTS_PER_WHOLE = 10_000;

/**
 * The catalog data an administrator maintains (domain.md §2): the fee types — 15 in use, but the
 * sources do not list them, so none are invented here — and the deduction rate of each group-1.1
 * fine law (not in the sources: configurable, default 0 %).
 */
export const revenueCatalogDataSchema = z.strictObject({
  feeTypes: z
    .array(
      z.strictObject({
        revenueCode: z.string().max(6),
        nameTh: z.string().min(1).max(200),
        nameEn: z.string().min(1).max(200),
        /** รายได้แผ่นดิน (state revenue) or เงินนอกงบประมาณ (non-budget money), domain.md §2. */
        fund: z.enum(['state-revenue', 'non-budget']),
        /** A fixed fee, or null when the operator enters the amount. */
        defaultAmountSatang: z.number().int().min(1).max(MAX_DOCUMENT_SATANG).nullable(),
        active: z.boolean(),
      }),
    )
    .max(MAX_FEE_TYPES),
  fineDeductions: z
    .array(z.strictObject({ revenueCode: z.string().max(6), deductionBasisPoints: z.number().int().min(0).max(BASIS_POINTS_PER_WHOLE) }))
    .max(FINE_LAWS.length)
    .optional(),
});
export type RevenueCatalogData = z.infer<typeof revenueCatalogDataSchema>;

export interface FeeType {
  readonly revenueCode: string;
  readonly nameTh: string;
  readonly nameEn: string;
  readonly fund: 'state-revenue' | 'non-budget';
  readonly defaultAmountSatang: Satang | null;
  readonly active: boolean;
}

export interface FineLawEntry extends FineLaw {
  /** Share deducted before remitting; always 0 for group 1.2. */
  readonly deductionBasisPoints: number;
}

export type RevenueItem = { readonly kind: 'fine'; readonly fine: FineLawEntry } | { readonly kind: 'fee'; readonly fee: FeeType };

export interface RevenueCatalog {
  readonly fineLaws: readonly FineLawEntry[];
  readonly feeTypes: readonly FeeType[];
  /** The fine law or fee type with this revenue code. */
  readonly find: (revenueCode: string) => RevenueItem | undefined;
}

/** Validates catalog data (JSON from resources/ or from central) and builds the catalog. */
export function loadRevenueCatalog(data: unknown): Result<RevenueCatalog, PaymentErrorCode> {
  const parsed = revenueCatalogDataSchema.safeParse(data);
  if (!parsed.success) return fail('CATALOG_INVALID_DATA', `catalog: ${describeIssues(parsed.error.issues)}`);

  const deductions = new Map<string, number>();
  for (const [index, entry] of (parsed.data.fineDeductions ?? []).entries()) {
    const where = `catalog fineDeductions[${index}]`;
    const law = fineLawOf(entry.revenueCode);
    if (law === undefined) return fail('CATALOG_UNKNOWN_FINE_LAW', `${where}: ${entry.revenueCode} is not one of the 14 fine laws`);
    if (deductions.has(entry.revenueCode)) return fail('CATALOG_DUPLICATE_CODE', `${where}: ${entry.revenueCode} is given twice`);
    if (!law.deductible && entry.deductionBasisPoints !== 0) {
      return fail('CATALOG_DEDUCTION_NOT_ALLOWED', `${where}: ${entry.revenueCode} is group 1.2 (remitted in full); its deduction must be 0`);
    }
    deductions.set(entry.revenueCode, entry.deductionBasisPoints);
  }
  const fineLaws = FINE_LAWS.map((law) => ({ ...law, deductionBasisPoints: deductions.get(law.revenueCode) ?? 0 }));

  const feeTypes: FeeType[] = [];
  const seen = new Set<string>();
  for (const [index, fee] of parsed.data.feeTypes.entries()) {
    const code = parseRevenueCode(fee.revenueCode, `catalog feeTypes[${index}].revenueCode`);
    if (!code.ok) return code;
    if (fineLawOf(fee.revenueCode) !== undefined) {
      return fail('CATALOG_CODE_IS_A_FINE_LAW', `catalog feeTypes[${index}]: ${fee.revenueCode} is a fine law's revenue code`);
    }
    if (seen.has(fee.revenueCode)) return fail('CATALOG_DUPLICATE_CODE', `catalog feeTypes[${index}]: ${fee.revenueCode} is given twice`);
    seen.add(fee.revenueCode);
    feeTypes.push({ ...fee, defaultAmountSatang: fee.defaultAmountSatang as Satang | null });
  }

  const items = new Map<string, RevenueItem>();
  for (const fine of fineLaws) items.set(fine.revenueCode, { kind: 'fine', fine });
  for (const fee of feeTypes) items.set(fee.revenueCode, { kind: 'fee', fee });
  return ok({ fineLaws, feeTypes, find: (revenueCode) => items.get(revenueCode) });
}

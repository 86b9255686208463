import { fail, ok, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { isSatang, type Satang } from './satang';

/** Most parts one allocation may produce (a limit on everything, style.md §14). */
export const MAX_ALLOCATION_PARTS = 1_000;

/**
 * Splits `totalSatang` into parts proportional to integer `ratios` (e.g. basis points) without
 * losing or inventing a satang (Dinero.js `allocate`, style.md §5).
 *
 * Rounding is named: largest remainder (Hamilton). Every part first gets the floor of its exact
 * share; the satang left over (fewer than the number of parts) go one each to the parts with the
 * largest remainders, earlier parts first on a tie. So every part is within 1 satang of its exact
 * share and the parts always sum to the total. A negative total is split as its magnitude and negated.
 * Exact integer arithmetic via BigInt: total × ratio may exceed 2^53.
 */
export function allocate(totalSatang: Satang, ratios: readonly number[]): Result<Satang[], PaymentErrorCode> {
  if (!isSatang(totalSatang)) return fail('MONEY_NOT_INTEGER', `allocate: totalSatang ${String(totalSatang)} is not integer satang`);
  if (ratios.length === 0) return fail('ALLOCATE_NO_RATIOS', 'allocate: ratios is empty; give at least one part');
  if (ratios.length > MAX_ALLOCATION_PARTS) {
    return fail('ALLOCATE_TOO_MANY_PARTS', `allocate: ${ratios.length} ratios, more than the ${MAX_ALLOCATION_PARTS} allowed`);
  }
  let ratioSum = 0n;
  for (const [index, ratio] of ratios.entries()) {
    if (!Number.isSafeInteger(ratio) || ratio < 0) {
      return fail('ALLOCATE_BAD_RATIO', `allocate: ratios[${index}] = ${String(ratio)} is not a non-negative integer`);
    }
    ratioSum += BigInt(ratio);
  }
  if (ratioSum === 0n) return fail('ALLOCATE_ZERO_RATIO_SUM', 'allocate: all ratios are zero, so there is no share to give');

  const magnitude = BigInt(Math.abs(totalSatang));
  const shares = ratios.map((ratio, index) => {
    const exact = magnitude * BigInt(ratio);
    return { index, floor: exact / ratioSum, remainder: exact % ratioSum };
  });
  let leftover = magnitude - shares.reduce((sum, share) => sum + share.floor, 0n);
  const byRemainder = [...shares].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const parts = shares.map((share) => share.floor);
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    parts[share.index] = share.floor + 1n;
    leftover -= 1n;
  }
  const sign = totalSatang < 0 ? -1 : 1;
  // `0 * -1` would be -0; keep zero positive.
  return ok(parts.map((part) => (part === 0n ? 0 : sign * Number(part)) as Satang));
}

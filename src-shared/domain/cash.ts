import { z } from 'zod';

/**
 * Thai banknotes and coins in circulation, as counted at day close (issue 10): the key is how the
 * piece is written (baht), the value its worth in satang. Notes 1000, 500, 100, 50, 20 baht; coins
 * 10, 5, 2, 1 baht and 50, 25 satang.
 */
export const CASH_DENOMINATIONS = [
  { key: '1000', satang: 100_000, kind: 'note' },
  { key: '500', satang: 50_000, kind: 'note' },
  { key: '100', satang: 10_000, kind: 'note' },
  { key: '50', satang: 5_000, kind: 'note' },
  { key: '20', satang: 2_000, kind: 'note' },
  { key: '10', satang: 1_000, kind: 'coin' },
  { key: '5', satang: 500, kind: 'coin' },
  { key: '2', satang: 200, kind: 'coin' },
  { key: '1', satang: 100, kind: 'coin' },
  { key: '0.50', satang: 50, kind: 'coin' },
  { key: '0.25', satang: 25, kind: 'coin' },
] as const;
export type DenominationKey = (typeof CASH_DENOMINATIONS)[number]['key'];

/** Most pieces of one denomination a counter holds (a limit, style.md §14): 100,000 × 1,000 baht. */
export const MAX_PIECES_PER_DENOMINATION = 100_000;

const pieces = z
  .number()
  .int('pieces must be a whole number')
  .min(0, 'pieces must not be negative')
  .max(MAX_PIECES_PER_DENOMINATION, `pieces must not exceed ${MAX_PIECES_PER_DENOMINATION}`);

/**
 * The counted cash: every denomination present (0 when none), nothing else. The `--counted-file`
 * of `ebill day close` is `{"pieces": {…}, "varianceReason"?: "…"}` (src-main/close/README.md).
 */
export const countedPiecesSchema = z.strictObject(
  Object.fromEntries(CASH_DENOMINATIONS.map((d) => [d.key, pieces])) as Record<DenominationKey, typeof pieces>,
);
export type CountedPieces = z.infer<typeof countedPiecesSchema>;

/** The total of counted pieces, in satang (integer arithmetic only). */
export function countedTotalSatang(counted: CountedPieces): number {
  return CASH_DENOMINATIONS.reduce((sum, d) => sum + counted[d.key] * d.satang, 0);
}

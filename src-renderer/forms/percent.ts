/**
 * A percentage typed on the settings screen ("12.5", "0", "100.00") as whole basis points
 * (1250, 0, 10000) — by the digits, never through a float; null when it is not a percentage of at
 * most two decimals between 0 and 100.
 */
export function percentToBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (match === null) return null;
  const whole = Number(match[1]);
  const hundredths = Number((match[2] ?? '').padEnd(2, '0'));
  const basisPoints = whole * 100 + hundredths;
  return basisPoints > 10_000 ? null : basisPoints;
}

/** Basis points as a percentage with two decimals: 1250 → "12.50". */
export function basisPointsToPercent(basisPoints: number): string {
  return `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}`;
}

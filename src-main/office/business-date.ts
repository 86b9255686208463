/**
 * Business date `YYYY-MM-DD` in Asia/Bangkok (UTC+7 all year, no daylight saving) of an instant.
 * design.md "Time and money". Kept tiny here until the dates library is the single source.
 */
export function bangkokBusinessDate(atMs: number): string {
  return new Date(atMs + 7 * 3_600_000).toISOString().slice(0, 10);
}

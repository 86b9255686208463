/**
 * Buddhist-era date input (dd/mm/yyyy, e.g. 02/12/2569) ↔ the ISO business date kept inside
 * ('2026-12-02'). Thai digits are accepted as typed; a date that does not exist is refused.
 */
export const BUDDHIST_ERA_OFFSET = 543;
const BE_TEXT = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const THAI_ZERO = 0x0e50;

function westernDigits(text: string): string {
  return text.replace(/[\u0e50-\u0e59]/g, (c) => String(c.charCodeAt(0) - THAI_ZERO));
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

/** '02/12/2569' → '2026-12-02'; '' → ''; anything else → null (not a date). */
export function isoFromBeText(text: string): string | null {
  const trimmed = westernDigits(text.trim());
  if (trimmed === '') return '';
  const match = BE_TEXT.exec(trimmed);
  if (match === null) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const yearBe = Number(match[3]);
  const year = yearBe - BUDDHIST_ERA_OFFSET;
  // A Gregorian year typed by habit (2026) would be the year 1483: refused, not guessed.
  if (yearBe < 2400 || yearBe > 2700 || !isRealDate(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** '2026-12-02' → '02/12/2569'; '' (or not ISO) → ''. */
export function beTextFromIso(iso: string): string {
  const match = ISO.exec(iso);
  if (match === null) return '';
  return `${match[3]}/${match[2]}/${Number(match[1]) + BUDDHIST_ERA_OFFSET}`;
}

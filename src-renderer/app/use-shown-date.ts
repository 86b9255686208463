import { useState } from 'react';

/**
 * The business date a screen reads (day close, remittance): today until the user types another.
 * `fieldDate` is what the date field holds — today while untouched, '' while what is typed is not
 * a date yet (the field keeps the typing; nothing resets it to today) — and `shownDate` is the day
 * whose figures are shown: the typed date once it is one, else today.
 */
export function useShownDate(today: string): { readonly fieldDate: string; readonly shownDate: string; readonly setDate: (iso: string) => void } {
  const [typed, setDate] = useState<string | null>(null);
  const fieldDate = typed ?? today;
  return { fieldDate, shownDate: fieldDate === '' ? today : fieldDate, setDate };
}

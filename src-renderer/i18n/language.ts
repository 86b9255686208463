import { en } from './en';
import { th, type Dict } from './th';

export const LANGUAGES = ['th', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The names on the language switch, each in its own language. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { th: 'ไทย', en: 'English' };

export const DICTIONARIES: Readonly<Record<Language, Dict>> = { th, en };

/** localStorage key of the chosen language (per browser profile / desktop install). */
export const LANGUAGE_STORAGE_KEY = 'ebill.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered language, Thai when nothing (or something unreadable) is stored. */
export function readLanguage(storage: Pick<Storage, 'getItem'> | null): Language {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : 'th';
  } catch {
    return 'th';
  }
}

export function writeLanguage(storage: Pick<Storage, 'setItem'> | null, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage full or blocked: the choice lasts for this page only, which is acceptable.
  }
}

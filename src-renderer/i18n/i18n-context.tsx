import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DICTIONARIES, readLanguage, writeLanguage, type Language } from './language';
import type { Dict } from './th';

export interface I18n {
  readonly language: Language;
  readonly t: Dict;
  readonly setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n | null>(null);

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Holds the chosen language, remembers it in localStorage and keeps `<html lang>` in step. */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => readLanguage(localStorageOrNull()));
  const setLanguage = useCallback((next: Language) => {
    writeLanguage(localStorageOrNull(), next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(() => ({ language, t: DICTIONARIES[language], setLanguage }), [language, setLanguage]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n: no I18nProvider above this component');
  return value;
}

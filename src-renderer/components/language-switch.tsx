import { useI18n } from '../i18n/i18n-context';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/language';

/** ไทย / English, on every screen; the choice is remembered. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t.language.groupLabel}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="language-switch__button"
          aria-pressed={language === code}
          onClick={() => setLanguage(code)}
        >
          {LANGUAGE_NAMES[code]}
        </button>
      ))}
    </div>
  );
}

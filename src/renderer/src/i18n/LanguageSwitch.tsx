import { useT } from './I18nProvider';
import { LOCALE_NAMES, LOCALES, isLocale } from './locale';

/** The header's language picker: each language named in itself, so anyone can find their own. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useT();
  return (
    <label className="language-switch">
      <span className="language-switch__label">{t.language.label}</span>
      <select
        value={locale}
        data-testid="language"
        onChange={(event) => {
          const next = event.target.value;
          if (isLocale(next)) setLocale(next);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}

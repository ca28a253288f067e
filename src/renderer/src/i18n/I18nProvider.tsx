import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

import { browserLanguages, createI18n, type I18n, initialLocale, rememberLocale } from './i18n';
import type { Locale } from './locale';

interface I18nContextValue extends I18n {
  /** Switches the window's language and remembers the choice. */
  readonly setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nContextValue | null>(null);

/** The window's language: every component below reads its words through `useT()`. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo(() => ({ ...createI18n(locale, browserLanguages()), setLocale }), [locale, setLocale]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The words (`t`), formats (`f`) and language of the window. */
export function useT(): I18nContextValue {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useT() is used outside <I18nProvider>');
  return value;
}

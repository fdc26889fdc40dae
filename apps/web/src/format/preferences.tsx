import { useDirection } from '@mantine/core';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyDocumentLanguage, directionOf, type Language, writeLanguage } from '../i18n/language';
import { type DigitStyle, formatNumber } from './digits';
import { formatDualDate, type DualDateOptions } from './dual-date';
import { localStorageOrUndefined, writeDigits } from './preferences-storage';

interface Preferences {
  language: Language;
  digits: DigitStyle;
  setLanguage: (language: Language) => void;
  setDigits: (digits: DigitStyle) => void;
}

const PreferencesContext = createContext<Preferences | null>(null);

/**
 * The staff member's display preferences, remembered in this browser: interface language
 * (which also sets the page direction) and digits. Nothing is saved server-side yet.
 */
export function PreferencesProvider({ initialDigits, children }: { initialDigits: DigitStyle; children: ReactNode }) {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const [digits, setDigitsState] = useState(initialDigits);
  const language = (i18n.resolvedLanguage ?? i18n.language) as Language;

  const setLanguage = useCallback(
    (next: Language) => {
      void i18n.changeLanguage(next);
      applyDocumentLanguage(document, next);
      setDirection(directionOf(next));
      writeLanguage(localStorageOrUndefined(), next);
    },
    [i18n, setDirection],
  );

  const setDigits = useCallback((next: DigitStyle) => {
    setDigitsState(next);
    writeDigits(localStorageOrUndefined(), next);
  }, []);

  const value = useMemo(() => ({ language, digits, setLanguage, setDigits }), [language, digits, setLanguage, setDigits]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences needs <PreferencesProvider>');
  return value;
}

/** Numbers and dates in the interface language with the chosen digits. */
export function useFormat() {
  const { language, digits } = usePreferences();
  return useMemo(
    () => ({
      number: (value: number) => formatNumber(value, language, digits),
      dualDate: (value: Date | string | number, options: Omit<DualDateOptions, 'digits'> = {}) =>
        formatDualDate(value, language, { ...options, digits }),
    }),
    [language, digits],
  );
}

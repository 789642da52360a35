import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translator, type Language, type Translate } from './translate.ts';

interface I18n {
  language: Language;
  t: Translate;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function LanguageProvider(props: { language: Language; onChange: (language: Language) => void; children: ReactNode }) {
  const { language, onChange } = props;
  const value = useMemo<I18n>(() => ({ language, t: translator(language), setLanguage: onChange }), [language, onChange]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside LanguageProvider');
  return i18n;
}

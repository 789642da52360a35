// The page's security policy is written before any other module runs.
import './page-policy.ts';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider } from '../ui/i18n/language-context.tsx';
import { translator, type Language } from '../ui/i18n/translate.ts';
import { App } from './App.tsx';
import { initialLanguage, saveLanguage } from './app-settings.ts';
import '../ui/styles.css';

function Root() {
  const [language, setLanguage] = useState<Language>(() => initialLanguage(location.search));
  const change = useCallback((l: Language) => {
    setLanguage(l);
    saveLanguage(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = translator(language)('app.title');
  }, [language]);
  return (
    <LanguageProvider language={language} onChange={change}>
      <App />
    </LanguageProvider>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><Root /></StrictMode>);

import { en } from './en.ts';
import { zh, type MessageKey } from './zh.ts';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const TABLES: Record<Language, Record<MessageKey, string>> = { zh, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Placeholders are `{name}`; unknown placeholders are left as written (e.g. tile URL templates). */
export function translator(language: Language): Translate {
  const table = TABLES[language];
  return (key, vars) => {
    const text = table[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

export function isLanguage(value: unknown): value is Language {
  return value === 'zh' || value === 'en';
}

export type { MessageKey };

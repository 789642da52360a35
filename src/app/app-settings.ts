// User preferences that survive a reload: language and the optional online basemap.
import { NO_BASEMAP, type BasemapSettings } from '../map/basemap.ts';
import { isLanguage, type Language } from '../ui/i18n/translate.ts';

const KEY = 'fulv.settings.v1';

interface StoredSettings {
  language?: Language;
  basemap?: BasemapSettings;
}

function read(): StoredSettings {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as StoredSettings) : {};
  } catch {
    return {};
  }
}

function write(patch: StoredSettings): void {
  localStorage.setItem(KEY, JSON.stringify({ ...read(), ...patch }));
}

/** `?lang=en` wins over the stored choice, so a link can open the app in a given language. */
export function initialLanguage(search: string): Language {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  const stored = read().language;
  return isLanguage(stored) ? stored : 'zh';
}

export function saveLanguage(language: Language): void {
  write({ language });
}

export function loadBasemap(): BasemapSettings {
  const b = read().basemap;
  if (!b || typeof b.url !== 'string') return NO_BASEMAP;
  return { enabled: b.enabled === true, url: b.url, tms: b.tms === true, attribution: String(b.attribution ?? '') };
}

export function saveBasemap(basemap: BasemapSettings): void {
  write({ basemap });
}

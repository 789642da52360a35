// User preferences that survive a reload: language, the optional online basemap, the programme
// last open, and the presets the planner saved. Buffer distances are the programme's (stored in
// its database since schema 4); those this device kept before are handed to it once.
import { validateBufferDistances, type BufferDistances, type BufferPreset } from '../domain/buffer-presets.ts';
import { NO_BASEMAP, type BasemapSettings } from '../map/basemap.ts';
import { isLanguage, type Language } from '../ui/i18n/translate.ts';
import { readStoredSettings, SETTINGS_KEY } from './settings-storage.ts';


interface StoredSettings {
  language?: Language;
  basemap?: BasemapSettings;
  bufferDistances?: unknown;
  bufferPresets?: unknown;
  programme?: unknown;
  programmeAt?: unknown;
}

const read = (): StoredSettings => readStoredSettings() as StoredSettings;

function write(patch: StoredSettings): void {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify({ ...read(), ...patch }));
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

/** The distances this device kept before they were programme data, or null if it kept none. */
export function storedBufferDistances(): BufferDistances | null {
  const stored = read().bufferDistances;
  if (stored === undefined) return null;
  const check = validateBufferDistances(stored);
  return check.valid ? check.distances : null;
}

/**
 * The programme open when the page was last used, as kept here: written at once on a switch, so a
 * reload right after finds it (the registry's durable record may still be on its way); a value
 * kept before the registry kept the choice has no time.
 */
export function loadCurrentProgramme(): { id: string; at: string | null } | null {
  const { programme, programmeAt } = read();
  return typeof programme === 'string' ? { id: programme, at: typeof programmeAt === 'string' ? programmeAt : null } : null;
}

export function saveCurrentProgramme(id: string, at: Date): void {
  write({ programme: id, programmeAt: at.toISOString() });
}

/** The planner's own presets; a stored one that no longer validates is dropped, not guessed at. */
export function loadUserPresets(): BufferPreset[] {
  const stored = read().bufferPresets;
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((p: unknown) => {
    if (typeof p !== 'object' || p === null) return [];
    const { name, distances } = p as { name?: unknown; distances?: unknown };
    const check = validateBufferDistances(distances);
    return typeof name === 'string' && name.trim() && check.valid
      ? [{ name, name_en: name, distances: check.distances, source: 'user' }]
      : [];
  });
}

export function saveUserPresets(presets: readonly BufferPreset[]): void {
  write({ bufferPresets: presets.map((p) => ({ name: p.name, distances: p.distances })) });
}

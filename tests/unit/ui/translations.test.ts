import { describe, expect, it } from 'vitest';
import { en } from '../../../src/ui/i18n/en.ts';
import { zh } from '../../../src/ui/i18n/zh.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translation tables', () => {
  it('have the same keys, no empty text and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(zh)) {
      expect(text.trim(), key).not.toBe('');
      expect(en[key as keyof typeof zh].trim(), key).not.toBe('');
      expect(placeholders(en[key as keyof typeof zh]), key).toEqual(placeholders(text));
    }
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    const t = translator('en');
    expect(t('search.noResults', { query: '水厂' })).toBe('Nothing found for “水厂”');
    expect(t('settings.basemapUrlHint')).toContain('{z}/{x}/{y}');
  });

  it('has Chinese text in the Chinese table for user-facing labels', () => {
    expect(zh['layers.parcels']).toMatch(/[\u4e00-\u9fff]/);
    expect(en['layers.parcels']).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

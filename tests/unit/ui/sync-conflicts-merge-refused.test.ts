// A conflict that merges by itself is not shown (the app resolves it unasked); once this device's
// store refused that merge, it is listed for the user to choose, with the store's reason.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SyncConflict } from '../../../src/store/sync-conflict.ts';
import { LanguageProvider } from '../../../src/ui/i18n/language-context.tsx';
import type { Language } from '../../../src/ui/i18n/translate.ts';
import { SyncConflicts } from '../../../src/ui/SyncConflicts.tsx';
import { SQUARE_2, treatedFeature } from '../../helpers/field-store.ts';

const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
function html(language: Language, conflicts: SyncConflict[]): string {
  const panel = createElement(SyncConflicts, { conflicts, refused: [], onResolve: () => undefined, onDismiss: () => undefined });
  return renderToStaticMarkup(createElement(LanguageProvider, { language, onChange: () => undefined, children: panel }));
}

const base = treatedFeature('T-T1', { note: 'base' });
const clean: SyncConflict = {
  clientEditId: 'c-1',
  edit: { kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 3, attributes: { note: '补植' } },
  base: [{ layer: 'treated', id: 'T-T1', revision: 3, value: base }],
  theirs: [{ layer: 'treated', id: 'T-T1', revision: 5, value: { ...base, geometry: SQUARE_2 }, who: '李华', at: '2025-11-20T03:00:00Z' }],
};

describe('a merge the store refused, on the conflict screen', () => {
  it('a clean merge is not listed', () => {
    expect(html('zh', [clean])).toBe('');
  });

  it('a refused one is listed, in both languages', () => {
    const refused = { ...clean, mergeRefused: 'parcel T-M1-P1 is accepted' };
    expect(text(html('zh', [refused]))).toMatch(/^同步冲突（1）.*治理图斑 T-T1：李华 于 .* 也修改了/);
    expect(text(html('en', [refused]))).toContain('(1)');
  });
});

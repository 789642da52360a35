// The sync status says, in both languages, how many edits wait, when the last sync was, what
// the engine is doing, and offers the problems when there are any.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SyncActivity } from '../../../src/persistence/sync/sync-engine.ts';
import type { SyncState } from '../../../src/store/field-snapshot.ts';
import { LanguageProvider } from '../../../src/ui/i18n/language-context.tsx';
import type { Language } from '../../../src/ui/i18n/translate.ts';
import { SyncStatus } from '../../../src/ui/SyncStatus.tsx';

function text(language: Language, sync: SyncState, activity: SyncActivity | null, imagesMissing?: number): string {
  const status = createElement(SyncStatus, { sync, activity, onSyncNow: () => undefined, readProblems: () => Promise.resolve([]), ...(imagesMissing === undefined ? {} : { imagesMissing }) });
  const html = renderToStaticMarkup(createElement(LanguageProvider, { language, onChange: () => undefined, children: status }));
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

// 10:42 local time: the status shows the time of day in the device's zone.
const at = new Date(2025, 10, 20, 10, 42).toISOString();
const waiting: SyncState = { serverUrl: 'https://fulv.test', waiting: 3, conflicts: 1, refused: 2, lastSyncAt: at };

describe('sync status', () => {
  it('in Chinese: edits waiting, last sync, offline, problems', () => {
    expect(text('zh', waiting, { state: 'offline' })).toBe('待同步 3 项 · 上次同步 10:42 · 离线 立即同步 冲突 1 项，被拒绝 2 项');
  });

  it('in English, with a failure and its retry', () => {
    expect(text('en', waiting, { state: 'failed', message: 'Failed to fetch', retryInMs: 4500 }))
      .toBe('Edits waiting: 3 · Last sync 10:42 · Sync failed (Failed to fetch); retrying in 5 s Sync now Conflicts: 1, refused: 2');
  });

  it('tells of pulled photos whose image is not here yet, in both languages, and not when none', () => {
    const synced = { ...waiting, waiting: 0, conflicts: 0, refused: 0 };
    expect(text('zh', synced, { state: 'idle' }, 2)).toBe('已全部同步 · 上次同步 10:42 · 2 张照片的图像尚未下载，下次同步重试 立即同步');
    expect(text('en', synced, { state: 'idle' }, 2)).toBe('All edits synced · Last sync 10:42 · Photo images not downloaded yet: 2 (retried on the next sync) Sync now');
    expect(text('en', synced, { state: 'idle' }, 0)).toBe('All edits synced · Last sync 10:42 Sync now');
  });

  it('all synced, never a problem button', () => {
    expect(text('en', { ...waiting, waiting: 0, conflicts: 0, refused: 0, lastSyncAt: null }, { state: 'idle' })).toBe('All edits synced · Not synced yet Sync now');
  });
});

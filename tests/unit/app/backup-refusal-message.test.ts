// A refused restore says why in the UI's language: the backup of a newer Fulv, an entry that
// climbs out of the archive, a journal naming a polygon nobody holds.
import { strToU8, unzipSync, zipSync, strFromU8, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { backupRefusalReason } from '../../../src/app/backup-refusal-message.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { testDatabase } from '../../helpers/field-store.ts';
import { deleteTreated } from '../../../src/store/edits-from-snapshot.ts';

async function refusal(change: (files: Record<string, Uint8Array>) => void): Promise<unknown> {
  const store = await testDatabase().open();
  await store.transact(deleteTreated(store.getSnapshot(), 'T-T2'), '赵军');
  const files: Record<string, Uint8Array> = { ...unzipSync((await store.exportBackup()).bytes) };
  change(files);
  const error = await store.restoreBackup(zipSync(files as Zippable)).then(() => null, (e: unknown) => e);
  await store.close();
  return error;
}

const editJson = (files: Record<string, Uint8Array>, name: string, change: (value: never) => unknown): void => {
  files[name] = strToU8(JSON.stringify(change(JSON.parse(strFromU8(files[name]!)) as never)));
};

describe('the reason a restore was refused', () => {
  it('is in Chinese for a newer schema', async () => {
    const error = await refusal((f) => editJson(f, 'manifest.json', (m: object) => ({ ...m, schema_version: 7 })));
    expect(backupRefusalReason(translator('zh'), error)).toBe('备份来自更新版本的复绿（数据库结构 7），本版本为 3；请先更新复绿再恢复');
    expect(backupRefusalReason(translator('en'), error)).toMatch(/^the backup comes from a newer Fulv \(database schema 7\)/);
  });

  it('is in Chinese for an entry that climbs out', async () => {
    const error = await refusal((f) => void (f['../x.json'] = strToU8('1')));
    expect(backupRefusalReason(translator('zh'), error)).toBe('备份中有名为“../x.json”的条目，它是绝对路径或跳出了压缩包（../），复绿从不写出这样的名称');
  });

  it('is in Chinese for a journal entry naming a polygon nobody holds', async () => {
    const error = await refusal((f) => editJson(f, 'journal.json', (entries: { edit: object }[]) => entries.map((e) => ({ ...e, edit: { ...e.edit, id: 'T-GHOST' } }))));
    expect(backupRefusalReason(translator('zh'), error)).toBe('日志第 1 条引用了治理图斑“T-GHOST”，但备份和本设备中都没有它');
  });
});

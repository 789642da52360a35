// A refused restore says why in the UI's language: the backup of a newer Fulv, an entry that
// climbs out of the archive, a journal naming a polygon nobody holds, a file that is no backup,
// another programme's backup, a missing part.
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
    expect(backupRefusalReason(translator('zh'), error)).toBe('备份来自更新版本的复绿（数据库结构 7），本版本为 5；请先更新复绿再恢复');
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

  it('is in Chinese for a file that is not a backup, another programme and a missing part', async () => {
    const zh = translator('zh');
    const store = await testDatabase().open();
    const notZip = await store.restoreBackup(strToU8('hello')).then(() => null, (e: unknown) => e);
    await store.close();
    expect(backupRefusalReason(zh, notZip)).toBe('这不是复绿备份，或文件已损坏：它不是可读取的 zip 压缩包');
    const other = await refusal((f) => editJson(f, 'manifest.json', (m: object) => ({ ...m, programme: { id: 'QA-DEMO', name: '迁安' } })));
    expect(backupRefusalReason(zh, other)).toBe('备份属于另一个方案：“迁安”（QA-DEMO），不是“测试方案”（TEST）');
    const missing = await refusal((f) => void delete f['journal.json']);
    expect(backupRefusalReason(zh, missing)).toBe('备份不完整：journal.json 缺失或条目不全');
    expect(backupRefusalReason(translator('en'), missing)).toBe('the backup is incomplete: journal.json is missing or short of entries');
  });
});

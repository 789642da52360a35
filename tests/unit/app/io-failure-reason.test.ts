// Why a file could not be read or written, said in the UI's language: the code translated with the
// limit or line it names, never the reader's English reason inside the Chinese.
import { describe, expect, it } from 'vitest';
import { ioFailureReason } from '../../../src/app/io-failure-reason.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';

describe('the reason an export or import failed', () => {
  it('is the code translated, with its limit and line', () => {
    expect(translator('zh')('export.failed', { reason: ioFailureReason(translator('zh'), 'export_crs_unsupported') })).toBe('导出失败：此格式不支持所选坐标系');
    expect(ioFailureReason(translator('zh'), 'file_too_large', { limit: '200 MB' })).toBe('文件超过大小上限（上限 200 MB）');
    expect(ioFailureReason(translator('en'), 'export_empty', { line: 3 })).toMatch(/ \(line 3\)$/);
    expect(translator('zh')('export.failed', { reason: translator('zh')('export.bug') })).toBe('导出失败：程序错误，请重试或反馈');
  });
});

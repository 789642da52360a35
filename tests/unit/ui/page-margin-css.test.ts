// A mine file's page margins: "page n of N" from CSS counters in the translated wording, and
// programme text that stays text inside its CSS string (CSS Syntax 3: a string ends only at an
// unescaped matching quote or a newline; `\3C ` is "<", which could otherwise end the <style>).
import { describe, expect, it } from 'vitest';
import { cssString, pageMarginCss } from '../../../src/ui/page-margin-css.ts';

describe('page margins of a printed mine file', () => {
  it('number the pages with counter(page) and counter(pages) in the wording given', () => {
    const css = pageMarginCss('迁安 · 一矿一档：甲矿', '打印日期 2026-12-07', '第 {page} 页，共 {pages} 页');
    expect(css).toContain('@bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页";');
    expect(css).toContain('@top-left { content: "迁安 · 一矿一档：甲矿";');
    expect(css).toContain('@top-right { content: "打印日期 2026-12-07";');
    expect(pageMarginCss('x', 'y', 'Page {page} of {pages}')).toContain('content: "Page " counter(page) " of " counter(pages);');
  });

  it('keep programme text inside its string, whatever it holds', () => {
    expect(cssString('a"b')).toBe('"a\\"b"');
    expect(cssString('a\\b')).toBe('"a\\\\b"');
    expect(cssString('line\nbreak')).toBe('"line\\A break"');
    expect(cssString('</style><script>')).toBe('"\\3C /style>\\3C script>"');
  });
});

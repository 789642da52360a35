// What every printed page of a mine file carries in its margins: the programme and the file's
// title at the head, the print date, and "page n of N" at the foot. CSS @page margin boxes
// (Chromium 131+) with counter(page)/counter(pages), so the browser's own print (Ctrl+P) numbers
// the pages, and so does the exported file wherever it is printed. Text from the programme goes
// into CSS strings, escaped so that it can only ever be text.

/** A CSS string literal holding `text`; `<` escaped too, so that it cannot end a <style> element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, '\\A ').replace(/</g, '\\3C ')}"`;
}

/** `pageOf` is a translated template with {page} and {pages}, e.g. "第 {page} 页，共 {pages} 页". */
function pageNumberContent(pageOf: string): string {
  return pageOf.split(/(\{page\}|\{pages\})/).filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part))).join(' ');
}

export function pageMarginCss(head: string, date: string, pageOf: string): string {
  const box = 'font-size: 8pt; color: #555;';
  return `
@page {
  @top-left { content: ${cssString(head)}; ${box} }
  @top-right { content: ${cssString(date)}; ${box} }
  @bottom-center { content: ${pageNumberContent(pageOf)}; ${box} }
}
`;
}

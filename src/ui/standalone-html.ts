// One self-contained HTML file from a rendered part of the page (a mine's file): the DOM React
// rendered is cloned, controls marked .no-print are dropped, photos become data: URLs, and a
// print stylesheet is inlined, so the file opens and prints anywhere, offline. The markup comes
// from the DOM's own serialiser, which escapes all attribute text.
function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the photo'));
    reader.readAsDataURL(blob);
  });
}

export async function standaloneHtml(node: HTMLElement, title: string, css: string, lang: string): Promise<string> {
  const clone = node.cloneNode(true) as HTMLElement;
  for (const control of clone.querySelectorAll('.no-print, button, input, select, textarea')) control.remove();
  for (const img of clone.querySelectorAll('img')) {
    if (!img.src.startsWith('blob:')) continue;
    try {
      img.src = await dataUrl(await (await fetch(img.src)).blob());
    } catch {
      img.remove();
    }
  }
  const doc = document.implementation.createHTMLDocument(title);
  doc.documentElement.lang = lang;
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  doc.head.prepend(meta);
  doc.body.append(doc.importNode(clone, true));
  // The stylesheet is added as text: a <style> element applied here would be an inline style,
  // which the app's security policy refuses. `<` cannot occur in it (page-margin-css.ts escapes it).
  const html = doc.documentElement.outerHTML.replace('</head>', () => `<style>${css.replace(/</g, '\\3C ')}</style></head>`);
  return `<!DOCTYPE html>\n${html}\n`;
}

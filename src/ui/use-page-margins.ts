// Puts a mine file's page-margin rules (page-margin-css.ts) in force while it is shown. A
// constructed stylesheet rather than a <style> element: the page's security policy allows no
// inline styles, and a stylesheet built through CSSOM is not one.
import { useEffect } from 'react';

export function usePageMargins(css: string): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
}

// Two accessibility checks run on whatever the page shows: axe-core's serious and critical
// violations, and WCAG 2.5.3 (label in name) judged by Chromium's own accessibility tree.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export interface Violation { rule: string; impact: string; help: string; targets: string[] }

/** axe-core's serious and critical violations, each with the elements it found them on. */
export async function seriousAxeViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (rightly) refuses
  // an injected <script>, and the check must not weaken the policy it runs under.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(document);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ rule: v.id, impact: v.impact!, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

export interface Mismatch { role: string; name: string; visible: string }

// The roles whose name a speech-input user says to operate the control.
const CONTROL_ROLES = new Set([
  'button', 'link', 'tab', 'checkbox', 'radio', 'switch', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option',
  'combobox', 'textbox', 'searchbox', 'spinbutton', 'slider', 'listbox', 'treeitem',
]);

/** Letters and digits only, lower case: WCAG 2.5.3 lets punctuation, symbols and spacing differ. */
function core(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * The controls on screen with a visible label (their own text, or the text of their <label>), and
 * those of them whose accessible name, as Chromium computes it, does not contain that label.
 */
export async function labelInName(page: Page): Promise<{ checked: number; offenders: Mismatch[] }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const offenders: Mismatch[] = [];
    let checked = 0;
    for (const node of nodes) {
      const role = String(node.role?.value ?? '');
      if (node.ignored || !CONTROL_ROLES.has(role) || node.backendDOMNodeId === undefined) continue;
      const name = String(node.name?.value ?? '');
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
      if (!object.objectId) continue;
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        returnByValue: true,
        functionDeclaration: `function () {
          const shown = (el) => !!el && el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && el.getClientRects().length > 0;
          // The browser's own parts of a control (a date field's day, month and year) are its, not ours.
          if (this.getRootNode() !== document || !shown(this)) return '';
          const labels = this.labels ? [...this.labels].filter(shown).map((l) => l.innerText) : [];
          const own = this instanceof HTMLInputElement || this instanceof HTMLTextAreaElement || this instanceof HTMLSelectElement ? '' : this.innerText;
          return [own, ...labels].join(' ').trim();
        }`,
      });
      const visible = String(result.value ?? '');
      if (!core(visible)) continue;
      checked += 1;
      if (!core(name).includes(core(visible))) offenders.push({ role, name, visible });
    }
    return { checked, offenders };
  } finally {
    await cdp.detach();
  }
}

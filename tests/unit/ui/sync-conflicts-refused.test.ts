// Edits the server refused are shown with its reason in the interface's language, the server's
// own message beside it, and a control to discard each; an unknown code still says which.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RefusedEdit } from '../../../src/store/sync-conflict.ts';
import { LanguageProvider } from '../../../src/ui/i18n/language-context.tsx';
import type { Language } from '../../../src/ui/i18n/translate.ts';
import { SyncConflicts } from '../../../src/ui/SyncConflicts.tsx';

function html(language: Language, refused: RefusedEdit[]): string {
  const panel = createElement(SyncConflicts, { conflicts: [], refused, onResolve: () => undefined, onDismiss: () => undefined });
  return renderToStaticMarkup(createElement(LanguageProvider, { language, onChange: () => undefined, children: panel }));
}
const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

const accept: RefusedEdit = {
  clientEditId: 'e1', code: 'forbidden', message: 'only a reviewer may accept a parcel\'s work; your role in this programme: surveyor', at: '2025-11-20T02:00:00.000Z',
  edit: { kind: 'review-parcel', parcelId: 'QA-M04-P1', baseRevision: 1, review: { parcel_id: 'QA-M04-P1', status: 'accepted', events: [] } },
};
const odd: RefusedEdit = { ...accept, clientEditId: 'e2', code: 'rule_of_tomorrow', message: '<b>new rule</b>', edit: { kind: 'delete-treated', id: 'QA-T9', baseRevision: 2 } };

describe('refused edits on the conflict screen', () => {
  it('in Chinese: what, why, the server\'s words, and a labelled discard button each', () => {
    const markup = html('zh', [accept, odd]);
    expect(text(markup)).toBe(
      '服务器未接受的修改（2） 这些修改不符合服务器的规则，不会同步。放弃后，相关内容恢复为服务器上的版本。 '
      + '图斑 QA-M04-P1 的验收：你在本项目中的角色无权做此修改 服务器说明：only a reviewer may accept a parcel&#x27;s work; your role in this programme: surveyor 放弃此修改 '
      + '治理图斑 QA-T9：服务器拒绝了此修改（rule_of_tomorrow） 服务器说明：&lt;b&gt;new rule&lt;/b&gt; 放弃此修改',
    );
    expect(markup).toContain('aria-label="放弃此修改：图斑 QA-M04-P1 的验收"');
    expect(markup).toContain('aria-label="放弃此修改：治理图斑 QA-T9"');
  });

  it('in English', () => {
    expect(text(html('en', [accept]))).toContain('Your role in this programme may not make this change');
  });

  it('nothing at all when there is nothing to show', () => {
    expect(html('zh', [])).toBe('');
  });
});

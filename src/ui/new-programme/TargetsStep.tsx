// Step 5: yearly targets from a CSV naming the programme's townships.
import { useId } from 'react';
import { readTargetsCsv } from '../../io/targets-csv.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { targetsCsvReason } from '../targets-csv-reason.ts';
import type { WizardModel } from './wizard-model.ts';

export function TargetsStep({ wizard }: { wizard: WizardModel }) {
  const { t, language } = useI18n();
  const ids = { file: useId(), hint: useId() };
  const { choices, result } = wizard;
  const programmeTownships = result?.content.programme.townships ?? [];
  // The derived summary keeps the reader's English reason; read again for its codes, to say it in the UI's language.
  const read = choices.targets && result?.summary.problems.some((p) => p.kind === 'targets_unreadable')
    ? readTargetsCsv(choices.targets.text, programmeTownships, choices.targets.source) : null;
  const refusal = read && !read.ok ? targetsCsvReason(t, language, read.problems) : null;
  const townships = programmeTownships.map((x) => (language === 'zh' ? x.name : x.name_en)).join(language === 'zh' ? '、' : ', ');
  return (
    <>
      <label htmlFor={ids.file} className="file-button">{t('wizard.targetsFile')}</label>
      <input id={ids.file} type="file" className="visually-hidden" accept=".csv,.txt" aria-describedby={ids.hint} onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) wizard.onTargetsFile(f); }} />
      <p id={ids.hint} className="hint">{t('wizard.targetsTownships', { names: townships })}</p>
      {!choices.targets ? <p>{t('wizard.noTargets')}</p> : (
        <>
          {refusal ? <p role="alert">{t('wizard.readFailed', { name: choices.targets.source, reason: refusal })}</p>
            : <p role="status">{t('wizard.targetsRead', { name: choices.targets.source, count: result?.summary.targets ?? 0 })}</p>}
          <button type="button" onClick={() => wizard.onChoose({ targets: null })}>{t('wizard.removeTargets')}</button>
        </>
      )}
    </>
  );
}

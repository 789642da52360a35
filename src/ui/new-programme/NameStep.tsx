// Step 1: the programme's name and the area it covers.
import { useId } from 'react';
import { PROGRAMME_AREA_LEVELS, type ProgrammeAreaLevel } from '../../domain/programme-content.ts';
import { useI18n } from '../i18n/language-context.tsx';
import type { WizardModel } from './wizard-model.ts';

export function NameStep({ wizard }: { wizard: WizardModel }) {
  const { t } = useI18n();
  const ids = { name: useId(), hint: useId(), level: useId(), area: useId() };
  const { choices, onChoose } = wizard;
  return (
    <>
      <label htmlFor={ids.name}>{t('wizard.name')}</label>
      <input id={ids.name} type="text" required aria-describedby={ids.hint} value={choices.name} onChange={(e) => onChoose({ name: e.target.value })} />
      <p id={ids.hint} className="hint">{t('wizard.nameHint')}</p>
      <label htmlFor={ids.level}>{t('wizard.areaLevel')}</label>
      <select id={ids.level} value={choices.areaLevel} onChange={(e) => onChoose({ areaLevel: e.target.value as ProgrammeAreaLevel })}>
        {PROGRAMME_AREA_LEVELS.map((l) => <option key={l} value={l}>{t(`wizard.level.${l}`)}</option>)}
      </select>
      <label htmlFor={ids.area}>{t(`wizard.areaName.${choices.areaLevel}`)}</label>
      <input id={ids.area} type="text" value={choices.areaName} onChange={(e) => onChoose({ areaName: e.target.value })} />
    </>
  );
}

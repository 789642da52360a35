// A new programme from the user's files, step by step: name → parcels → mines → protection zones
// → targets → summary → create. Every step after the name can be left for later; back and next
// keep what was chosen. A modal dialog on a desktop, a full-screen sheet on a phone (wizard.css).
import { useId, type ReactNode } from 'react';
import { useI18n } from './i18n/language-context.tsx';
import { useModalDialog } from './modal-dialog.ts';
import { MinesStep } from './new-programme/MinesStep.tsx';
import { NameStep } from './new-programme/NameStep.tsx';
import { ParcelsStep } from './new-programme/ParcelsStep.tsx';
import { SummaryStep } from './new-programme/SummaryStep.tsx';
import { TargetsStep } from './new-programme/TargetsStep.tsx';
import { ZonesStep } from './new-programme/ZonesStep.tsx';
import { WIZARD_STEPS, type WizardChoices, type WizardModel, type WizardStep } from './new-programme/wizard-model.ts';
import './wizard.css';

const STEP_VIEWS: Record<WizardStep, (props: { wizard: WizardModel }) => ReactNode> = {
  name: NameStep, parcels: ParcelsStep, mines: MinesStep, zones: ZonesStep, targets: TargetsStep, summary: SummaryStep,
};

/** What "Later" leaves a step as. */
const LATER: Partial<Record<WizardStep, Partial<WizardChoices>>> = {
  parcels: { parcels: null }, mines: { mineMode: 'per_parcel' }, zones: { zones: [] }, targets: { targets: null },
};

export function NewProgrammeWizard({ wizard }: { wizard: WizardModel }) {
  const { t } = useI18n();
  const dialog = useModalDialog(wizard.open);
  const ids = { title: useId(), step: useId() };
  const at = WIZARD_STEPS.indexOf(wizard.step);
  const Step = STEP_VIEWS[wizard.step];
  const go = (offset: number) => wizard.onStep(WIZARD_STEPS[at + offset]!);
  const named = wizard.choices.name.trim() !== '';
  const idle = wizard.busy === null;
  return (
    <dialog ref={dialog} className="wizard-dialog" aria-labelledby={ids.title} onClose={wizard.onClose}>
      {wizard.open && (
        <form method="dialog" onSubmit={(e) => { e.preventDefault(); if (wizard.step === 'summary') wizard.onCreate(); else if (named) go(1); }}>
          <header>
            <h2 id={ids.title}>{t('wizard.title')}</h2>
            <button type="button" onClick={wizard.onClose}>{t('wizard.close')}</button>
          </header>
          <nav aria-label={t('wizard.steps')}>
            <ol className="wizard-steps">
              {WIZARD_STEPS.map((s, i) => (
                <li key={s} aria-current={s === wizard.step ? 'step' : undefined} className={i < at ? 'done' : undefined}>{t(`wizard.step.${s}`)}</li>
              ))}
            </ol>
          </nav>
          <section className="wizard-body" aria-labelledby={ids.step}>
            <h3 id={ids.step} className="wizard-step-title">{t('wizard.stepOf', { n: at + 1, total: WIZARD_STEPS.length, name: t(`wizard.step.${wizard.step}`) })}</h3>
            <Step wizard={wizard} />
            {wizard.busy && <p role="status" className="wizard-busy">{wizard.busy}</p>}
            {wizard.failure && <p role="alert" className="wizard-failure">{wizard.failure}</p>}
          </section>
          <footer>
            {at > 0 && <button type="button" disabled={!idle} onClick={() => go(-1)}>{t('wizard.back')}</button>}
            {LATER[wizard.step] && <button type="button" disabled={!idle} onClick={() => { wizard.onChoose(LATER[wizard.step]!); go(1); }}>{t('wizard.later')}</button>}
            {wizard.step === 'summary'
              ? <button type="submit" className="primary" disabled={!idle || wizard.updating || !wizard.result}>{t('wizard.create')}</button>
              : <button type="submit" className="primary" disabled={!idle || !named}>{t('wizard.next')}</button>}
          </footer>
        </form>
      )}
    </dialog>
  );
}

// Step 3: where the mines come from (a field of the parcels, a separate table, one per parcel),
// their category where 图斑小类 does not tell, and the townships.
import { useId } from 'react';
import { MINE_CATEGORIES, type MineCategory } from '../../domain/model.ts';
import { useI18n } from '../i18n/language-context.tsx';
import type { MineMode, WizardModel } from './wizard-model.ts';

const MODES: readonly MineMode[] = ['field', 'table', 'per_parcel'];

function FieldSelect(props: { label: string; value: string | null; names: readonly string[]; empty?: string; onChange: (value: string | null) => void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}>
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.names.map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
    </>
  );
}

export function MinesStep({ wizard }: { wizard: WizardModel }) {
  const { t } = useI18n();
  const ids = { table: useId(), category: useId() };
  const { choices, onChoose, result } = wizard;
  const fields = choices.parcels?.fields.filter((f) => f.type !== 'empty').map((f) => f.name) ?? [];
  if (!choices.parcels) return <p>{t('wizard.noParcels')}</p>;
  return (
    <>
      <fieldset>
        <legend>{t('wizard.mineSource')}</legend>
        {MODES.map((mode) => (
          <label key={mode} className="inline">
            <input type="radio" name="wizard-mine-mode" value={mode} checked={choices.mineMode === mode} onChange={() => onChoose({ mineMode: mode })} />
            {t(`wizard.mineMode.${mode}`)}
          </label>
        ))}
      </fieldset>
      {choices.mineMode === 'field' && (
        <>
          <FieldSelect label={t('wizard.mineNameField')} value={choices.mineNameField} names={fields} empty={t('wizard.none')} onChange={(v) => onChoose({ mineNameField: v })} />
          <FieldSelect label={t('wizard.mineIdField')} value={choices.mineIdField} names={fields} empty={t('wizard.autoId')} onChange={(v) => onChoose({ mineIdField: v })} />
        </>
      )}
      {choices.mineMode === 'table' && (
        <>
          <label htmlFor={ids.table} className="file-button">{t('wizard.mineTableFile')}</label>
          <input id={ids.table} type="file" className="visually-hidden" accept=".csv,.txt,.tsv,.xlsx" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) wizard.onMineTableFile(f); }} />
          {choices.mineTable && (
            <>
              <FieldSelect label={t('wizard.tableIdColumn')} value={choices.tableIdColumn} names={choices.mineTable.columns} onChange={(v) => onChoose({ tableIdColumn: v })} />
              <FieldSelect label={t('wizard.tableNameColumn')} value={choices.tableNameColumn} names={choices.mineTable.columns} onChange={(v) => onChoose({ tableNameColumn: v })} />
              <FieldSelect label={t('wizard.tableCategoryColumn')} value={choices.tableCategoryColumn} names={choices.mineTable.columns} empty={t('wizard.none')} onChange={(v) => onChoose({ tableCategoryColumn: v })} />
              <FieldSelect label={t('wizard.tableParcelField')} value={choices.tableParcelField} names={fields} empty={t('wizard.none')} onChange={(v) => onChoose({ tableParcelField: v })} />
            </>
          )}
        </>
      )}
      <label htmlFor={ids.category}>{t('wizard.defaultCategory')}</label>
      <select id={ids.category} value={choices.defaultCategory} onChange={(e) => onChoose({ defaultCategory: e.target.value as MineCategory })}>
        {MINE_CATEGORIES.map((c) => <option key={c} value={c}>{t(`category.${c}`)}</option>)}
      </select>
      <FieldSelect label={t('wizard.mineralField')} value={choices.mineralField} names={fields} empty={t('wizard.none')} onChange={(v) => onChoose({ mineralField: v })} />
      <FieldSelect label={t('wizard.townshipField')} value={choices.townshipField} names={fields} empty={t('wizard.singleTownship')} onChange={(v) => onChoose({ townshipField: v })} />
      {result && <p role="status">{t('wizard.minesWillBe', { mines: result.summary.mines, townships: result.summary.townships })}</p>}
    </>
  );
}

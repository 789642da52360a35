// The planner's buffer distances: pick a preset, or type a distance per zone type (applied a
// moment after typing stops, so the worker is not asked for every keystroke), and save the
// current distances as a named preset.
import { useEffect, useId, useState } from 'react';
import { MAX_BUFFER_METRES, type BufferDistances, type BufferPreset } from '../domain/buffer-presets.ts';
import { ZONE_TYPES, type ZoneType } from '../domain/model.ts';
import { useI18n } from './i18n/language-context.tsx';
import type { MessageKey } from './i18n/zh.ts';

const TYPING_PAUSE_MS = 400;

/** Where each built-in preset's numbers come from, in the user's language. */
const PRESET_SOURCE: Partial<Record<string, MessageKey>> = {
  general: 'planner.presetSource.general',
  'Yangtze Economic Belt': 'planner.presetSource.yangtze',
};

export interface BufferSettingsProps {
  distances: BufferDistances;
  builtIn: readonly BufferPreset[];
  userPresets: readonly BufferPreset[];
  onChange: (distances: BufferDistances) => void;
  onSavePreset: (name: string) => void;
  onDeletePreset: (name: string) => void;
}

function sameDistances(a: BufferDistances, b: BufferDistances): boolean {
  return ZONE_TYPES.every((t) => a[t] === b[t]);
}

function parseMetres(text: string): number | null {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text)) return null;
  const metres = Number(text);
  return metres >= 0 && metres <= MAX_BUFFER_METRES ? metres : null;
}

type Drafts = Record<ZoneType, string>;
const draftsOf = (d: BufferDistances): Drafts => Object.fromEntries(ZONE_TYPES.map((t) => [t, String(d[t])])) as Drafts;

export function BufferSettings(props: BufferSettingsProps) {
  const { t, language } = useI18n();
  const ids = { preset: useId(), name: useId(), hint: useId() };
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(props.distances));
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const { distances, onChange } = props;

  // A preset picked elsewhere (or a reload) replaces whatever was typed.
  useEffect(() => setDrafts(draftsOf(distances)), [distances]);

  const parsed = Object.fromEntries(ZONE_TYPES.map((t) => [t, parseMetres(drafts[t])])) as Record<ZoneType, number | null>;
  const invalid = ZONE_TYPES.filter((type) => parsed[type] === null);
  useEffect(() => {
    if (invalid.length > 0) return;
    const next = parsed as BufferDistances;
    if (sameDistances(next, distances)) return;
    const timer = setTimeout(() => onChange(next), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  });

  const all = [...props.builtIn, ...props.userPresets];
  const current = all.find((p) => sameDistances(p.distances, distances));
  const presetLabel = (p: BufferPreset) => {
    const builtIn = props.builtIn.includes(p);
    const title = language === 'en' ? p.name_en : p.name;
    return builtIn ? title : t('planner.preset.user', { name: p.name });
  };

  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return setMessage({ text: t('planner.presetNameRequired'), error: true });
    if (props.builtIn.some((p) => p.name === trimmed || p.name_en === trimmed)) {
      return setMessage({ text: t('planner.presetNameTaken', { name: trimmed }), error: true });
    }
    props.onSavePreset(trimmed);
    setName('');
    setMessage({ text: t('planner.presetSaved', { name: trimmed }), error: false });
  };

  return (
    <details className="buffer-settings">
      <summary>{t('planner.buffers')} · {current ? presetLabel(current) : t('planner.preset.custom')}</summary>
      <label htmlFor={ids.preset}>{t('planner.preset')}</label>
      <select
        id={ids.preset}
        value={current ? current.name : ''}
        onChange={(e) => {
          const preset = all.find((p) => p.name === e.target.value);
          if (preset) onChange(preset.distances);
        }}
      >
        {!current && <option value="">{t('planner.preset.custom')}</option>}
        {all.map((p) => <option key={p.name} value={p.name}>{presetLabel(p)}</option>)}
      </select>
      {current && PRESET_SOURCE[current.name_en] && <p className="note">{t(PRESET_SOURCE[current.name_en]!)}</p>}
      <div className="distances">
        {ZONE_TYPES.map((type) => {
          const label = t('planner.distance', { type: t(`zone.${type}`) });
          return (
            <label key={type}>
              <span aria-hidden="true">{t(`zone.${type}`)}</span>
              <input
                aria-label={label}
                type="number"
                inputMode="numeric"
                min={0}
                max={MAX_BUFFER_METRES}
                step={50}
                value={drafts[type]}
                aria-invalid={parsed[type] === null}
                aria-describedby={ids.hint}
                onChange={(e) => setDrafts({ ...drafts, [type]: e.target.value })}
              />
              <span aria-hidden="true">{t('planner.metres')}</span>
            </label>
          );
        })}
      </div>
      {invalid.map((type) => (
        <p key={type} role="alert" className="error">{t('planner.distanceInvalid', { type: t(`zone.${type}`), max: MAX_BUFFER_METRES })}</p>
      ))}
      <p id={ids.hint} className="note">{t('planner.distanceHint')}</p>
      <div className="save-preset">
        <label htmlFor={ids.name}>{t('planner.presetName')}</label>
        <input id={ids.name} type="text" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        <button type="button" onClick={save}>{t('planner.savePreset')}</button>
      </div>
      {message && <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'status'}>{message.text}</p>}
      {props.userPresets.length > 0 && (
        <ul className="user-presets">
          {props.userPresets.map((p) => (
            <li key={p.name}>
              {p.name}
              <button type="button" className="icon" aria-label={t('planner.deletePreset', { name: p.name })} onClick={() => props.onDeletePreset(p.name)}>×</button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

// Adds a year or period column to the target grid: a first year and, for a period, a last year
// (seed 002 sets its targets for 2022–2023 and 2024–2025). The column starts empty.
import { useId, useState } from 'react';
import type { YearSpan } from '../domain/model.ts';
import { isTargetYear, spanKey, yearSpan } from '../domain/target-span.ts';
import { useI18n } from './i18n/language-context.tsx';
import type { MessageKey } from './i18n/translate.ts';

export interface TargetSpanAdderProps {
  columns: readonly YearSpan[];
  disabled: boolean;
  onAdd: (span: YearSpan) => void;
}

const whole = (text: string): number | null => (/^\s*\d{4}\s*$/.test(text) ? Number(text) : null);

export function TargetSpanAdder(props: TargetSpanAdderProps) {
  const { t } = useI18n();
  const ids = { from: useId(), to: useId() };
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);

  const add = () => {
    const first = whole(from);
    const last = to.trim() === '' ? first : whole(to);
    if (!isTargetYear(first) || !isTargetYear(last)) return setProblem('targets.addBadYear');
    if (last < first) return setProblem('targets.addReversed');
    const span = yearSpan(first, last);
    if (props.columns.some((c) => spanKey(c) === spanKey(span))) return setProblem('targets.addExists');
    setProblem(null);
    setFrom('');
    setTo('');
    props.onAdd(span);
  };

  return (
    <div className="target-span-adder no-print">
      <label htmlFor={ids.from}>{t('targets.addFrom')}</label>
      <input id={ids.from} type="text" inputMode="numeric" size={5} value={from} disabled={props.disabled} aria-invalid={problem !== null} onChange={(e) => setFrom(e.target.value)} />
      <label htmlFor={ids.to}>{t('targets.addTo')}</label>
      <input id={ids.to} type="text" inputMode="numeric" size={5} value={to} disabled={props.disabled} onChange={(e) => setTo(e.target.value)} />
      <button type="button" disabled={props.disabled || from.trim() === ''} onClick={add}>{t('targets.addColumn')}</button>
      {problem && <p role="alert" className="error">{t(problem)}</p>}
    </div>
  );
}

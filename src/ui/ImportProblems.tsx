// The import preview's problems, one line per kind with its count and a few feature numbers,
// notices first; a kind with more features than the line names opens to list them all.
import { useMemo } from 'react';
import type { ImportProblem } from '../io/import-types.ts';
import { groupProblems } from '../io/problem-groups.ts';
import { useI18n } from './i18n/language-context.tsx';
import { problemGroupText, type CodeLabel } from './import-problem-text.ts';

export function ImportProblems({ problems, codeLabel }: { problems: readonly ImportProblem[]; codeLabel: CodeLabel }) {
  const { t } = useI18n();
  const groups = useMemo(() => groupProblems(problems), [problems]);
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <>
      <h3>{t('import.problems', { errors, notices: problems.length - errors })}</h3>
      <ul className="problems">
        {groups.map((group) => {
          const text = problemGroupText(t, group, codeLabel);
          const key = `${group.severity}:${group.code}:${JSON.stringify(group.params)}:${group.problems[0]?.featureIndex ?? ''}`;
          return (
            <li key={key} className={group.severity === 'error' ? 'error' : 'note'} data-severity={group.severity}>
              {text.line}
              {text.examples && !text.all.length && <span className="examples"> {text.examples}</span>}
              {text.all.length > 0 && (
                <details>
                  <summary>{text.examples}</summary>
                  <p>{text.all.join(t('importGroup.separator'))}</p>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

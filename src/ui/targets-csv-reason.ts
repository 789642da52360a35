// Why a targets CSV was refused, in the UI's language: the reader's problem codes with the line
// and the values they name (a township or group as written in the file), the first five shown.
import type { TargetsCsvProblem } from '../io/targets-csv.ts';
import type { Translate } from './i18n/translate.ts';

const SHOWN = 5;

function problemText(t: Translate, english: boolean, problem: TargetsCsvProblem): string {
  switch (problem.code) {
    case 'empty':
    case 'no_rows':
      return t(`targetsCsv.${problem.code}`);
    case 'duplicate':
      return t('targetsCsv.duplicate', { line: problem.line, township: english ? problem.townshipEn : problem.township, group: t(`targetGroup.${problem.group}`), year: problem.year });
    case 'no_year_column':
    case 'no_target_column':
    case 'no_township_column':
    case 'row_incomplete':
      return t(`targetsCsv.${problem.code}`, { line: problem.line });
    default:
      return t(`targetsCsv.${problem.code}`, { line: problem.line, value: problem.value });
  }
}

export function targetsCsvReason(t: Translate, language: 'zh' | 'en', problems: readonly TargetsCsvProblem[]): string {
  const shown = problems.slice(0, SHOWN).map((p) => problemText(t, language === 'en', p)).join(t('targetsCsv.separator'));
  return problems.length > SHOWN ? shown + t('targetsCsv.more', { count: problems.length - SHOWN }) : shown;
}

// What the import dialog says about a group of problems, in the UI's language only: the codes and
// params the io layer gives, never its English reasons (those are for logs and the CLI).
import type { ProblemGroup } from '../io/problem-groups.ts';
import type { Translate, MessageKey } from './i18n/translate.ts';

export interface ProblemGroupText {
  /** One line: how many, of what kind, and what happens to them. */
  line: string;
  /** A few of the features' numbers, to find them; empty for a file problem. */
  examples: string;
  /** Every feature, with what it alone says (its value, its new id), when there is more to show. */
  all: string[];
}

/** A coded value's label ("natural" → 自然恢复), supplied by the dialog that knows the code lists. */
export type CodeLabel = (field: string, code: string) => string;

const EXAMPLES = 3;

function plural(t: Translate, key: string, count: number, vars: Record<string, string | number>): string {
  return t(`${key}.${count === 1 ? 'one' : 'other'}` as MessageKey, { count, ...vars });
}

function param(group: ProblemGroup, name: string): string {
  const value = group.params[name];
  return value === undefined ? '' : String(value);
}

function fieldLabel(t: Translate, field: string): string {
  return t(`import.field.${field}` as MessageKey);
}

/** What the problems are, without the count: "“修复方向”的值没有对应的代码". */
function what(t: Translate, group: ProblemGroup): string {
  const field = param(group, 'field');
  if (field && (group.code === 'missing_value' || group.code === 'unmapped_value' || group.code === 'invalid_date')) {
    return t(`importGroup.what.${group.code}`, { field: fieldLabel(t, field) });
  }
  return t(`importProblem.${group.code}` as MessageKey);
}

function fileLine(t: Translate, group: ProblemGroup, codeLabel: CodeLabel): string {
  const field = param(group, 'field');
  if (group.code === 'missing_value' && field) return t('importGroup.file.missing_value', { field: fieldLabel(t, field) });
  if (group.code === 'unmapped_value' && field) {
    const fallback = param(group, 'fallback');
    const outcome = fallback ? t('importGroup.outcome.fallback', { value: codeLabel(field, fallback) })
      : group.severity === 'error' ? t('importGroup.outcome.choose') : t('importGroup.outcome.empty');
    const values = param(group, 'values').split('\n').map((v) => t('importGroup.quoted', { value: v })).join(t('importGroup.separator'));
    return t('importGroup.file.unmapped_value', { source: param(group, 'source'), count: Number(group.params.count ?? 0), values, field: fieldLabel(t, field), outcome });
  }
  return t(`importProblem.${group.code}` as MessageKey);
}

/** What one feature's problem adds to its group's line, if anything. */
function detail(t: Translate, group: ProblemGroup, params: Readonly<Record<string, string | number>> | undefined): string {
  if (!params) return '';
  switch (group.code) {
    case 'unmapped_value': case 'invalid_date': return params.value === undefined ? '' : t('importGroup.quoted', { value: params.value });
    case 'unknown_mine': return params.mine === undefined ? '' : t('importGroup.quoted', { value: params.mine });
    case 'duplicate_id': return params.renamed === undefined ? '' : t('importGroup.detail.renamed', { id: params.renamed });
    case 'missing_id': return params.id === undefined ? '' : t('importGroup.detail.given', { id: params.id });
    default: return '';
  }
}

export function problemGroupText(t: Translate, group: ProblemGroup, codeLabel: CodeLabel): ProblemGroupText {
  if (group.file) return { line: fileLine(t, group, codeLabel), examples: '', all: [] };
  const count = group.problems.length;
  let line: string;
  if (group.code === 'wrong_type' && group.params.geometry && group.params.layer) {
    const layer = param(group, 'layer');
    const rule = t(layer === 'zones' ? 'importGroup.rule.areasOrLines' : 'importGroup.rule.areas', { layer: t(`import.layer.${layer}` as MessageKey) });
    line = plural(t, 'importGroup.wrongType', count, { geometry: t(`importGroup.geometry.${param(group, 'geometry')}.${count === 1 ? 'one' : 'other'}` as MessageKey), rule });
  } else {
    line = plural(t, group.severity === 'error' ? 'importGroup.error' : 'importGroup.notice', count, { what: what(t, group) });
  }
  const ids = group.problems.map((p) => p.featureId ?? '');
  const shown = ids.slice(0, EXAMPLES).join(t('importGroup.separator')) + (ids.length > EXAMPLES ? t('importGroup.more') : '');
  const details = group.problems.map((p) => detail(t, group, p.params));
  const hasDetail = details.some((d) => d !== '');
  const all = count > EXAMPLES || hasDetail ? group.problems.map((p, i) => (details[i] ? t('importGroup.item', { id: p.featureId ?? '', detail: details[i] }) : p.featureId ?? '')) : [];
  return { line, examples: t('importGroup.examples', { ids: shown }), all };
}

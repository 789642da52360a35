// Target tables as CSV, in the layout a county plan's 任务分解表 takes: one row per township,
// target group and year or period (2022-2023, as seed 002 sets its targets), in 亩 or 公顷; a row
// whose township (or group) is 合计/小计 is a total the plan states, for one year or a period.
// Totals are read as written, even when they disagree with the rows (flagged by
// domain/target-consistency.ts). Read and written here so that an exported table imports back
// unchanged; files from before periods read as they always did.
import { TARGET_CATEGORY_GROUPS, type StatedTotal, type Target, type TargetCategoryGroup, type TargetTable, type Township, type YearSpan } from '../domain/model.ts';
import { isTargetYear, spanKey, yearSpan } from '../domain/target-span.ts';
import { csvNumber, csvText } from './table/csv-text.ts';
import { delimitedRows, parseNumber } from './table/delimited-rows.ts';

type Column = 'kind' | 'township_id' | 'township' | 'group' | 'year' | 'mu' | 'ha';

const HEADERS: Record<'zh' | 'en', Record<Column, string>> = {
  zh: { kind: '类型', township_id: '乡镇编号', township: '乡镇', group: '矿山类别组', year: '年度', mu: '目标面积（亩）', ha: '目标面积（公顷）' },
  en: { kind: 'kind', township_id: 'township_id', township: 'township', group: 'category_group', year: 'year', mu: 'target_mu', ha: 'target_ha' },
};
const ROW = { zh: '任务', en: 'target' };
const ALIASES: Record<Column, string[]> = {
  kind: ['类型', '行类型', 'kind', 'row'],
  township_id: ['乡镇编号', '乡镇代码', 'township_id', 'unit_id'],
  township: ['乡镇', '乡镇名称', '行政区', '单位', 'township', 'unit'],
  group: ['矿山类别组', '矿山类别', '类别', 'category_group', 'category', 'group'],
  year: ['年度', '年份', '年', '时段', 'year', 'period'],
  mu: ['目标面积（亩）', '目标面积(亩)', '目标（亩）', '目标(亩)', '亩', 'target_mu', 'mu'],
  ha: ['目标面积（公顷）', '目标面积(公顷)', '目标（公顷）', '目标(公顷)', '公顷', 'target_ha', 'ha'],
};
const GROUP_LABELS: Record<TargetCategoryGroup, { zh: string; en: string; also: string[] }> = {
  producing: { zh: '生产矿山', en: 'producing', also: ['生产', '生产和在建矿山'] },
  closed_and_abandoned: { zh: '闭坑、政策性关闭和废弃矿山', en: 'closed_and_abandoned', also: ['闭坑和废弃矿山', '闭坑、关闭、废弃矿山', '政策性关闭和废弃矿山', 'closed and abandoned'] },
};
const TOTAL_WORDS = ['合计', '总计', '小计', '全县', '全市', 'total', 'all'];
const TOTAL = { zh: '合计', en: 'total' };

const normal = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');
const isTotal = (text: string): boolean => TOTAL_WORDS.includes(normal(text));

function groupOf(text: string): TargetCategoryGroup | null {
  const n = normal(text);
  return TARGET_CATEGORY_GROUPS.find((g) => [g, GROUP_LABELS[g].zh, GROUP_LABELS[g].en, ...GROUP_LABELS[g].also].some((l) => normal(l) === n)) ?? null;
}

/** "2021", "2021年", "2019-2020", "2022–2023", "2019—2020年度", "2022年-2023年" → the span. */
function spanOf(text: string): YearSpan | null {
  const match = /^(\d{4})\s*(?:年度?)?\s*(?:[-–—~～至到]\s*(\d{4}))?\s*(?:年度?)?$/.exec(text.trim());
  if (!match) return null;
  const first = Number(match[1]);
  const last = match[2] ? Number(match[2]) : first;
  return isTargetYear(first) && isTargetYear(last) && last >= first ? yearSpan(first, last) : null;
}

/** What is wrong with a targets CSV, as a code and the values it names, for the UI to say in its language. */
export type TargetsCsvProblem =
  | { code: 'empty' | 'no_rows' }
  | { code: 'no_year_column' | 'no_target_column' | 'no_township_column'; line: number }
  | { code: 'unknown_township' | 'unknown_group' | 'bad_year' | 'bad_target'; line: number; value: string }
  | { code: 'row_incomplete'; line: number }
  | { code: 'duplicate'; line: number; township: string; townshipEn: string; group: TargetCategoryGroup; year: string };

export type TargetsCsvResult = { ok: true; value: TargetTable } | { ok: false; reason: string; problems: TargetsCsvProblem[] };

function refused(reason: string, problems: TargetsCsvProblem[]): TargetsCsvResult {
  return { ok: false, reason, problems };
}

export function readTargetsCsv(text: string, townships: readonly Township[], source: string): TargetsCsvResult {
  const lines = delimitedRows(text.replace(/^\uFEFF/, '')).filter((r) => r.cells.some((c) => c !== ''));
  const header = lines[0];
  if (!header) return refused('the file is empty', [{ code: 'empty' }]);
  const columns = new Map<Column, number>();
  header.cells.forEach((cell, i) => {
    const column = (Object.keys(ALIASES) as Column[]).find((c) => ALIASES[c].some((a) => normal(a) === normal(cell)));
    if (column && !columns.has(column)) columns.set(column, i);
  });
  if (!columns.has('year')) return refused(`line ${header.line}: no year column (年度 / year)`, [{ code: 'no_year_column', line: header.line }]);
  if (!columns.has('mu') && !columns.has('ha')) {
    return refused(`line ${header.line}: no target column in 亩 or 公顷 (目标面积（亩） / target_mu, 目标面积（公顷） / target_ha)`, [{ code: 'no_target_column', line: header.line }]);
  }
  if (!columns.has('township') && !columns.has('township_id')) return refused(`line ${header.line}: no township column (乡镇 / township)`, [{ code: 'no_township_column', line: header.line }]);

  const byKey = new Map<string, Township>();
  for (const t of townships) for (const key of [t.id, t.name, t.name_en]) byKey.set(normal(key), t);
  const rows: Target[] = [];
  const totals: StatedTotal[] = [];
  const problems: string[] = [];
  const coded: TargetsCsvProblem[] = [];
  const seen = new Set<string>();
  for (const line of lines.slice(1)) {
    const at = (c: Column): string => (columns.has(c) ? (line.cells[columns.get(c)!] ?? '') : '');
    const where = `line ${line.line}`;
    const townshipText = at('township_id') || at('township');
    const total = isTotal(at('kind')) || isTotal(at('township')) || isTotal(at('group'));
    const township = townshipText && !isTotal(townshipText) ? byKey.get(normal(townshipText)) : undefined;
    if (townshipText && !isTotal(townshipText) && !township) {
      problems.push(`${where}: township “${townshipText}” is not in this programme`);
      coded.push({ code: 'unknown_township', line: line.line, value: townshipText });
    }
    const groupText = at('group');
    const group = groupText && !isTotal(groupText) ? groupOf(groupText) : null;
    if (groupText && !isTotal(groupText) && !group) {
      problems.push(`${where}: category group “${groupText}” is neither ${GROUP_LABELS.producing.zh} nor ${GROUP_LABELS.closed_and_abandoned.zh}`);
      coded.push({ code: 'unknown_group', line: line.line, value: groupText });
    }
    const span = spanOf(at('year'));
    if (!span) {
      problems.push(`${where}: year “${at('year')}” is not a year or a period such as 2019-2020`);
      coded.push({ code: 'bad_year', line: line.line, value: at('year') });
    }
    const mu = parseNumber(at('mu'));
    const ha = parseNumber(at('ha'));
    // 公顷 become 亩 exactly (15 亩 = 1 公顷); rounding drops the binary noise of × 15.
    const value = mu ?? (ha === null ? null : Math.round(ha * 15 * 1e6) / 1e6);
    if (value === null || value < 0) {
      problems.push(`${where}: target “${at('mu') || at('ha')}” is not an area ≥ 0`);
      coded.push({ code: 'bad_target', line: line.line, value: at('mu') || at('ha') });
    }
    if (!span || value === null || value < 0) continue;
    if (total) {
      totals.push({
        ...span,
        ...(township ? { township_id: township.id } : {}),
        ...(group ? { category_group: group } : {}),
        target_mu: value,
      });
      continue;
    }
    if (!township || !group) {
      // An unknown township or group was reported above; an empty one is reported here.
      if (!townshipText || !groupText) {
        problems.push(`${where}: a target row needs a township and a category group (or 合计 for a stated total)`);
        coded.push({ code: 'row_incomplete', line: line.line });
      }
      continue;
    }
    const key = `${township.id}/${group}/${spanKey(span)}`;
    if (seen.has(key)) {
      problems.push(`${where}: a second target for ${township.name} ${GROUP_LABELS[group].zh} ${spanKey(span)}`);
      coded.push({ code: 'duplicate', line: line.line, township: township.name, townshipEn: township.name_en, group, year: spanKey(span) });
    }
    seen.add(key);
    rows.push({ township_id: township.id, category_group: group, ...span, target_mu: value });
  }
  if (problems.length > 0) return refused(problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : ''), coded);
  if (rows.length === 0) return refused('the file has no target rows', [{ code: 'no_rows' }]);
  return { ok: true, value: { rows, stated_totals: totals, source } };
}

export function writeTargetsCsv(table: TargetTable, townships: readonly Township[], language: 'zh' | 'en'): string {
  const h = HEADERS[language];
  const names = new Map(townships.map((t) => [t.id, language === 'zh' ? t.name : t.name_en]));
  const label = (g: TargetCategoryGroup): string => GROUP_LABELS[g][language];
  return csvText([
    [h.kind, h.township_id, h.township, h.group, h.year, h.mu, h.ha],
    ...table.rows.map((r) => [ROW[language], r.township_id, names.get(r.township_id) ?? r.township_id, label(r.category_group), spanKey(r), r.target_mu, csvNumber(r.target_mu / 15, 6)]),
    ...table.stated_totals.map((s) => [
      TOTAL[language], s.township_id ?? '', s.township_id ? (names.get(s.township_id) ?? s.township_id) : TOTAL[language], s.category_group ? label(s.category_group) : '',
      spanKey(s), s.target_mu, csvNumber(s.target_mu / 15, 6),
    ]),
  ]);
}

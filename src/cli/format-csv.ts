// One row per parcel for spreadsheets, then the issues; the JSON output carries the totals.
import type { AnalysisResults } from '../domain/analysis-types.ts';
import { ZONE_TYPES } from '../domain/model.ts';

function cell(value: string | number | null): string {
  const text = value === null ? '' : typeof value === 'number' ? String(Math.round(value * 1e4) / 1e4) : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (values: (string | number | null)[]): string => values.map(cell).join(',');

export function formatCsv(results: AnalysisResults): string {
  const lines = [
    row(['id', 'mine_id', 'area_m2', 'area_mu', 'area_ha', 'protected_overlap_m2', ...ZONE_TYPES.map((t) => `overlap_${t}_m2`), 'treated_m2', 'treatment_rate', 'zones']),
    ...results.parcels.map((p) => row([
      p.id, p.mine_id, p.area_m2, p.area_mu, p.area_ha, p.protected_overlap_m2,
      ...ZONE_TYPES.map((t) => p.protected_overlap_by_type[t]), p.treated_m2, p.treatment_rate, p.zones.join(' '),
    ])),
  ];
  if (results.issues.length > 0) {
    lines.push('', row(['issue_layer', 'issue_id', 'issue_code', 'issue_reason']));
    for (const issue of results.issues) lines.push(row([issue.layer, issue.id, issue.code, issue.reason]));
  }
  return `${lines.join('\n')}\n`;
}

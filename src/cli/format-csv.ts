// One row per parcel for spreadsheets, then the issues; the JSON output carries the totals.
import type { AnalysisResults } from '../domain/analysis-types.ts';
import { ZONE_TYPES } from '../domain/model.ts';
import { csvLine, csvNumber, type CsvCell } from '../io/table/csv-text.ts';

// Cells go through the shared writer, which keeps parcel ids and issue text from running as formulas.
const row = (values: readonly CsvCell[]): string => csvLine(values.map((v) => (typeof v === 'number' ? csvNumber(v) : v)));

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

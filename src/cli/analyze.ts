// `npm run --silent analyze -- --parcels P.geojson --zones Z.geojson [...]`: the analysis as one
// JSON document (or CSV) on stdout. Unusable input files exit 1 with a message on stderr; bad
// features are listed under "issues" and left out of the figures. stderr says which source field
// filled each role of each layer, and how many treated polygons were counted without a date.
import { createAnalysis } from '../domain/analysis-engine.ts';
import type { AnalysisResults } from '../domain/analysis-types.ts';
import { parseAnalyzeArgs, USAGE } from './analyze-args.ts';
import { formatCsv } from './format-csv.ts';
import { describeFields, type InputLayer } from './input-fields.ts';
import { writeResultsJson } from './json-output.ts';
import { InputFileError, readInputs, type ReadInputs } from './read-inputs.ts';
import { reportUnexpected } from './unexpected-error.ts';

function report(fields: ReadInputs['fields'], results: AnalysisResults): void {
  for (const [layer, used] of Object.entries(fields)) process.stderr.write(`analyze: fields of ${describeFields(layer as InputLayer, used)}\n`);
  const undated = results.totals.treated_without_date;
  if (undated > 0) {
    process.stderr.write(`analyze: ${undated} treated polygon${undated > 1 ? 's' : ''} with no treatment date: counted, year unknown (by_year.unknown)\n`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseAnalyzeArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`analyze: ${parsed.message}\n${USAGE}\n`);
    return 2;
  }
  try {
    const { input, fields } = await readInputs(parsed.args);
    const analysis = await createAnalysis(input);
    const results = analysis.results();
    analysis.dispose();
    report(fields, results);
    if (parsed.args.format === 'csv') process.stdout.write(formatCsv(results));
    else await writeResultsJson(process.stdout, results);
    return 0;
  } catch (error) {
    if (!(error instanceof InputFileError)) return reportUnexpected('analyze', error);
    process.stderr.write(`analyze: ${error.message}\n`);
    return 1;
  }
}

// Piping into `head` closes stdout early; that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await main(process.argv.slice(2));

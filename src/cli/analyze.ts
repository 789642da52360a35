// `npm run --silent analyze -- --parcels P.geojson --zones Z.geojson [...]`: the analysis as one
// JSON document (or CSV) on stdout. Unusable input files exit 1 with a message on stderr; bad
// features are listed under "issues" and left out of the figures.
import { createAnalysis } from '../domain/analysis-engine.ts';
import { parseAnalyzeArgs, USAGE } from './analyze-args.ts';
import { formatCsv } from './format-csv.ts';
import { InputFileError, readInputs } from './read-inputs.ts';
import { reportUnexpected } from './unexpected-error.ts';

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseAnalyzeArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`analyze: ${parsed.message}\n${USAGE}\n`);
    return 2;
  }
  try {
    const analysis = await createAnalysis(await readInputs(parsed.args));
    const results = analysis.results();
    analysis.dispose();
    process.stdout.write(parsed.args.format === 'csv' ? formatCsv(results) : `${JSON.stringify(results, null, 2)}\n`);
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

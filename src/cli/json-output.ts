// The analysis as JSON on a stream, parcel by parcel, in exactly the text JSON.stringify(results,
// null, 2) gives: at 50k parcels that text is over 100 MB, which one string would hold at once
// (with V8's copies while building it) before the first byte left the process.
import type { Writable } from 'node:stream';
import type { AnalysisResults } from '../domain/analysis-types.ts';

/** Bytes gathered before a write; small writes cost more than their content. */
const CHUNK = 1 << 20;
/** Parcels stringified in one call: one JSON.stringify per parcel cost half again as much. */
const BATCH = 1000;

function indented(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${' '.repeat(2 * depth)}`);
}

/** Until the stream wants more, or will take no more (a reader such as `head` closed it). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      for (const event of ['drain', 'close', 'error']) out.off(event, done);
      resolve();
    };
    for (const event of ['drain', 'close', 'error']) out.on(event, done);
  });
}

export async function writeResultsJson(out: Writable, results: AnalysisResults): Promise<void> {
  let pending = '';
  const write = async (text: string): Promise<void> => {
    pending += text;
    if (pending.length < CHUNK || out.destroyed) return;
    const chunk = pending;
    pending = '';
    if (!out.write(chunk)) await drained(out);
  };
  const entries = Object.entries(results).filter(([, v]) => v !== undefined);
  await write('{\n');
  for (const [k, [key, value]] of entries.entries()) {
    const comma = k < entries.length - 1 ? ',' : '';
    if (key !== 'parcels' || results.parcels.length === 0) {
      await write(`  ${JSON.stringify(key)}: ${indented(value, 1)}${comma}\n`);
      continue;
    }
    await write('  "parcels": [\n');
    for (let i = 0; i < results.parcels.length; i += BATCH) {
      // "[\n  {…},\n  {…}\n]" at depth 1, less its brackets, is those parcels' lines at depth 2.
      const batch = indented(results.parcels.slice(i, i + BATCH), 1).slice(6, -4);
      await write(`    ${batch}${i + BATCH < results.parcels.length ? ',' : ''}\n`);
    }
    await write(`  ]${comma}\n`);
  }
  await write('}\n');
  if (pending && !out.destroyed) out.write(pending);
}

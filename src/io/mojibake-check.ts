// Text that was garbled before it reached Fulv (a GBK file once opened as Latin-1 and saved as
// UTF-8, or with 锟斤拷 where characters were lost) decodes without error, so no encoding choice
// fixes it; the preview says so once, quoting an example, so that the user can go back to the
// source file.
import { looksLikeMojibake } from './text-encoding.ts';
import type { ImportProblem, SourceFeature } from './import-types.ts';
import { fileNotice } from './readers/source-read.ts';

/** Enough features to notice a garbled column without walking a province's table. */
const SAMPLE = 2000;

export function mojibakeNotice(features: readonly SourceFeature[]): ImportProblem | null {
  for (const f of features.slice(0, SAMPLE)) {
    for (const [key, value] of Object.entries(f.properties)) {
      const text = looksLikeMojibake(key) ? key : typeof value === 'string' && looksLikeMojibake(value) ? value : null;
      if (text !== null) return fileNotice('mojibake_suspected', `text such as "${text.slice(0, 40)}" looks garbled: the file was probably saved with the wrong encoding before it reached Fulv`);
    }
  }
  return null;
}

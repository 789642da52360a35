// For now a created programme is opened as the app's seed, in an IndexedDB database of its own
// (openFieldStore names it after the programme's id). The programme registry replaces this.
import type { ProgrammeContent } from '../domain/programme-content.ts';
import type { Seed } from './demo-programme.ts';

export function openCreatedProgramme(setSeed: (seed: Seed) => void): (content: ProgrammeContent) => Promise<void> {
  return (content) => {
    setSeed({ programme: content.programme, version: `created:${content.programme.id}` });
    return Promise.resolve();
  };
}

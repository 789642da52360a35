// Serves a generated programme in place of the bundled demo: the app fetches its four files from
// hashed asset URLs, so the bench answers those requests with the generated files instead.
import type { BrowserContext } from 'playwright-core';

export type ProgrammeFileSet = Record<'programme.json' | 'parcels.geojson' | 'treated.geojson' | 'zones.geojson', string>;

const PATTERNS: [keyof ProgrammeFileSet, RegExp][] = [
  ['programme.json', /\/assets\/programme-[\w-]+\.json$/],
  ['parcels.geojson', /\/assets\/parcels-[\w-]+\.geojson$/],
  ['treated.geojson', /\/assets\/treated-[\w-]+\.geojson$/],
  ['zones.geojson', /\/assets\/zones-[\w-]+\.geojson$/],
];

export async function routeProgramme(context: BrowserContext, files: ProgrammeFileSet): Promise<void> {
  for (const [name, pattern] of PATTERNS) {
    const body = Buffer.from(files[name]);
    await context.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  }
}

// The layering of src/ is enforced by ESLint; these cases prove the rule bites.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries', () => {
  it.each([
    ['src/domain/x.ts', "import { Map } from 'maplibre-gl';\nexport const m = Map;\n", /maplibre-gl/],
    ['src/domain/x.ts', "import { useState } from 'react';\nexport const s = useState;\n", /react/],
    ['src/domain/x.ts', "import { openDB } from 'idb';\nexport const o = openDB;\n", /idb/],
    ['src/domain/x.ts', "import { App } from '../app/App.tsx';\nexport const a = App;\n", /src\/domain must not import src\/app/],
    ['src/domain/x.ts', 'export const w = window.innerWidth;\n', /No DOM/],
    ['src/domain/x.ts', 'export const d = document.title;\n', /No DOM/],
    ['src/map/x.ts', "import { useState } from 'react';\nexport const s = useState;\n", /react/],
    ['src/io/x.ts', "import { ProgrammeMap } from '../map/programme-map.ts';\nexport const p = ProgrammeMap;\n", /src\/io must not import src\/map/],
  ])('%s: %s is refused', async (file, code, expected) => {
    const found = await messages(file, code);
    expect(found.join('\n')).toMatch(expected);
  });

  it('allows the domain to use its own layer and lib', async () => {
    const found = await messages('src/domain/x.ts', "import { ok } from '../lib/result.ts';\nimport { m2ToMu } from './units.ts';\nexport const f = [ok, m2ToMu];\n");
    expect(found).toEqual([]);
  });

  it('refuses HTML injection of attribute text anywhere in src', async () => {
    const found = await messages('src/ui/X.tsx', 'export const X = (p: { t: string }) => <div dangerouslySetInnerHTML={{ __html: p.t }} />;\n');
    expect(found.join('\n')).toMatch(/never injected as HTML/);
  });
});

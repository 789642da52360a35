// The source fields of an import, in the order the file first uses them, with their type and
// a few sample values for the mapping dialog.
import type { AttributeValue, SourceField, SourceProperties } from './import-types.ts';

const SAMPLES = 5;

function typeOf(value: AttributeValue): SourceField['type'] {
  return value === null ? 'empty' : (typeof value as 'string' | 'number' | 'boolean');
}

export function sourceFields(features: readonly { properties: SourceProperties }[]): SourceField[] {
  const fields = new Map<string, SourceField & { seen: Set<string> }>();
  for (const f of features) {
    for (const [name, value] of Object.entries(f.properties)) {
      let field = fields.get(name);
      if (!field) {
        field = { name, type: 'empty', samples: [], seen: new Set() };
        fields.set(name, field);
      }
      const type = typeOf(value);
      if (type !== 'empty') field.type = field.type === 'empty' || field.type === type ? type : 'mixed';
      const key = String(value);
      if (value !== null && value !== '' && field.samples.length < SAMPLES && !field.seen.has(key)) {
        field.seen.add(key);
        field.samples.push(value);
      }
    }
  }
  return [...fields.values()].map(({ name, type, samples }) => ({ name, type, samples }));
}

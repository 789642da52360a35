import { describe, expect, it } from 'vitest';
import { reseedDecision, treatedToAdd } from '../../../src/store/reseed-policy.ts';
import { programmeFingerprint, seedFilesFingerprint, seedFilesFingerprintInSlices } from '../../../src/store/seed-fingerprint.ts';
import { fieldProgramme, treatedFeature } from '../../helpers/field-store.ts';

describe('reseeding', () => {
  it('seeds an empty database, reseeds a new seed version, and ignores current and older ones', () => {
    expect(reseedDecision(null, 'b')).toBe('seed');
    expect(reseedDecision({ applied: ['a'] }, 'b')).toBe('reseed');
    expect(reseedDecision({ applied: ['a', 'b'] }, 'b')).toBe('none');
    expect(reseedDecision({ applied: ['a', 'b'] }, 'a')).toBe('none');
  });

  it('adds only polygons whose id the database never held', () => {
    const seed = [treatedFeature('A'), treatedFeature('B'), treatedFeature('C')];
    expect(treatedToAdd(seed, new Set(['A', 'C'])).map((f) => f.properties.id)).toEqual(['B']);
  });

  it('fingerprints a programme by content', () => {
    const a = fieldProgramme();
    const b = fieldProgramme([treatedFeature('T-T1', { note: 'changed' })]);
    expect(programmeFingerprint(a)).toBe(programmeFingerprint(fieldProgramme()));
    expect(programmeFingerprint(a)).not.toBe(programmeFingerprint(b));
  });

  it('fingerprints seed files by their text, so a change in any one of them is a new version', () => {
    const files = ['{"id":"P1"}', '{"type":"FeatureCollection","features":[]}', '{"type":"FeatureCollection","features":[1]}'];
    const version = seedFilesFingerprint('P1', files);
    expect(version).toMatch(/^P1:\d+:[0-9a-f]+$/);
    expect(seedFilesFingerprint('P1', [...files])).toBe(version);
    for (let i = 0; i < files.length; i++) {
      const changed = files.map((f, j) => (j === i ? f.replace('}', ' }') : f));
      expect(seedFilesFingerprint('P1', changed)).not.toBe(version);
      const sameLength = files.map((f, j) => (j === i ? f.replace('{', '[') : f));
      expect(seedFilesFingerprint('P1', sameLength)).not.toBe(version);
    }
    expect(seedFilesFingerprint('P2', files)).not.toBe(version);
  });

  it('fingerprints the same hashed in slices as in one go, as databases seeded before hold the latter', async () => {
    const files = ['{"id":"P1","name":"复绿"}', '{"type":"FeatureCollection","features":[]}', 'x'.repeat(1000)];
    let pauses = 0;
    const pause = async () => { pauses++; };
    for (const slice of [1, 7, 64, 5000]) {
      expect(await seedFilesFingerprintInSlices('P1', files, pause, slice)).toBe(seedFilesFingerprint('P1', files));
    }
    expect(pauses).toBeGreaterThan(1000);
  });
});

// Changing the target layer or editing the mapping after the preview: the read problems stay,
// the layer's problems are recomputed. Pure and synchronous, so the dialog can call it on every
// edit without the worker.
import type { ImportPreview, ImportProblem } from './import-types.ts';
import type { FieldMapping, ImportLayer } from './mapping/field-mapping-types.ts';
import { layerProblems } from './mapping/layer-problems.ts';
import { proposeFieldMapping } from './mapping/propose-field-mapping.ts';

/** A new preview for another target layer, with that layer's proposed mapping. */
export function retargetImport(preview: ImportPreview, layer: ImportLayer): ImportPreview {
  return withMapping({ ...preview, layer }, proposeFieldMapping(layer, preview.fields, preview.features));
}

/** The preview with a user-edited mapping and the problems that follow from it. */
export function withMapping(preview: ImportPreview, mapping: FieldMapping): ImportPreview {
  const problems: ImportProblem[] = [...preview.problems.filter((p) => p.stage === 'read'), ...layerProblems(preview.features, mapping)];
  return { ...preview, layer: mapping.layer, mapping, problems };
}

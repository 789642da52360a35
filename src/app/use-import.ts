// The import dialog's controller: files go to the import worker, the preview comes back (and is
// drawn on the map), the user may change the target layer and field mapping, and on confirmation
// the mapped features enter the field store in one transaction. Cancelling changes nothing.
// Cancelling, or choosing another file, while a file is being read stops the worker (a new one
// starts for the next file), and an answer is shown only if it is for the latest file chosen.
// A successful import closes the dialog and leaves a summary; every message is in the UI's
// language (codes and values translated here; the io layer's English reasons are for logs).
// Parcels whose mine id or name points to no mine of the programme bring their new mines in the
// same import step (one undo removes both), made as the new-programme wizard makes them.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { Programme } from '../domain/model.ts';
import type { ImportPreview, ImportProgress } from '../io/import-types.ts';
import type { FieldMapping, ImportLayer } from '../io/mapping/field-mapping-types.ts';
import { minesForAddedParcels, newMineCount } from '../io/new-programme/mines-for-added-parcels.ts';
import { withMapping } from '../io/retarget-import.ts';
import { TEXT_ENCODINGS, type TextEncodingName } from '../io/text-encoding.ts';
import { FieldStoreError } from '../persistence/field-store-error.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import { createTreated, importFeatures, replaceZones } from '../store/edits-from-snapshot.ts';
import type { Translate } from '../ui/i18n/translate.ts';
import type { MessageKey } from '../ui/i18n/zh.ts';
import { ioFailureReason } from './io-failure-reason.ts';
import { ImportWorkerClient } from './import-worker-client.ts';

/** A store refusal in the UI's language; the error's English message stays for logs. */
function storeRefusal(t: Translate, error: unknown): string {
  if (error instanceof FieldStoreError && (error.code === 'already_exists' || error.code === 'quota_exceeded')) return t(`import.storeError.${error.code}`);
  return t('import.storeError.other');
}

function importable(preview: ImportPreview | null): number {
  if (!preview) return 0;
  const broken = new Set(preview.problems.filter((p) => p.severity === 'error' && p.featureIndex !== null).map((p) => p.featureIndex));
  const fileBroken = preview.problems.some((p) => p.severity === 'error' && p.featureIndex === null);
  return fileBroken ? 0 : preview.features.filter((f) => f.geometry && !f.geometryError && !broken.has(f.index)).length;
}

export function useImport(t: Translate, store: FieldStore | null, programme: Programme | null, who: string) {
  const client = useRef<ImportWorkerClient | null>(null);
  const [open, setOpen] = useState(false);
  const [layer, setLayer] = useState<ImportLayer>('parcels');
  const [crs, setCrs] = useState('');
  const [encoding, setEncoding] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [replace, setReplace] = useState(false);
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  /** What the last successful import did, said after the dialog has closed. */
  const [summary, setSummary] = useState<string | null>(null);

  /** Counts reads and cancellations: an answer counts only while its number is the latest. */
  const generation = useRef(0);
  const reading = useRef(false);
  const worker = () => (client.current ??= new ImportWorkerClient());
  const stopReading = () => {
    generation.current++;
    if (!reading.current) return false;
    reading.current = false;
    client.current?.terminate();
    client.current = null;
    return true;
  };
  useEffect(() => () => client.current?.terminate(), []);

  const failed = useCallback((name: string, code: string, where: { line?: number; limit?: string }) => {
    setFailure(t('import.failed', { name, reason: ioFailureReason(t, code, where) }));
  }, [t]);

  const read = useCallback(async (files: { name: string; bytes: Uint8Array<ArrayBuffer> }[]) => {
    stopReading();
    const mine = generation.current;
    reading.current = true;
    setFailure(null);
    setResult(null);
    setSummary(null);
    setPreview(null);
    setProgress({ phase: 'unpacking', done: 0, total: 0 });
    const chosen: TextEncodingName | null = (TEXT_ENCODINGS as readonly string[]).includes(encoding) ? encoding : null;
    const options = { layer, ...(crs ? { sourceCrs: crs } : {}), ...(chosen ? { encoding: chosen } : {}) };
    const answer = await worker().request({ type: 'read', files, options }, (p) => mine === generation.current && setProgress(p), files.map((f) => f.bytes.buffer));
    if (mine !== generation.current) return;
    reading.current = false;
    setProgress(null);
    if (answer.type === 'preview') setPreview(answer.preview);
    else if (answer.type === 'failed') failed(answer.file ?? files.map((f) => f.name).join('、'), answer.code, answer);
    else if (answer.type === 'error') setFailure(t('import.failed', { name: files.map((f) => f.name).join('、'), reason: t('import.bug') }));
  }, [layer, crs, encoding, failed, t]);

  const close = useCallback(() => {
    setOpen(false);
    setReplace(false);
    setPreview(null);
    setFailure(null);
    setResult(null);
    setProgress(null);
    if (!stopReading()) void client.current?.request({ type: 'discard' });
  }, []);

  const confirm = useCallback(async () => {
    if (!preview || !store || !programme) return;
    const existing = preview.layer === 'parcels' ? programme.parcels.features : preview.layer === 'zones' ? programme.zones.features : programme.treated.features;
    const answer = await worker().request({ type: 'apply', mapping: preview.mapping, existingIds: existing.map((f) => f.properties.id), mines: programme.mines });
    if (answer.type !== 'applied') return setResult({ text: t('import.refused', { reason: answer.type === 'failed' ? t(`ioError.${answer.code}` as MessageKey) : t('import.bug') }), error: true });
    const { mapped, skipped } = answer.result;
    if (mapped.features.length === 0) return setResult({ text: t('import.nothing'), error: true });
    let made = { mines: 0, defaulted: 0 };
    try {
      if (mapped.layer === 'treated') {
        const snapshot = store.getSnapshot();
        await store.transact({ kind: 'batch', label: `import ${preview.fileName}`, edits: mapped.features.map((f) => createTreated(snapshot, f)) }, who);
      } else if (mapped.layer === 'parcels') {
        // As in the wizard, a mine whose parcels give no 图斑小类/大类 is 'abandoned', and the summary says how many.
        const added = minesForAddedParcels(mapped.features, programme, 'abandoned');
        made = { mines: added.mines.length, defaulted: added.problems.filter((p) => p.kind === 'category_defaulted').length };
        await store.transact(importFeatures(`import ${preview.fileName}`, { townships: added.townships, mines: added.mines, parcels: added.parcels }), who);
      } else if (mapped.layer === 'zones' && replace && programme.zones.features.length > 0) {
        // The new ids were made apart from the zones it replaces (existingIds above), as the store requires.
        await store.transact(replaceZones(store.getSnapshot(), `import ${preview.fileName}`, mapped.features), who);
      } else {
        await store.transact(importFeatures(`import ${preview.fileName}`, { zones: mapped.features }), who);
      }
      const counts = { count: mapped.features.length, layer: t(`import.layer.${mapped.layer}`), skipped: skipped.length };
      const done = t(skipped.length > 0 ? 'import.done' : 'import.doneAll', counts);
      const mines = made.mines > 0 ? t('import.minesMade', { count: made.mines }) : '';
      setSummary(`${done}${mines}${made.defaulted > 0 ? t('import.minesDefaulted', { count: made.defaulted }) : ''}`);
      close();
    } catch (error) {
      setResult({ text: t('import.refused', { reason: storeRefusal(t, error) }), error: true });
    }
  }, [preview, store, programme, who, t, close, replace]);

  const previewCollection = useMemo<FeatureCollection | null>(() => (preview ? {
    type: 'FeatureCollection',
    features: preview.features.flatMap((f) => (f.geometry ? [{ type: 'Feature' as const, geometry: f.geometry, properties: { ...f.properties, id: `import-${f.index}` } }] : [])),
  } : null), [preview]);

  return {
    open, setOpen: (o: boolean) => { if (o) setSummary(null); setOpen(o); }, close, previewCollection,
    summary, dismissSummary: () => setSummary(null),
    dialog: {
      open,
      onClose: close,
      layer,
      onLayer: (l: ImportLayer) => {
        setLayer(l);
        const mine = generation.current;
        if (preview) void worker().request({ type: 'retarget', layer: l }).then((a) => { if (a.type === 'preview' && mine === generation.current) setPreview(a.preview); });
      },
      crs, onCrs: setCrs,
      encoding, onEncoding: setEncoding,
      onFiles: (files: File[]) => void Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))).then(read),
      onPaste: (text: string) => void read([{ name: t('import.paste') + '.csv', bytes: new TextEncoder().encode(text) }]),
      progress, failure, preview,
      onMapping: (mapping: FieldMapping) => preview && setPreview(withMapping(preview, mapping)),
      importable: importable(preview),
      newMines: preview && programme ? newMineCount(preview.features, preview.mapping, programme.mines) : 0,
      onConfirm: () => void confirm(),
      zoneCount: programme?.zones.features.length ?? 0,
      replaceZones: replace,
      onReplaceZones: setReplace,
      result,
    },
  };
}

// The export dialog's controller: picks the features in scope, with each parcel's status as the
// app shows it (domain/current-statuses.ts: treated work and acceptance steps, not only the
// record), has the import worker write the file (so a large Shapefile never blocks the map) and
// downloads it, named for the programme, the scope and the day.
import { useCallback, useRef, useState } from 'react';
import type { ParcelStatus, Programme } from '../domain/model.ts';
import { exportFileTitle, localDay } from '../io/export/export-file-title.ts';
import type { ExportFormat } from '../io/export/export-types.ts';
import type { ExportValueStyle } from '../io/export/value-labels.ts';
import { parseScope, type ExportLayerName } from '../ui/ExportDialog.tsx';
import type { Translate } from '../ui/i18n/translate.ts';
import { layersInScope } from './export-scope.ts';
import { ioFailureReason } from './io-failure-reason.ts';
import { ImportWorkerClient } from './import-worker-client.ts';

function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function scopeName(programme: Programme, scope: string, t: Translate, language: 'zh' | 'en'): string {
  const s = parseScope(scope);
  const named = s.kind === 'township' ? programme.townships.find((x) => x.id === s.id) : s.kind === 'mine' ? programme.mines.find((x) => x.id === s.id) : undefined;
  if (!named) return t('export.fileScope.all');
  return language === 'en' ? named.name_en : named.name;
}

export function useExport(t: Translate, language: 'zh' | 'en', programme: Programme | null, statuses: ReadonlyMap<string, ParcelStatus>) {
  const client = useRef<ImportWorkerClient | null>(null);
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState('all');
  const [layers, setLayers] = useState<Record<ExportLayerName, boolean>>({ parcels: true, treated: true, zones: false });
  const [format, setFormat] = useState<ExportFormat>('geojson');
  const [crs, setCrs] = useState('');
  const [values, setValues] = useState<ExportValueStyle>('codes');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const run = useCallback(async () => {
    if (!programme) return;
    setBusy(true);
    setMessage(null);
    client.current ??= new ImportWorkerClient();
    const title = exportFileTitle(language === 'en' ? programme.name_en : programme.name, scopeName(programme, scope, t, language), localDay(new Date()));
    const answer = await client.current.request({
      type: 'export', layers: layersInScope(programme, statuses, scope, layers), format, options: { ...(crs ? { crs } : {}), values }, title,
    });
    setBusy(false);
    if (answer.type === 'exported') {
      for (const file of answer.result.files) download(file.bytes, file.name, file.mediaType);
      setMessage({ text: t('export.done', { files: answer.result.files.map((f) => f.name).join('、') }), error: false });
    } else if (answer.type === 'failed') {
      setMessage({ text: t('export.failed', { reason: ioFailureReason(t, answer.code, answer) }), error: true });
    } else if (answer.type === 'error') {
      setMessage({ text: t('export.failed', { reason: t('export.bug') }), error: true });
    }
  }, [programme, statuses, scope, layers, format, crs, values, t, language]);

  return {
    open, setOpen,
    dialog: {
      open, onClose: () => setOpen(false), scope, onScope: setScope, layers, onLayers: setLayers, format, onFormat: setFormat,
      crs, onCrs: setCrs, values, onValues: setValues, onRun: () => void run(), busy, message,
    },
  };
}

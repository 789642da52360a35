// The new-programme wizard's controller: reads the user's files with the import worker, keeps
// the choices of every step, derives the programme from them (io/new-programme) and hands it to
// `create` once the user confirms. Nothing is stored before that.
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { ParcelFeature, ZoneFeature } from '../domain/model.ts';
import type { ProgrammeContent } from '../domain/programme-content.ts';
import type { ImportPreview, ImportProblem } from '../io/import-types.ts';
import { applyFieldMapping } from '../io/mapping/apply-field-mapping.ts';
import { deriveProgramme, type NewProgramme } from '../io/new-programme/derive-programme.ts';
import type { MineSource } from '../io/new-programme/derive-mines.ts';
import { readMineTableFile } from '../io/new-programme/mine-table.ts';
import { decodeDocument } from '../io/readers/decode-document.ts';
import { proposeMineFields, proposeMineralField, proposeMineTableColumns, proposeTownshipField } from '../io/new-programme/propose-fields.ts';
import { sourcedParcels } from '../io/new-programme/sourced-parcels.ts';
import type { MessageKey } from '../ui/i18n/zh.ts';
import type { Translate } from '../ui/i18n/translate.ts';
import type { WizardChoices, WizardModel, WizardStep, ZoneFile } from '../ui/new-programme/wizard-model.ts';
import { ImportWorkerClient } from './import-worker-client.ts';

const START: WizardChoices = {
  name: '', areaLevel: 'county', areaName: '', crs: '', parcels: null, mineMode: 'per_parcel', mineNameField: null, mineIdField: null,
  mineTable: null, tableIdColumn: null, tableNameColumn: null, tableCategoryColumn: null, tableParcelField: null,
  defaultCategory: 'abandoned', mineralField: null, townshipField: null, zones: [], targets: null,
};

function newProgrammeId(): string {
  const random = crypto.getRandomValues(new Uint8Array(4));
  return `P-${Date.now().toString(36)}-${[...random].map((b) => b.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

function zoneFeatures(files: readonly ZoneFile[]): { features: ZoneFeature[]; problems: ImportProblem[] } {
  const features: ZoneFeature[] = [];
  const problems: ImportProblem[] = [];
  files.forEach((file, i) => {
    const { mapping } = file.preview;
    const fixed = file.zoneType !== null;
    const applied = applyFieldMapping(file.preview, {
      ...mapping,
      fields: { ...mapping.fields, zone_type: fixed ? null : file.zoneField },
      defaults: { ...mapping.defaults, zone_type: file.zoneType },
    }, { existingIds: features.map((f) => f.properties.id), idPrefix: `Z${i + 1}-` });
    if (applied.mapped.layer === 'zones') features.push(...applied.mapped.features);
    problems.push(...file.preview.problems, ...applied.problems);
  });
  return { features, problems };
}

function mineSource(c: WizardChoices): MineSource {
  if (c.mineMode === 'field' && c.mineNameField) return { kind: 'field', nameField: c.mineNameField, idField: c.mineIdField };
  if (c.mineMode === 'table' && c.mineTable && c.tableIdColumn && c.tableParcelField) {
    return { kind: 'table', table: c.mineTable, idColumn: c.tableIdColumn, nameColumn: c.tableNameColumn ?? c.tableIdColumn, categoryColumn: c.tableCategoryColumn, parcelField: c.tableParcelField };
  }
  return { kind: 'per_parcel' };
}

async function bytesOf(file: File): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function useNewProgramme(t: Translate, create: (content: ProgrammeContent) => Promise<void>): WizardModel & { setOpen: (open: boolean) => void } {
  const [open, setOpenState] = useState(false);
  const [step, setStep] = useState<WizardStep>('name');
  const [choices, setChoices] = useState<WizardChoices>(START);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const id = useRef(newProgrammeId());
  const client = useRef<ImportWorkerClient | null>(null);

  const setOpen = useCallback((value: boolean) => {
    if (value && !open) {
      setChoices(START);
      setStep('name');
      setFailure(null);
      id.current = newProgrammeId();
    }
    if (!value) {
      client.current?.terminate();
      client.current = null;
    }
    setOpenState(value);
  }, [open]);

  const read = useCallback(async (files: File[], layer: 'parcels' | 'zones'): Promise<ImportPreview | null> => {
    setFailure(null);
    const names = files.map((f) => f.name).join('、');
    setBusy(t('wizard.reading', { name: names }));
    try {
      const payload = await Promise.all(files.map(bytesOf));
      const worker = (client.current ??= new ImportWorkerClient());
      const options = { layer, ...(choices.crs ? { sourceCrs: choices.crs } : {}) };
      const answer = await worker.request({ type: 'read', files: payload, options }, undefined, payload.map((f) => f.bytes.buffer));
      if (answer.type === 'preview') return answer.preview;
      if (answer.type === 'failed') setFailure(t('wizard.readFailed', { name: answer.file ?? names, reason: t(`ioError.${answer.code}` as MessageKey) }));
      else if (answer.type === 'error') setFailure(t('wizard.readFailed', { name: names, reason: answer.message }));
      return null;
    } finally {
      setBusy(null);
    }
  }, [choices.crs, t]);

  const onParcelFiles = useCallback((files: File[]) => {
    void read(files, 'parcels').then((preview) => {
      if (!preview) return;
      const mines = proposeMineFields(preview.fields);
      setChoices((c) => ({
        ...c, parcels: preview, mineMode: mines.nameField ? 'field' : 'per_parcel', mineNameField: mines.nameField, mineIdField: mines.idField,
        townshipField: proposeTownshipField(preview.fields), mineralField: proposeMineralField(preview.fields),
      }));
    });
  }, [read]);

  const onZoneFiles = useCallback((files: File[]) => {
    void (async () => {
      for (const file of files) {
        const preview = await read([file], 'zones');
        if (!preview) return;
        const field = preview.mapping.fields.zone_type ?? null;
        // With no zone type field the user must pick the file's type: until then its features are not taken.
        setChoices((c) => ({ ...c, zones: [...c.zones, { preview, zoneField: field, zoneType: null }] }));
      }
    })();
  }, [read]);

  const onZoneFile = useCallback((index: number, patch: Partial<ZoneFile> | null) => {
    setChoices((c) => ({ ...c, zones: patch ? c.zones.map((z, i) => (i === index ? { ...z, ...patch } : z)) : c.zones.filter((_, i) => i !== index) }));
  }, []);

  const onMineTableFile = useCallback((file: File) => {
    void bytesOf(file).then((bytes) => {
      const table = readMineTableFile(bytes);
      if (!table.ok) return setFailure(t('wizard.readFailed', { name: file.name, reason: table.reason }));
      setFailure(null);
      const columns = proposeMineTableColumns(table.value.columns);
      setChoices((c) => ({ ...c, mineTable: table.value, tableIdColumn: columns.id, tableNameColumn: columns.name, tableCategoryColumn: columns.category, tableParcelField: c.mineIdField ?? c.mineNameField }));
    });
  }, [t]);

  const onTargetsFile = useCallback((file: File) => {
    void bytesOf(file).then(({ bytes }) => {
      const decoded = decodeDocument(bytes, file.name, undefined);
      if (!decoded.ok) return setFailure(t('wizard.readFailed', { name: file.name, reason: t(`ioError.${decoded.code}` as MessageKey) }));
      setFailure(null);
      setChoices((c) => ({ ...c, targets: { text: decoded.value.text, source: file.name } }));
    });
  }, [t]);

  // Typing a name must not wait for a province's parcels to be grouped into mines again.
  const settled = useDeferredValue(choices);
  const parcels = useMemo(() => {
    if (!settled.parcels) return { list: [], problems: [] };
    const applied = applyFieldMapping(settled.parcels, settled.parcels.mapping);
    const features = applied.mapped.layer === 'parcels' ? applied.mapped.features : ([] as ParcelFeature[]);
    return { list: sourcedParcels(settled.parcels, features, applied.skipped), problems: [...settled.parcels.problems, ...applied.problems] };
  }, [settled.parcels]);
  const zones = useMemo(() => zoneFeatures(settled.zones), [settled.zones]);

  const result: NewProgramme | null = useMemo(() => {
    if (settled.name.trim() === '') return null;
    return deriveProgramme({
      id: id.current, name: settled.name.trim(), areaLevel: settled.areaLevel, areaName: settled.areaName.trim() || settled.name.trim(),
      parcels: parcels.list, mines: mineSource(settled), defaultCategory: settled.defaultCategory,
      townships: settled.townshipField ? { kind: 'field', field: settled.townshipField } : { kind: 'single' }, mineralField: settled.mineralField,
      zones: zones.features, targets: settled.targets, importProblems: [...parcels.problems, ...zones.problems],
    });
  }, [settled, parcels, zones]);

  const onCreate = useCallback(() => {
    if (!result) return;
    setBusy(t('wizard.creating'));
    setFailure(null);
    create(result.content).then(() => {
      setBusy(null);
      setOpen(false);
    }, (error: unknown) => {
      setBusy(null);
      setFailure(t('wizard.createFailed', { reason: error instanceof Error ? error.message : String(error) }));
    });
  }, [result, create, setOpen, t]);

  return {
    open, step, choices, result, busy, failure, setOpen, updating: settled !== choices,
    onChoose: (patch) => setChoices((c) => ({ ...c, ...patch })),
    onStep: setStep,
    onParcelFiles, onMineTableFile, onZoneFiles, onZoneFile, onTargetsFile, onCreate,
    onClose: () => setOpen(false),
  };
}

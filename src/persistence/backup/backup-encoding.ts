// Writes a backup archive. Images are stored, not deflated: JPEG does not shrink, and storing
// keeps export fast on a phone.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { BACKUP_FILES, OPTIONAL_BACKUP_FILES, PROGRAMME_BACKUP_FILES, type BackupContents } from './backup-format.ts';

const json = (value: unknown): Uint8Array<ArrayBuffer> => strToU8(JSON.stringify(value));

export function encodeBackup(contents: BackupContents): Uint8Array<ArrayBuffer> {
  const files: Zippable = {
    [BACKUP_FILES.manifest]: json(contents.manifest),
    [BACKUP_FILES.treated]: json(contents.treated),
    [BACKUP_FILES.photos]: json(contents.photos),
    [BACKUP_FILES.journal]: json(contents.journal),
    [OPTIONAL_BACKUP_FILES.reviews]: json(contents.reviews),
    [OPTIONAL_BACKUP_FILES.targets]: json(contents.targets),
  };
  if (contents.programme) {
    const { features, ...part } = contents.programme;
    files[PROGRAMME_BACKUP_FILES.programme] = json(part);
    files[PROGRAMME_BACKUP_FILES.townships] = json(features.townships);
    files[PROGRAMME_BACKUP_FILES.mines] = json(features.mines);
    files[PROGRAMME_BACKUP_FILES.parcels] = json(features.parcels);
    files[PROGRAMME_BACKUP_FILES.zones] = json(features.zones);
  }
  for (const image of contents.manifest.images) {
    const bytes = contents.images.get(image.id);
    if (bytes) files[image.file] = [bytes, { level: 0 }];
  }
  return zipSync(files, { level: 6 });
}

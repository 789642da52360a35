// Programmes: the switcher, creating, deleting and restoring programmes (English).
import type { zhProgrammes } from '../zh/programmes.ts';

export const enProgrammes: Record<keyof typeof zhProgrammes, string> = {
  'programmes.label': 'Programme',
  'programmes.demoSuffix': ' (demo)',
  'programmes.actions': 'Programme actions',
  'programmes.new': 'New programme',
  'programmes.delete': 'Delete this programme…',
  'programmes.addDemo': 'Add the demo programme',
  'programmes.restore': 'Restore a programme from a backup',
  'programmes.none': 'This browser holds no programme yet: create one, add the demo programme, or restore one from a backup.',
  'programmes.restored': 'Restored programme “{name}”',
  'programmes.restoreRefused': 'Cannot restore a programme from “{file}”: {reason}',
  'programmes.refusal.present': 'this browser holds that programme already: switch to it and restore the backup there; nothing was changed',
  'programmes.refusal.version1': 'this backup was made by an older Fulv and holds the field edits only, not the programme itself, so it can only be restored into its programme; nothing was changed',
  'programmes.deleted': 'Deleted programme “{name}”',
  'programmes.deleteFailed': 'Could not delete the programme: {reason}',
  'programmes.confirm.title': 'Delete programme “{name}”?',
  'programmes.confirm.counts': 'Its {parcels} parcels, {treated} treated polygons, {photos} photos and all its edit history will be removed from this browser. This cannot be undone.',
  'programmes.confirm.unexported': '{count} edits are not in a backup yet.',
  'programmes.confirm.backup': 'Download a backup first',
  'programmes.confirm.delete': 'Delete programme',
  'programmes.confirm.cancel': 'Cancel',
  // Opening a programme archive (.gpkg)
  'programmes.archive.open': 'Open programme archive…',
  'programmes.archive.opening': 'Reading programme archive “{file}”…',
  'programmes.archive.opened': 'Opened programme archive “{name}”: {mines} mines, {parcels} parcels, {zones} protection zones, {treated} treated polygons, {reviews} acceptance records.',
  'programmes.archive.newId': ' This browser already holds a programme with id {wanted}, which was left unchanged; the archive was kept as a new programme {id}.',
  'programmes.archive.refused': 'Cannot open programme archive “{file}”: {reason}; no programme was created',
};

// Sync with the team server: the status in the header (English).
import type { zhSync } from '../zh/sync.ts';

export const enSync: Record<keyof typeof zhSync, string> = {
  'sync.label': 'Sync status',
  'sync.waiting': 'Edits waiting: {count}',
  'sync.allSent': 'All edits synced',
  'sync.last': 'Last sync {time}',
  'sync.never': 'Not synced yet',
  'sync.offline': 'Offline',
  'sync.syncing': 'Syncing…',
  'sync.elsewhere': 'Another tab is syncing',
  'sync.loginNeeded': 'Log in to the team server to sync',
  'sync.failed': 'Sync failed ({message}); retrying in {seconds} s',
  'sync.now': 'Sync now',
  'sync.problems': 'Conflicts: {conflicts}, refused: {refused}',
  'sync.problemsOpen': 'Show sync conflicts and refused edits',
  'sync.conflictItem': '{what}: someone else saved a newer version on the server',
  'sync.refusedItem': '{what}: refused by the server ({message})',
  // Pulled photos whose image did not download (h-persist)
  'sync.imagesMissing': 'Photo images not downloaded yet: {count} (retried on the next sync)',
};

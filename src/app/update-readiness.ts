// Whether this window may reload into a new version now, and if not, why: a save still on its
// way to disk, a shape being drawn or reshaped (it lives only in the map), or form input not yet
// saved. The update waits for all three; nothing the user did is lost to a reload.
import type { UpdateWait } from '../ui/UpdatePrompt.tsx';

export interface WorkInProgress {
  saving: boolean;
  drawing: boolean;
  unsaved: boolean;
}

export function updateBlocker(work: WorkInProgress): UpdateWait | null {
  if (work.saving) return 'saving';
  if (work.drawing) return 'drawing';
  if (work.unsaved) return 'unsaved';
  return null;
}

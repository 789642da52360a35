// Wires the service worker's update state to the prompt: it appears when a new version waits
// and reloads into it only once no save, drawing or unsaved form input is in progress.
import { useHasUnsavedWork } from '../ui/unsaved-work.ts';
import { UpdatePrompt } from '../ui/UpdatePrompt.tsx';
import { updateBlocker } from './update-readiness.ts';
import { useAppUpdate } from './use-app-update.ts';

export function AppUpdateBanner(props: { saving: boolean; drawing: boolean }) {
  const update = useAppUpdate();
  const unsaved = useHasUnsavedWork();
  if (!update.available) return null;
  const wait = updateBlocker({ saving: props.saving, drawing: props.drawing, unsaved });
  return <UpdatePrompt wait={wait} onReload={() => { if (wait === null) update.apply(); }} onLater={update.dismiss} />;
}

// A <dialog> shown modally while `open` is true (focus trapped, Escape closes it through its
// `close` event), and closed when `open` turns false.
import { useEffect, useRef } from 'react';

export function useModalDialog(open: boolean, onOpen?: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opened = useRef(onOpen);
  opened.current = onOpen;
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      opened.current?.();
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);
  return dialog;
}

// Tells other tabs and windows of the same origin that the database changed, so they reload
// their snapshot without a page reload. Messages carry no data, only the database clock: the
// receiver reads the committed state from IndexedDB, which is the single source of truth, so a
// lost or reordered message can delay an update but never show a wrong one.
export type FieldMessage = {
  /** 'changed': edits, undo/redo, export; 'reset': restore or reseed, reference layers may differ too. */
  kind: 'changed' | 'reset';
  clock: number;
};

export interface TabChannel {
  post(message: FieldMessage): void;
  close(): void;
}

function isFieldMessage(data: unknown): data is FieldMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { kind, clock } = data as Partial<Record<keyof FieldMessage, unknown>>;
  return (kind === 'changed' || kind === 'reset') && typeof clock === 'number';
}

/** Without BroadcastChannel (Safari before 15.4) other tabs see edits on their next reload. */
export function openTabChannel(name: string, onMessage: (message: FieldMessage) => void): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(name);
  channel.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isFieldMessage(event.data)) onMessage(event.data);
  });
  let open = true;
  return {
    post(message) {
      if (open) channel.postMessage(message);
    },
    close() {
      open = false;
      channel.close();
    },
  };
}

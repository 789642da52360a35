// Runs in the page before the app (an init script): records, with timestamps, every read-write
// IndexedDB transaction (its database, stores and the durability Chromium gives it), when it
// commits, and when each of its `complete` listeners is told — `delay` ms after the commit, so a
// UI that announced "saved" before hearing of the commit would show it inside that window — and,
// through a MutationObserver, each moment a status element starts to read `savedText`.
export interface CommitLog {
  kind: 'begin' | 'commit' | 'complete-told' | 'saved';
  t: number;
  id?: number;
  db?: string;
  stores?: string[];
  durability?: string;
}

export function recordCommits({ delay, savedText }: { delay: number; savedText: string }): void {
  const log: CommitLog[] = [];
  (window as unknown as { __commitLog: CommitLog[] }).__commitLog = log;
  const now = () => performance.now();
  let next = 0;
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = transaction.apply(this, args);
    if (args[1] !== 'readwrite') return tx;
    const id = ++next;
    log.push({ kind: 'begin', t: now(), id, db: this.name, stores: [...tx.objectStoreNames], durability: tx.durability });
    const addEventListener = tx.addEventListener.bind(tx);
    addEventListener('complete', () => log.push({ kind: 'commit', t: now(), id }));
    const later = (listener: EventListenerOrEventListenerObject) => (event: Event) => {
      setTimeout(() => {
        log.push({ kind: 'complete-told', t: now(), id });
        if (typeof listener === 'function') listener.call(tx, event);
        else listener.handleEvent(event);
      }, delay);
    };
    const wrapped = new Map<EventListenerOrEventListenerObject, EventListener>();
    tx.addEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
      if (type !== 'complete') return addEventListener(type, listener, options);
      const delayed = later(listener);
      wrapped.set(listener, delayed);
      addEventListener(type, delayed, options);
    };
    const removeEventListener = tx.removeEventListener.bind(tx);
    tx.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) => {
      removeEventListener(type, (type === 'complete' && wrapped.get(listener)) || listener, options);
    };
    Object.defineProperty(tx, 'oncomplete', {
      set(listener: EventListener | null) {
        if (listener) addEventListener('complete', later(listener));
      },
    });
    return tx;
  };

  let shown = false;
  new MutationObserver(() => {
    const visible = [...document.querySelectorAll('[role=status]')].some((e) => e.textContent === savedText);
    if (visible && !shown) log.push({ kind: 'saved', t: now() });
    shown = visible;
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

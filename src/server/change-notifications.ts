// Wakes the requests waiting for a programme's next change (GET …/sync/wait) when PostgreSQL
// notifies one (migration 004: every change_log row notifies channel fulv_changes with its
// programme's id, whoever made it: the server, SQL, QGIS). LISTEN needs a session of its own, so
// this holds one dedicated connection (a direct one, not through pgbouncer's transaction mode),
// and reconnects with backoff when it is lost. After a reconnect every waiter is woken, since a
// notification may have gone by unheard; a waiter only re-reads the log, so waking it is harmless.
import pg from 'pg';

export const CHANGE_CHANNEL = 'fulv_changes';

export interface ChangeNotificationsOptions {
  /** The connection to LISTEN on: a connection string or pg's client settings. */
  connection: string | pg.ClientConfig;
  /** First reconnection delay and the cap, in ms. */
  backoff?: { firstMs: number; maxMs: number };
  onError?: (error: Error) => void;
}

type Waiter = () => void;

export class ChangeNotifications {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private client: pg.Client | null = null;
  private closed = false;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private listening = false;

  constructor(private readonly options: ChangeNotificationsOptions) {}

  /** Connects and listens; a failure is retried in the background, never thrown. */
  start(): Promise<void> {
    return this.connect();
  }

  /** Whether notifications are heard now (else waiters only wake at their timeout). */
  get isListening(): boolean {
    return this.listening;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const settings = typeof this.options.connection === 'string' ? { connectionString: this.options.connection } : this.options.connection;
    const client = new pg.Client({ ...settings, application_name: 'fulv-server-listen' });
    this.client = client;
    let lost = false;
    const onLost = (error?: Error): void => {
      if (lost) return;
      lost = true;
      this.listening = false;
      if (error) this.options.onError?.(error);
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.client === client) this.client = null;
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload) this.wake(message.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANGE_CHANNEL}`);
      if (this.closed || lost) {
        if (!lost) void client.end().catch(() => undefined);
        return;
      }
      this.listening = true;
      this.failures = 0;
      // Whatever was notified while no one listened: every waiter reads the log again.
      this.wakeAll();
    } catch (error) {
      onLost(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retry) return;
    const { firstMs, maxMs } = this.options.backoff ?? { firstMs: 500, maxMs: 30_000 };
    const capped = Math.min(maxMs, firstMs * 2 ** this.failures);
    this.failures += 1;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, Math.round(capped / 2 + (capped / 2) * Math.random()));
  }

  private wake(programmeId: string): void {
    const waiting = this.waiters.get(programmeId);
    if (!waiting) return;
    this.waiters.delete(programmeId);
    for (const waiter of waiting) waiter();
  }

  private wakeAll(): void {
    for (const programmeId of [...this.waiters.keys()]) this.wake(programmeId);
  }

  /**
   * Resolves at the programme's next notification, after `timeoutMs`, when `signal` aborts (the
   * client went away) or when this closes — whichever comes first. Register before reading the
   * log, so that a change committed in between is not missed.
   */
  waitFor(programmeId: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.closed || signal?.aborted) return Promise.resolve();
    let finish!: () => void;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const timer = setTimeout(() => release(), timeoutMs);
    const release = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', release);
      this.waiters.get(programmeId)?.delete(release);
      if (this.waiters.get(programmeId)?.size === 0) this.waiters.delete(programmeId);
      finish();
    };
    signal?.addEventListener('abort', release, { once: true });
    let waiting = this.waiters.get(programmeId);
    if (!waiting) this.waiters.set(programmeId, (waiting = new Set()));
    waiting.add(release);
    return done;
  }

  /** Wakes every waiter and stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.wakeAll();
    const client = this.client;
    this.client = null;
    this.listening = false;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}

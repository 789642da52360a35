// Watches a linked programme for others' changes, so they arrive in seconds rather than at the next
// poll: one long poll after another (GET …/sync/wait?since=N, docs/sync-protocol.md), and a pull
// whenever the server's log has gone beyond what this device has seen. A long poll rather than
// Server-Sent Events because EventSource cannot send the bearer header. It never stands in the way
// of work offline: it sleeps while the browser is offline or logged out, and a failed wait (the
// server restarting, no network) is retried with backoff, quietly — the sync engine's own status
// tells the user about the server.
import type { WaitResponse } from '../../store/sync-protocol.ts';
import type { FieldSync } from '../field-store.ts';
import { backoffDelay } from './sync-engine.ts';

/** A GET that can be aborted; `fetch` in the browser. */
export type WatchTransport = (url: string, init: { method: 'GET'; headers: Record<string, string>; signal: AbortSignal }) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

export interface ChangeWatchOptions {
  sync: Pick<FieldSync, 'link'>;
  transport: WatchTransport;
  token: () => string | null;
  isOnline: () => boolean;
  /** The programme changed on the server beyond this device's cursor: pull (resolves when done). */
  onChange: () => Promise<void>;
  /** First retry delay and the cap, in ms. */
  backoff?: { firstMs: number; maxMs: number };
  random?: () => number;
}

export class ChangeWatch {
  private stopped = false;
  private readonly abort = new AbortController();
  private wakeUp: (() => void) | null = null;
  private failures = 0;
  /** The latest seq the server has told of (per server programme); a wait asks beyond it, so one change makes one pull. */
  private told = { programme: '', seq: 0 };
  private loop: Promise<void> | null = null;

  constructor(private readonly options: ChangeWatchOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Ends the wait in progress; the watch does nothing more. */
  stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.wake();
    return this.loop ?? Promise.resolve();
  }

  /** Cuts a sleep short: back online, logged in again. */
  wake(): void {
    this.wakeUp?.();
  }

  private sleep(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === null ? undefined : setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async run(): Promise<void> {
    const { options } = this;
    while (!this.stopped) {
      const token = options.token();
      const link = await options.sync.link().catch(() => null);
      if (!options.isOnline() || !token || !link) {
        // Nothing to wait on until something changes; a minute's nap covers a missed wake-up.
        await this.sleep(60_000);
        continue;
      }
      const programme = `${link.serverUrl.replace(/\/+$/, '')}/api/programmes/${encodeURIComponent(link.serverProgrammeId)}`;
      const since = Math.max(link.cursor, this.told.programme === programme ? this.told.seq : 0);
      const url = `${programme}/sync/wait?since=${since}`;
      try {
        const response = await options.transport(url, { method: 'GET', headers: { authorization: `Bearer ${token}` }, signal: this.abort.signal });
        if (!response.ok) throw new Error(`the server answered HTTP ${response.status}`);
        const { latest } = (await response.json()) as WaitResponse;
        this.failures = 0;
        if (typeof latest === 'number' && latest > since) {
          this.told = { programme, seq: latest };
          await options.onChange().catch(() => undefined);
        }
      } catch {
        if (this.stopped) break;
        const { firstMs, maxMs } = options.backoff ?? { firstMs: 1_000, maxMs: 60_000 };
        await this.sleep(backoffDelay(this.failures, firstMs, maxMs, (options.random ?? Math.random)()));
        this.failures += 1;
      }
    }
  }
}

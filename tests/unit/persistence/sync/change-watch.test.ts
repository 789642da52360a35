// The change watch: one long poll after another; a pull when the server's log went beyond the
// device's cursor, once per change told; asleep while offline; a failed wait (server restarting)
// retried with backoff; stopping aborts the wait in progress.
import { describe, expect, it } from 'vitest';
import { ChangeWatch, type WatchTransport } from '../../../../src/persistence/sync/change-watch.ts';

const SERVER = 'https://fulv.test/';

interface Call {
  url: string;
  signal: AbortSignal;
  answer(latest: number): void;
  fail(): void;
}

function scriptedServer(): { transport: WatchTransport; calls: Call[]; next(): Promise<Call> } {
  const calls: Call[] = [];
  let notify: (() => void) | null = null;
  const transport: WatchTransport = (url, init) => new Promise((resolve, reject) => {
    init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    calls.push({
      url, signal: init.signal,
      answer: (latest) => resolve({ ok: true, status: 200, json: async () => ({ latest }) }),
      fail: () => reject(new TypeError('Failed to fetch')),
    });
    notify?.();
  });
  let seen = 0;
  const next = async (): Promise<Call> => {
    while (calls.length <= seen) await new Promise<void>((resolve) => { notify = resolve; });
    return calls[seen++]!;
  };
  return { transport, calls, next };
}

function watchOf(server: ReturnType<typeof scriptedServer>, state: { cursor: number; online: boolean; pulls: number }): ChangeWatch {
  return new ChangeWatch({
    sync: { link: async () => ({ serverUrl: SERVER, serverProgrammeId: 'QA-DEMO', cursor: state.cursor, deviceId: 'd1', lastSyncAt: null }) },
    transport: server.transport,
    token: () => 'token-1',
    isOnline: () => state.online,
    onChange: async () => {
      state.pulls += 1;
    },
    backoff: { firstMs: 20, maxMs: 40 },
    random: () => 1,
  });
}

const since = (call: Call): number => Number(new URL(call.url).searchParams.get('since'));

describe('change watch', () => {
  it('pulls once per change the server tells of, and asks beyond it next', async () => {
    const server = scriptedServer();
    const state = { cursor: 7, online: true, pulls: 0 };
    const watch = watchOf(server, state);
    watch.start();
    const first = await server.next();
    expect(first.url).toBe('https://fulv.test/api/programmes/QA-DEMO/sync/wait?since=7');
    // A timeout: nothing new, no pull, and the next wait starts at once.
    first.answer(7);
    const second = await server.next();
    expect(state.pulls).toBe(0);
    expect(since(second)).toBe(7);
    second.answer(12);
    const third = await server.next();
    expect(state.pulls).toBe(1);
    // Even if the pull did not move the cursor (it failed), the same change does not pull again.
    expect(since(third)).toBe(12);
    state.cursor = 15;
    third.answer(12);
    expect(since(await server.next())).toBe(15);
    expect(state.pulls).toBe(1);
    await watch.stop();
  });

  it('asks nothing offline, and starts waiting when woken back online', async () => {
    const server = scriptedServer();
    const state = { cursor: 3, online: false, pulls: 0 };
    const watch = watchOf(server, state);
    watch.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.calls).toEqual([]);
    state.online = true;
    watch.wake();
    expect(since(await server.next())).toBe(3);
    await watch.stop();
  });

  it('retries a failed wait with backoff (a server restarting) and carries on when it answers', async () => {
    const server = scriptedServer();
    const state = { cursor: 1, online: true, pulls: 0 };
    const watch = watchOf(server, state);
    watch.start();
    (await server.next()).fail();
    const failedAt = performance.now();
    const retry = await server.next();
    // The first delay: 20 ms with random() = 1.
    expect(performance.now() - failedAt).toBeGreaterThanOrEqual(15);
    expect(state.pulls).toBe(0);
    retry.answer(4);
    await server.next();
    expect(state.pulls).toBe(1);
    await watch.stop();
  });

  it('aborts the wait in progress when stopped, and asks nothing more', async () => {
    const server = scriptedServer();
    const watch = watchOf(server, { cursor: 0, online: true, pulls: 0 });
    watch.start();
    const call = await server.next();
    await watch.stop();
    expect(call.signal.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.calls).toHaveLength(1);
  });
});

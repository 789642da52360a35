// Chromium as its own process on a profile folder, connected over CDP, so that a test can kill
// it outright (SIGKILL to the whole process group) the way a crash or a dead battery would, and
// start it again on the same profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.ts';

export interface RunningChromium { browser: Browser; process: ChildProcess }

export async function startChromium(profile: string): Promise<RunningChromium> {
  const child = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--headless=new', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    detached: true, stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${output}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', () => reject(new Error(`Chromium exited: ${output}`)));
  });
  return { browser: await chromium.connectOverCDP(endpoint), process: child };
}

export function killChromium(running: RunningChromium): Promise<void> {
  return new Promise((resolve) => {
    if (running.process.exitCode !== null || running.process.signalCode !== null) return resolve();
    running.process.once('exit', () => resolve());
    // The whole process group: the browser and its renderer, GPU and storage processes.
    process.kill(-running.process.pid!, 'SIGKILL');
  });
}

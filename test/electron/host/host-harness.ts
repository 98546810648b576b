/** Starts host services on a temp data dir and records every event, for the integration tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName, Events, HostServices } from '../../../contracts/ipc.ts';
import { EVENTS } from '../../../contracts/ipc.ts';
import { createHostServices, type HostServicesOptions } from '../../../electron/host/services.ts';

export interface Harness {
  host: HostServices;
  dir: string;
  events: { name: EventName; payload: unknown }[];
  logs: string[];
  /** Resolves with the first event (already seen from `from` on, or future) matching `test`. */
  next<E extends EventName>(name: E, test?: (p: Events[E]) => boolean, from?: number, timeoutMs?: number): Promise<Events[E]>;
  close(): Promise<void>;
}

export async function startHost(
  extra: Partial<HostServicesOptions> = {},
  dir = mkdtempSync(join(tmpdir(), 'luxp1-host-')),
): Promise<Harness> {
  const events: Harness['events'] = [];
  const logs: string[] = [];
  const waiters = new Set<() => void>();
  // Subscribe before the stored source starts: wrap createHostServices' hub through `on` right after creation.
  const host = await createHostServices({ dataDir: dir, log: (l) => logs.push(l), backoff: { initialMs: 50, maxMs: 200 }, ...extra });
  for (const name of EVENTS) {
    host.on(name, (payload) => {
      events.push({ name, payload });
      for (const w of [...waiters]) w();
    });
  }
  return {
    host,
    dir,
    events,
    logs,
    next(name, test = () => true, from = 0, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const hit = events.slice(from).find((e) => e.name === name && test(e.payload as Events[typeof name]));
          if (!hit) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit.payload as Events[typeof name]);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${name}; saw ${events.map((e) => e.name).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

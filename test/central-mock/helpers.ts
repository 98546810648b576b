/** Shared set-up for the central system's tests: a server on loopback port 0 over a temp data dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCentral, type Central, type CentralOptions } from '../../central-mock/server.ts';

export interface Harness {
  dir: string;
  central: Central;
  logs: string[];
  /** fetch against the server; `token` false sends no Authorization header. */
  call(method: string, path: string, body?: unknown, token?: string | false): Promise<{ status: number; body: any; headers: Headers }>;
  restart(opts?: Partial<CentralOptions>): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a central system in a fresh temp dir (reused by `restart`). */
export async function startHarness(opts: Partial<CentralOptions> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'luxp1-central-'));
  const logs: string[] = [];
  const start = (o: Partial<CentralOptions>) => startCentral({ dataDir: dir, port: 0, log: (l) => logs.push(l), ...opts, ...o });
  const h: Harness = {
    dir,
    logs,
    central: await start({}),
    async call(method, path, body, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== false) headers.authorization = `Bearer ${token ?? h.central.staffToken}`;
      const res = await fetch(h.central.url + path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers: res.headers };
    },
    async restart(o = {}) {
      await h.central.close();
      h.central = await start(o);
    },
    async stop() {
      await h.central.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

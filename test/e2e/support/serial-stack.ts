/**
 * A LuxP1 reading a meter over a serial line, in one process: the real central system with a new
 * meter (full field set, gas, water and heat attached), a simulated Smarty writing its frames into
 * one end of a socat pty pair, and fresh host services (no source, no key, no demo) behind the
 * browser-mode server. The test configures the port and key through the UI, as a customer would.
 */
import { join } from 'node:path';
import { startCentral, type Central } from '../../../central-mock/server.ts';
import { startSimulator, type RunningSimulator } from '../../../central-mock/simulator/run-meter.ts';
import type { HostServices } from '../../../contracts/ipc.ts';
import { startBrowserServer, type BrowserServer } from '../../../electron/host/serve.ts';
import { createHostServices } from '../../../electron/host/services.ts';
import { startPtyPair, type PtyPair } from './pty-pair.ts';
import { createPtyWriter } from './pty-writer.ts';
import { makeTempDir } from './temp-dir.ts';

export interface SerialStack {
  central: Central;
  meter: { meterId: string; systemTitle: string; key: string };
  pty: PtyPair;
  simulator: RunningSimulator | null; // null with `simulate: false` (the benchmark writes itself)
  services: HostServices;
  server: BrowserServer;
  /** An authenticated call to the central's staff API; throws on a non-2xx answer. */
  staff(method: string, path: string, body?: unknown): Promise<any>;
  close(): Promise<void>;
}

export interface SerialStackOptions {
  staticDir: string; // a built renderer page
  intervalMs?: number; // the simulated meter's push interval; default 500
  simulate?: boolean; // default true
}

/** Starts the stack; on failure whatever started is closed before the error is rethrown. */
export async function startSerialStack(opts: SerialStackOptions): Promise<SerialStack> {
  const tmp = makeTempDir('e2e-serial');
  const closers: (() => Promise<void> | void)[] = [() => tmp.remove()];
  const close = async (): Promise<void> => {
    for (const c of closers.splice(0).reverse()) await c();
  };
  try {
    const central = await startCentral({ dataDir: join(tmp.path, 'central'), port: 0, masterKeyEnv: undefined, log: () => {} });
    closers.push(() => central.close());
    const staff = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(central.url + path, {
        method,
        headers: { authorization: `Bearer ${central.staffToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const created = await staff('POST', '/api/meters', { preset: 'full', encryption: true });
    const kinds = ['gas', 'water', 'heat'] as const;
    for (const [i, kind] of kinds.entries()) await staff('PUT', `/api/meters/${created.meterId}/mbus/${i + 1}`, { kind });
    const port = await staff('GET', `/api/meters/${created.meterId}/port`);
    const meter = { meterId: created.meterId as string, systemTitle: port.systemTitle as string, key: port.key as string };

    const pty = await startPtyPair(tmp.path);
    closers.push(() => pty.close());
    let simulator: RunningSimulator | null = null;
    if (opts.simulate !== false) {
      const sim = await startSimulator({
        centralUrl: central.url,
        token: central.staffToken,
        meterId: meter.meterId,
        sink: createPtyWriter(pty.meterPath),
        intervalMs: opts.intervalMs ?? 500,
        log: () => {},
      });
      simulator = sim;
      closers.push(() => sim.stop());
    }
    const services = await createHostServices({ dataDir: join(tmp.path, 'host'), protector: 'memory', log: () => {} });
    closers.push(() => services.close());
    const server = await startBrowserServer({ services, staticDir: opts.staticDir, port: 0 });
    closers.push(() => server.close());
    return { central, meter, pty, simulator, services, server, staff, close };
  } catch (err) {
    await close();
    throw err;
  }
}

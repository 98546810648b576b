/**
 * A whole LuxP1 in one process for end-to-end tests: the real central system (port 0, temp dir,
 * demo meter seeded), a simulated Smarty pushing to a loopback TCP port, the host services reading
 * that port, and the browser-mode server in front of them. Everything is closed by `close()`.
 */
import { join } from 'node:path';
import { startCentral, type Central } from '../../../central-mock/server.ts';
import { startSimulator, type RunningSimulator } from '../../../central-mock/simulator/run-meter.ts';
import type { HostServices } from '../../../contracts/ipc.ts';
import { startBrowserServer, type BrowserServer } from '../../../electron/host/serve.ts';
import { createHostServices } from '../../../electron/host/services.ts';
import { makeTempDir, type TempDir } from './temp-dir.ts';

export interface MeterStack {
  central: Central;
  simulator: RunningSimulator;
  services: HostServices;
  server: BrowserServer;
  /** An authenticated call to the central's staff API (what a DSO back office would do). */
  staffCall(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

export interface MeterStackOptions {
  staticDir: string; // a built renderer page (see build-renderer.ts)
  intervalMs?: number; // the simulated meter's push interval; default 500
  encryption?: boolean; // the demo meter's port encryption at start; default true
  paired?: boolean; // pair the host with the demo meter (its key from the central) before returning
}

/** Starts the stack; on failure, whatever started is closed again before the error is rethrown. */
export async function startMeterStack(opts: MeterStackOptions): Promise<MeterStack> {
  const tmp: TempDir = makeTempDir('e2e');
  const closers: (() => Promise<void> | void)[] = [() => tmp.remove()];
  const close = async (): Promise<void> => {
    for (const c of closers.splice(0).reverse()) await c();
  };
  try {
    const central = await startCentral({
      dataDir: join(tmp.path, 'central'),
      port: 0,
      seed: 'demo',
      masterKeyEnv: undefined,
      log: () => {},
    });
    closers.push(() => central.close());
    const staffCall = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(central.url + path, {
        method,
        headers: { authorization: `Bearer ${central.staffToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    };
    if (opts.encryption === false) await staffCall('PATCH', `/api/meters/${central.demo!.meterId}`, { encryption: false });
    const simulator = await startSimulator({
      centralUrl: central.url,
      token: central.staffToken,
      meterId: central.demo!.meterId,
      sink: { kind: 'tcp', host: '127.0.0.1', port: 0 },
      intervalMs: opts.intervalMs ?? 500,
      log: () => {},
    });
    closers.push(() => simulator.stop());
    const services = await createHostServices({ dataDir: join(tmp.path, 'host'), protector: 'memory', history: true, log: () => {} });
    closers.push(() => services.close());
    const addr = simulator.sink.address!;
    const set = await services.handle('source:set', { kind: 'tcp', host: addr.host, port: addr.port });
    if (!set.ok) throw new Error(`source:set failed: ${set.error.message}`);
    const server = await startBrowserServer({ services, staticDir: opts.staticDir, port: 0 });
    closers.push(() => server.close());
    if (opts.paired) {
      const demo = central.demo!;
      const paired = await services.handle('pairing:pair', { centralUrl: central.url, meterId: demo.meterId, code: demo.pairingCode });
      if (!paired.ok || paired.value.status !== 'paired') throw new Error(`pairing failed: ${JSON.stringify(paired)}`);
    }
    return { central, simulator, services, server, staffCall, close };
  } catch (err) {
    await close();
    throw err;
  }
}

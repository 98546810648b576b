import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentral } from '../../../central-mock/server.ts';
import { createDemo, spawnCentral } from '../../../electron/host/demo.ts';
import type { DemoCentral } from '../../../electron/host/demo.ts';
import { startHost, type RunningHost } from '../../../electron/host/host-start.ts';
import type { ReadingRecord } from '../../../contracts/ipc.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'luxp1-demo-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The central in this process (the shells run it as a child; that path is covered by start.test.ts). */
async function inProcessCentral(dir: string, port = 0): Promise<DemoCentral> {
  const c = await startCentral({ dataDir: dir, port, seed: 'demo', log: () => {} });
  return { url: c.url, staffToken: c.staffToken, meterId: c.demo!.meterId, pairingCode: c.demo!.pairingCode, close: () => c.close() };
}

describe('demo', () => {
  it('with no meter configured, pairs with the demo meter and delivers verified readings', async () => {
    const dataDir = await tempDir();
    const host: RunningHost = await startHost({
      dataDir,
      projectRoot: ROOT,
      intervalMs: 200,
      startCentral: inProcessCentral,
      log: () => {},
    });
    cleanups.push(() => host.close());
    expect(host.demo).toBe(true);
    const reading = await new Promise<ReadingRecord>((resolve) => {
      const off = host.services.on('meter:reading', (r) => {
        off();
        resolve(r);
      });
    });
    expect(reading.encrypted).toBe(true);
    expect(reading.telegram.electricity.meterId).toBe('SAG1030700012701');
    const key = await host.services.handle('key:status', null);
    expect(key).toMatchObject({ ok: true, value: { hasKey: true, origin: 'pairing', meterId: 'SAG1030700012701' } });
    const info = await host.services.handle('central:info', null);
    expect(info).toMatchObject({ ok: true, value: { demo: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) } });
  });

  it('starts the central once, reuses it, and refuses after stop', async () => {
    const dataDir = await tempDir();
    let starts = 0;
    const demo = createDemo({
      dataDir,
      projectRoot: ROOT,
      intervalMs: 60_000,
      startCentral: (dir) => (starts++, inProcessCentral(dir)),
      log: () => {},
    });
    const [a, b] = await Promise.all([demo.hook({}), demo.hook({ intervalMs: 5 })]);
    expect(a).toEqual(b);
    expect(a.pairing).toEqual({ meterId: 'SAG1030700012701', code: expect.any(String) });
    expect(starts).toBe(1);
    await demo.stop();
    await expect(demo.hook({})).rejects.toThrow(/stopped/);
  });

  it('reports a central that cannot start, and may be retried', async () => {
    const demo = createDemo({
      dataDir: await tempDir(),
      projectRoot: ROOT,
      startCentral: () => Promise.reject(new Error('port in use')),
      log: () => {},
    });
    await expect(demo.hook({})).rejects.toThrow('port in use');
    await expect(demo.hook({})).rejects.toThrow('port in use');
    await demo.stop();
  });

  it('learns the central from its ready message, and restarts a central killed with -9 on the same URL', async () => {
    const dataDir = await tempDir();
    const notices: string[] = [];
    const heard: (() => void)[] = [];
    let first: DemoCentral | null = null;
    const demo = createDemo({
      dataDir,
      projectRoot: ROOT,
      intervalMs: 60_000,
      restartDelaysMs: [0],
      startCentral: async (dir, port) => {
        const c = await spawnCentral(dir, { projectRoot: ROOT }, port);
        first ??= c;
        return c;
      },
      log: () => {},
      notice: (line) => {
        notices.push(line);
        heard.splice(0).forEach((f) => f());
      },
    });
    cleanups.push(() => demo.stop());
    const endpoint = await demo.hook({});
    expect(endpoint.pairing).toEqual({ meterId: 'SAG1030700012701', code: expect.any(String) });
    expect(endpoint.centralUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const pid = (first as DemoCentral | null)?.pid;
    if (!pid) throw new Error('the central has no pid');

    const restarted = new Promise<void>((resolve) => {
      const check = () => (notices.some((n) => /runs again/.test(n)) ? resolve() : heard.push(check));
      check();
    });
    process.kill(pid, 'SIGKILL');
    await restarted;
    expect(notices[0]).toMatch(/^demo: the central system stopped \(exited with SIGKILL\); restarting it in 0 s$/);
    expect(notices[1]).toBe(`demo: the central system runs again at ${endpoint.centralUrl}`);
    expect((await fetch(`${endpoint.centralUrl}/api/health`)).status).toBe(200);
  }, 60_000);
});

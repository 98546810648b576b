import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntegrationsView } from '../../../../contracts/integrations.ts';
import { loadSettings } from '../../../../electron/host/settings.ts';
import { NEXXT_KEY } from '../vectors.ts';
import { startHost } from '../host-harness.ts';
import { type Broker, startBroker, subscribe } from './broker.ts';
import { frameOf, gasAndWater } from './telegrams.ts';

const dir = mkdtempSync(join(tmpdir(), 'luxp1-room-'));
let broker: Broker;
beforeAll(async () => {
  broker = await startBroker(dir, { users: { home: 'pa55-word-xyz' } });
});
afterAll(async () => {
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A TCP "meter" (a ser2net box): the host connects, the test writes frames. */
async function tcpMeter(): Promise<{ port: number; write(bytes: Uint8Array): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    write: (bytes) => sockets.forEach((s) => s.write(bytes)),
    close: () => (sockets.forEach((s) => s.destroy()), new Promise((r) => server.close(() => r()))),
  };
}

const settled = (v: IntegrationsView) => ['mqtt', 'reserve', 'api'].every((k) => !['connecting'].includes(v.status[k as 'mqtt'].state));

describe('integrations room in the host services', () => {
  it('feeds MQTT, the re-serve and the API from the port; changes apply live; the password never comes back', async () => {
    const meter = await tcpMeter();
    const h = await startHost();
    try {
      expect((await h.host.handle('key:set', { hex: NEXXT_KEY })).ok).toBe(true);
      await h.host.handle('source:set', { kind: 'tcp', host: '127.0.0.1', port: meter.port });
      const set = await h.host.handle('integrations:set', {
        mqtt: {
          url: broker.url,
          username: 'home',
          password: 'pa55-word-xyz',
          baseTopic: 'house',
          discovery: true,
          discoveryPrefix: 'homeassistant',
        },
        reserve: { host: '127.0.0.1', port: 0 },
        api: { host: '127.0.0.1', port: 0 },
      });
      if (!set.ok) throw new Error(set.error.message);
      expect(JSON.stringify(set.value)).not.toContain('pa55-word-xyz');
      expect(set.value.mqtt).toMatchObject({ hasPassword: true, username: 'home' });
      const passwordFile = join(h.dir, 'mqtt-password');
      expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(h.dir, 'settings.json'), 'utf8')).not.toContain('pa55-word-xyz');
      const view = await h.next('integrations:status', (v) => v.status.mqtt.state === 'connected' && settled(v));
      expect(view.status.reserve).toMatchObject({ state: 'listening', address: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
      const reservePort = Number(view.status.reserve.address!.split(':')[1]);
      const apiPort = Number(view.status.api.address!.split(':')[1]);

      const sub = await subscribe(broker.url, 'house/#', { username: 'home', password: 'pa55-word-xyz' });
      const dsmr = connect(reservePort, '127.0.0.1');
      let served = '';
      dsmr.on('data', (d: Buffer) => (served += d.toString('latin1')));
      await new Promise((r) => dsmr.once('connect', r));
      await new Promise((r) => setTimeout(r, 50));
      meter.write(frameOf(gasAndWater(), 500));
      const state = await sub.waitFor((m) => m.topic === 'house/SAG1030700012701/state');
      expect(JSON.parse(state.payload)).toMatchObject({ type: 'telegram', encrypted: true, frameCounter: 500 });
      await expect.poll(() => served).toMatch(/^\/Lux5\\253663629_D\r\n[\s\S]*![0-9A-F]{4}\r\n$/);
      const meters = (await (await fetch(`http://127.0.0.1:${apiPort}/api/v1/meters`)).json()) as { meters: { meterId: string }[] };
      expect(meters.meters.map((m) => m.meterId)).toEqual(['SAG1030700012701']);

      // Live change: the re-serve off, MQTT and the API untouched; the saved password is kept.
      const from = h.events.length;
      const off = await h.host.handle('integrations:set', {
        mqtt: { url: broker.url, username: 'home', baseTopic: 'house', discovery: true, discoveryPrefix: 'homeassistant' },
        reserve: null,
        api: { host: '127.0.0.1', port: 0 },
      });
      expect(off.ok && off.value.status.reserve).toEqual({ state: 'off' });
      await new Promise((r) => dsmr.once('close', r)); // its client is let go
      expect(
        h.events
          .slice(from)
          .some((e) => e.name === 'integrations:status' && (e.payload as IntegrationsView).status.mqtt.state === 'connecting'),
      ).toBe(false);
      expect(off.ok && off.value.mqtt?.hasPassword).toBe(true);
      await sub.close();
    } finally {
      await h.close();
      await meter.close();
    }
  });

  it('a bad integrations field in settings.json falls back, is named, and the rest starts', async () => {
    const data = mkdtempSync(join(tmpdir(), 'luxp1-room-bad-'));
    writeFileSync(
      join(data, 'settings.json'),
      JSON.stringify({
        integrations: { mqtt: { url: 'http://x' }, reserve: { host: '127.0.0.1', port: 0 }, api: { host: '127.0.0.1', port: 'x' } },
      }),
    );
    const loaded = await loadSettings(join(data, 'settings.json'));
    expect(loaded.warning).toMatch(/invalid integrations\.mqtt\.url, integrations\.api/);
    const h = await startHost({}, data);
    try {
      const r = await h.host.handle('integrations:get', null);
      expect(r.ok && r.value).toMatchObject({ mqtt: null, api: null, status: { reserve: { state: 'listening' }, mqtt: { state: 'off' } } });
    } finally {
      await h.close();
    }
  });

  it('a port in use is an error with the reason; applying the same setting again, once it is free, starts it', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const h = await startHost();
    try {
      const patch = { mqtt: null, reserve: { host: '127.0.0.1', port }, api: null };
      const busy = await h.host.handle('integrations:set', patch);
      expect(busy.ok && busy.value.status.reserve).toEqual({ state: 'error', message: `cannot listen on 127.0.0.1:${port}: EADDRINUSE` });
      expect(h.logs).toContain(`reserve: cannot listen on 127.0.0.1:${port}: EADDRINUSE`);
      await new Promise((r) => blocker.close(r));
      const again = await h.host.handle('integrations:set', patch);
      expect(again.ok && again.value.status.reserve).toEqual({ state: 'listening', address: `127.0.0.1:${port}` });
    } finally {
      await h.close();
    }
  });

  it('an API beyond loopback gets a token file (0600) made in the data directory', async () => {
    const h = await startHost();
    try {
      const r = await h.host.handle('integrations:set', { mqtt: null, reserve: null, api: { host: '0.0.0.0', port: 0 } });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.api).toMatchObject({ tokenFile: join(h.dir, 'api.token') });
      expect(statSync(join(h.dir, 'api.token')).mode & 0o777).toBe(0o600);
      expect(r.value.status.api.state).toBe('listening');
      const port = Number(r.value.status.api.address!.split(':').at(-1));
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/meters`)).status).toBe(401);
      const token = readFileSync(join(h.dir, 'api.token'), 'utf8').trim();
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/meters`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect(h.logs.join('\n')).not.toContain(token);
    } finally {
      await h.close();
    }
  });
});

/**
 * Other meters (issue 12): a second meter on a real TCP server pushing frames under its own key,
 * next to the primary, through the host services as the shells use them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeterState, OtherMeterConfig } from '../../../contracts/ipc.ts';
import { otherMeterKeyPath } from '../../../electron/host/other-meters.ts';
import { DEFAULT_SETTINGS, loadSettings } from '../../../electron/host/settings.ts';
import { encryptFrame, PUBLISHED_AUTH_KEY_HEX } from '../../../protocol/index.ts';
import { type PairAnswer, startFakeCentral } from './fake-central.ts';
import { type Harness, startHost } from './host-harness.ts';
import { NEXXT_KEY, plainTelegram } from './vectors.ts';

const PV_KEY = '0F1E2D3C4B5A69788796A5B4C3D2E1F0';
const PV_TITLE = Uint8Array.from(Buffer.from('4C55585031505600', 'hex'));

/** A meter on a TCP port: every connection gets a frame under `key` every 50 ms, counter rising. */
async function startTcpMeter(keyHex: string): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let counter = 1000;
  const key = Uint8Array.from(Buffer.from(keyHex, 'hex'));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const timer = setInterval(() => {
      socket.write(encryptFrame({ key, systemTitle: PV_TITLE, frameCounter: counter++, plaintext: plainTelegram() }));
    }, 50);
    socket.on('close', () => {
      clearInterval(timer);
      sockets.delete(socket);
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

let harness: Harness | null = null;
let meter: Awaited<ReturnType<typeof startTcpMeter>> | null = null;
let dir = '';
afterEach(async () => {
  await harness?.close();
  await meter?.close();
  harness = meter = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

const pvAt = (port: number): OtherMeterConfig => ({ id: 'pv', label: 'Solar', source: { kind: 'tcp', host: '127.0.0.1', port } });

describe('other meters', () => {
  it('decodes a second meter under its own key: state, readings, key file, list', async () => {
    meter = await startTcpMeter(PV_KEY);
    harness = await startHost();
    const h = harness;
    const saved = await h.host.handle('meters:save', pvAt(meter.port));
    expect(saved.ok && saved.value.map((m) => m.id)).toEqual(['pv']);
    await h.next('meters:state', (s) => s.id === 'pv' && s.diagnosis === 'encrypted-no-key');

    // The primary's key is not this meter's: refused on its live frames, nothing stored.
    const wrong = await h.host.handle('meters:setKey', { id: 'pv', hex: NEXXT_KEY });
    expect(wrong.ok ? null : wrong.error.code).toBe('KEY_FAILS');
    expect(existsSync(otherMeterKeyPath(h.dir, 'pv'))).toBe(false);

    const from = h.events.length;
    const set = await h.host.handle('meters:setKey', { id: 'pv', hex: PV_KEY.toLowerCase() });
    expect(set.ok && set.value).toMatchObject({ id: 'pv', label: 'Solar', hasKey: true, diagnosis: 'key-ok' });
    const { id, reading } = await h.next('meters:reading', () => true, from);
    expect(id).toBe('pv');
    expect(reading.encrypted).toBe(true);
    expect(reading.frame?.systemTitle).toBe('4C55585031505600');
    expect(reading.telegram.electricity.importEnergyWh).toBeGreaterThan(0);

    // Its own key file, 0600, and never in the settings or the logs.
    const keyFile = otherMeterKeyPath(h.dir, 'pv');
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    expect(readFileSync(join(h.dir, 'settings.json'), 'utf8')).not.toContain(PV_KEY);
    expect(h.logs.join('\n')).not.toContain(PV_KEY);

    const list = await h.host.handle('meters:list', null);
    expect(list.ok && list.value[0]).toMatchObject({ id: 'pv', hasKey: true, link: { status: 'open' } });
    expect(list.ok && list.value[0]?.latest?.frame?.systemTitle).toBe('4C55585031505600');
    // The primary meter is untouched: no source, no key.
    const primary = await h.host.handle('key:status', null);
    expect(primary.ok && primary.value.hasKey).toBe(false);
    // The primary's events never carry the other meter's readings.
    expect(h.events.some((e) => e.name === 'meter:reading')).toBe(false);
  });

  it('pairs a second meter with the grid operator’s code: the key from the central, kept only if its frames open', async () => {
    meter = await startTcpMeter(PV_KEY);
    const central = await startFakeCentral((meterId, code): PairAnswer => {
      if (code === 'good') return [200, { meterId, systemTitle: '4C55585031505600', key: PV_KEY, keyVersion: 1 }];
      if (code === 'other') return [200, { meterId, systemTitle: '4C55585031505600', key: NEXXT_KEY, keyVersion: 2 }];
      return [401, { error: 'BAD_CODE', message: 'wrong code', attemptsLeft: 2 }];
    });
    try {
      dir = mkdtempSync(join(tmpdir(), 'luxp1-other-pair-'));
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ centralUrl: central.url }));
      harness = await startHost({}, dir);
      const h = harness;
      await h.host.handle('meters:save', pvAt(meter.port));
      await h.next('meters:state', (s) => s.id === 'pv' && s.diagnosis === 'encrypted-no-key');
      const bad = await h.host.handle('meters:pair', { id: 'pv', meterId: 'SAG1030700099999', code: 'nope' });
      expect(bad.ok ? null : bad.error).toMatchObject({ code: 'BAD_CODE', attemptsLeft: 2 });
      const stale = await h.host.handle('meters:pair', { id: 'pv', meterId: 'SAG1030700099999', code: 'other' });
      expect(stale.ok ? null : stale.error.code).toBe('KEY_FAILS'); // the central's key does not open this meter's frames
      expect(existsSync(otherMeterKeyPath(h.dir, 'pv'))).toBe(false);
      const good = await h.host.handle('meters:pair', { id: 'pv', meterId: 'SAG1030700099999', code: 'good' });
      expect(good.ok && good.value).toMatchObject({ id: 'pv', hasKey: true, diagnosis: 'key-ok' });
      expect(await h.host.handle('meters:pair', { id: 'nope', meterId: 'X', code: 'good' })).toMatchObject({
        ok: false,
        error: { code: 'NO_SUCH_METER' },
      });
    } finally {
      await central.close();
    }
  });

  it('refuses bad keys, unknown ids and a fifth meter with typed errors', async () => {
    harness = await startHost();
    const h = harness;
    const tcp = (id: string): OtherMeterConfig => ({ id, label: id, source: { kind: 'tcp', host: '127.0.0.1', port: 9 } });
    for (const id of ['a', 'b', 'c', 'd']) expect((await h.host.handle('meters:save', tcp(id))).ok).toBe(true);
    const fifth = await h.host.handle('meters:save', tcp('e'));
    expect(fifth.ok ? null : fifth.error.code).toBe('TOO_MANY_METERS');
    const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
    expect(codeOf(await h.host.handle('meters:setKey', { id: 'a', hex: 'ABC' }))).toBe('BAD_KEY');
    expect(codeOf(await h.host.handle('meters:setKey', { id: 'a', hex: PUBLISHED_AUTH_KEY_HEX }))).toBe('PUBLISHED_AUTH_KEY');
    expect(codeOf(await h.host.handle('meters:setKey', { id: 'zz', hex: PV_KEY }))).toBe('NO_SUCH_METER');
    expect(codeOf(await h.host.handle('meters:remove', { id: 'zz' }))).toBe('NO_SUCH_METER');
    // Unchecked (no frames yet) but stored; removing the meter removes its key file.
    expect(codeOf(await h.host.handle('meters:setKey', { id: 'b', hex: PV_KEY }))).toBe('ok');
    expect(existsSync(otherMeterKeyPath(h.dir, 'b'))).toBe(true);
    const removed = await h.host.handle('meters:remove', { id: 'b' });
    expect(removed.ok && removed.value.map((m) => m.id)).toEqual(['a', 'c', 'd']);
    expect(existsSync(otherMeterKeyPath(h.dir, 'b'))).toBe(false);
    // An update replaces the label and source of just that meter.
    const updated = await h.host.handle('meters:save', { ...tcp('c'), label: 'Garage' });
    expect(updated.ok && updated.value.map((m: MeterState) => m.label)).toEqual(['a', 'Garage', 'd']);
  });

  it('comes back after a restart: settings and key from the data directory', async () => {
    meter = await startTcpMeter(PV_KEY);
    dir = mkdtempSync(join(tmpdir(), 'luxp1-meters-'));
    const first = await startHost({}, dir);
    await first.host.handle('meters:save', pvAt(meter.port));
    await first.host.handle('meters:setKey', { id: 'pv', hex: PV_KEY });
    await first.host.close(); // closes its link cleanly; the directory stays
    harness = await startHost({}, dir);
    const { id } = await harness.next('meters:reading');
    expect(id).toBe('pv');
    await harness.next('meters:state', (s: MeterState) => s.diagnosis === 'key-ok');
  });

  it('a frame recorded before a restart is a replay after it: the counters are kept per key on disk', async () => {
    meter = await startTcpMeter(PV_KEY); // counters 1000, 1001, … rising across connections
    dir = mkdtempSync(join(tmpdir(), 'luxp1-meters-'));
    const first = await startHost({}, dir);
    await first.host.handle('meters:save', pvAt(meter.port));
    await first.host.handle('meters:setKey', { id: 'pv', hex: PV_KEY });
    await first.next('meters:reading', () => true, first.events.length);
    await first.host.close();
    await meter.close();
    // An attacker replays the meter's first frame (counter 1000) into the restarted app.
    const key = Uint8Array.from(Buffer.from(PV_KEY, 'hex'));
    const recorded = encryptFrame({ key, systemTitle: PV_TITLE, frameCounter: 1000, plaintext: plainTelegram() });
    const replayer = createServer((socket) => {
      const timer = setInterval(() => socket.write(recorded), 50);
      socket.on('close', () => clearInterval(timer));
      socket.on('error', () => {});
    });
    await new Promise<void>((r) => replayer.listen(0, '127.0.0.1', r));
    try {
      const port = (replayer.address() as { port: number }).port;
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ otherMeters: [pvAt(port)] }));
      harness = await startHost({}, dir);
      await new Promise((r) => setTimeout(r, 600)); // a dozen replays
      expect(harness.events.filter((e) => e.name === 'meters:reading')).toEqual([]);
    } finally {
      await harness?.close();
      harness = null;
      await new Promise<void>((r) => replayer.close(() => r()));
    }
  });

  it('settings: bad entries are dropped and named, at most four kept', async () => {
    dir = mkdtempSync(join(tmpdir(), 'luxp1-meters-'));
    const path = join(dir, 'settings.json');
    const ok = (id: string) => ({ id, label: id, source: { kind: 'tcp', host: 'h', port: 1 } });
    writeFileSync(
      path,
      JSON.stringify({
        otherMeters: [
          ok('a'),
          { ...ok('B!'), id: 'B!' },
          { ...ok('c'), source: { kind: 'demo' } },
          ok('a'),
          ok('d'),
          ok('e'),
          ok('f'),
          ok('g'),
        ],
      }),
    );
    const loaded = await loadSettings(path);
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, otherMeters: [ok('a'), ok('d'), ok('e'), ok('f')] });
    expect(loaded.warning).toMatch(/invalid otherMeters\[1\], otherMeters\[2\], otherMeters\[3\], otherMeters\[7\]/);
  });
});

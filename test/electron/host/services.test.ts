import { createServer as createTcpServer } from 'node:net';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../contracts/ipc.ts';
import { type PairAnswer, startFakeCentral } from './fake-central.ts';
import { startHost, type Harness } from './host-harness.ts';
import { NEXXT_KEY, NEXXT_TITLE, nexxtFrame, plainTelegram } from './vectors.ts';

let h: Harness | null = null;
let central: { close(): Promise<void> } | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
  await central?.close();
  central = null;
});

/** One answer per code (and the meter id NOPE unknown). */
async function fakeCentral(): Promise<string> {
  const fake = await startFakeCentral((meterId, code): PairAnswer => {
    if (meterId === 'NOPE') return [404, { error: 'UNKNOWN_METER', message: 'no such meter' }];
    if (code === 'good') return [200, { meterId, systemTitle: NEXXT_TITLE, key: NEXXT_KEY, keyVersion: 1 }];
    if (code === 'other') return [200, { meterId, systemTitle: NEXXT_TITLE, key: '0F0E0D0C0B0A09080706050403020100', keyVersion: 2 }];
    if (code === 'locked') return [429, { error: 'LOCKED', message: 'locked', lockedUntil: '2030-01-01T00:15:00Z' }];
    return [401, { error: 'BAD_CODE', message: 'wrong code', attemptsLeft: 3 }];
  });
  central = fake;
  return fake.url;
}

/** Replays `frames` through a raw file source at full speed and waits for the replay to end. */
async function replay(harness: Harness, frames: Uint8Array[]): Promise<void> {
  const path = join(harness.dir, `replay-${harness.events.length}.raw`);
  writeFileSync(path, Buffer.concat(frames));
  const mark = harness.events.length;
  await harness.host.handle('source:set', { kind: 'file', path, speed: 0 });
  await harness.next('meter:link', (s) => s.status === 'idle' && /finished/.test(s.message ?? ''), mark);
}

describe('host services', () => {
  it('answers every request channel with a Result', async () => {
    h = await startHost({ listPorts: async () => ({ ports: [] }) });
    const payloads: Record<string, unknown> = {
      'source:set': { kind: 'tcp', host: '127.0.0.1', port: 1 },
      'key:set': { hex: 'zz' },
      'messages:markRead': { channel: '0' },
      'pairing:pair': { meterId: 'X', code: 'y' },
      'capture:export': { redact: true },
      'staff:signIn': { token: 't' },
      'staff:change': { kind: 'rotate-key' },
    };
    for (const channel of CHANNELS) {
      const r = await h.host.handle(channel, (payloads[channel] ?? null) as never);
      expect(typeof r.ok, channel).toBe('boolean');
      if (!r.ok) expect(r.error.code, channel).toMatch(/^[A-Z_]+$/);
    }
  });

  it('key: bad and published keys refused; the key never reaches settings, events or the snapshot', async () => {
    h = await startHost();
    const bad = await h.host.handle('key:set', { hex: '00112233445566778899AABBCCDDEEFF' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'PUBLISHED_AUTH_KEY' } });
    await replay(h, [nexxtFrame()]);
    let snap = await h.host.handle('app:snapshot', null);
    expect(snap.ok && snap.value.health.diagnosis).toBe('encrypted-no-key');
    const set = await h.host.handle('key:set', { hex: NEXXT_KEY.toLowerCase() });
    expect(set).toMatchObject({ ok: true, value: { hasKey: true, origin: 'manual', storage: 'file' } });
    snap = await h.host.handle('app:snapshot', null);
    expect(snap.ok && snap.value.health.diagnosis).toBe('key-ok');
    await h.next('key:status', (k) => k.systemTitle === NEXXT_TITLE);
    const everything =
      JSON.stringify(h.events) + JSON.stringify(snap) + readFileSync(join(h.dir, 'settings.json'), 'utf8') + h.logs.join('\n');
    expect(everything.toUpperCase()).not.toContain(NEXXT_KEY);
  });

  it('a corrupt settings file is reported once and the host starts with defaults', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luxp1-host-'));
    writeFileSync(join(dir, 'settings.json'), 'not json');
    h = await startHost({}, dir);
    expect(h.logs.filter((l) => /settings/.test(l))).toHaveLength(1);
    expect(readdirSync(dir)).toContain('settings.json.bad');
    expect(await h.host.handle('source:get', null)).toEqual({ ok: true, value: null });
  });

  it('pairing maps every answer, verifies on live frames and stores the key', async () => {
    const url = await fakeCentral();
    h = await startHost();
    const pair = (meterId: string, code: string) => h!.host.handle('pairing:pair', { centralUrl: url, meterId, code });
    expect(await pair('SAG1', 'wrong')).toEqual({ ok: true, value: { status: 'bad-code', attemptsLeft: 3 } });
    expect(await pair('SAG1', 'locked')).toEqual({ ok: true, value: { status: 'locked', until: '2030-01-01T00:15:00Z' } });
    expect(await pair('NOPE', 'good')).toEqual({ ok: true, value: { status: 'unknown-meter' } });
    expect(await pair('SAG1', '00112233445566778899AABBCCDDEEFF')).toEqual({ ok: true, value: { status: 'published-auth-key' } });
    const down = await h.host.handle('pairing:pair', { centralUrl: 'http://127.0.0.1:1', meterId: 'SAG1', code: 'good' });
    expect(down.ok && down.value.status).toBe('unreachable');

    await replay(h, [nexxtFrame()]);
    const fails = await pair('SAG1', 'other');
    expect(fails.ok && fails.value.status).toBe('key-fails');
    expect((await h.host.handle('key:status', null)).ok && h.events.filter((e) => e.name === 'key:status')).toHaveLength(0);
    expect(await pair('SAG1', 'good')).toEqual({
      ok: true,
      value: { status: 'paired', meterId: 'SAG1', systemTitle: NEXXT_TITLE, verified: true },
    });
    expect(await h.host.handle('key:status', null)).toEqual({
      ok: true,
      value: { hasKey: true, origin: 'pairing', meterId: 'SAG1', systemTitle: NEXXT_TITLE, storage: 'file' },
    });
    expect(await h.host.handle('central:info', null)).toEqual({ ok: true, value: { url, demo: false } });
  });

  it('capture export: frames and records, redacted consistently unless asked not to', async () => {
    h = await startHost();
    await h.host.handle('key:set', { hex: NEXXT_KEY });
    await replay(h, [nexxtFrame(), plainTelegram()]);
    const plain = await h.host.handle('capture:export', { redact: false });
    const red = await h.host.handle('capture:export', { redact: true });
    if (!plain.ok || !red.ok) throw new Error('export failed');
    expect(plain.value.ndjson).toContain(NEXXT_TITLE);
    expect(plain.value.ndjson).toContain('SAG1030700114004'.slice(0, 3));
    const lines = red.value.ndjson
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1 + 2); // redacted: one decoded record per frame, no bytes
    expect(red.value.frames).toBe(2);
    expect(plain.value.frames).toBe(2);
    expect(red.value.ndjson).not.toContain(NEXXT_TITLE);
    const meterIds = plain.value.ndjson.match(/"meterId":"([^"]+)"/g) ?? [];
    expect(meterIds.length).toBeGreaterThan(0);
    for (const m of meterIds) expect(red.value.ndjson).not.toContain(m);
    expect(red.value.fileName).toMatch(/^luxp1-capture-\d{8}-\d{6}-redacted\.ndjson$/);

    expect(lines[0]).toMatchObject({ type: 'luxp1-capture', redacted: true });
    expect(lines.filter((l) => l.type === 'frame')).toHaveLength(0);
    expect(lines.slice(1).map((l) => (l.record as { type: string; redacted: boolean }).redacted)).toEqual([true, true]);
    expect(String((lines[1]!.record as { electricity: { meterId: string } }).electricity.meterId)).toMatch(/^ANON/);
  });

  it('source changes run one at a time: a slow demo start, a second source:set and close leave no link behind', async () => {
    let open = 0;
    const meter = createTcpServer((s) => {
      open++;
      s.on('close', () => open--).on('error', () => {});
    });
    await new Promise<void>((r) => meter.listen(0, '127.0.0.1', r));
    const port = (meter.address() as { port: number }).port;
    const starts: (() => void)[] = []; // one per demo start, resolved by the test
    const demo = () => new Promise<{ host: string; port: number }>((r) => starts.push(() => r({ host: '127.0.0.1', port })));
    try {
      h = await startHost({ demo });
      const first = h.host.handle('source:set', { kind: 'demo' });
      const second = h.host.handle('source:set', { kind: 'tcp', host: '127.0.0.1', port });
      await vi.waitFor(() => expect(starts).toHaveLength(1));
      starts[0]!();
      await Promise.all([first, second]);
      await h.next('meter:link', (s) => s.status === 'open' && s.source?.kind === 'tcp');
      await vi.waitFor(() => expect(open).toBe(1));

      const third = h.host.handle('source:set', { kind: 'demo' }); // still starting when the host closes
      await vi.waitFor(() => expect(starts).toHaveLength(2));
      const closing = h.close();
      h = null;
      starts[1]!();
      await Promise.all([third, closing]);
      await vi.waitFor(() => expect(open).toBe(0));
    } finally {
      await new Promise((r) => meter.close(r));
    }
  });

  it('messages: a record when a channel text changes to non-empty; kept across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luxp1-host-'));
    h = await startHost({}, dir);
    const withMessage = Buffer.from(plainTelegram()).toString('latin1');
    expect(withMessage).toMatch(/0-0:96\.13\.0/);
    await replay(h, [plainTelegram(), plainTelegram()]);
    const snap = await h.host.handle('app:snapshot', null);
    expect(snap.ok && snap.value.latest?.telegram.header).toMatch(/^\//);
    expect(snap.ok && snap.value.history).toHaveLength(2);
    expect(await h.host.handle('messages:markRead', { channel: '0' })).toEqual({ ok: true, value: null });
    expect((await h.host.handle('source:stop', null)).ok && (await h.host.handle('source:get', null))).toEqual({ ok: true, value: null });
  });
});

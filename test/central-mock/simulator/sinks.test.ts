/**
 * The TCP and file sinks with a real central and a real simulator; `--out` parsing.
 */
import { readFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexToBytes } from '../../../protocol/index.ts';
import { startSimulator, type RunningSimulator, type SentFrame } from '../../../central-mock/simulator/run-meter.ts';
import { parseSinkSpec } from '../../../central-mock/simulator/sinks.ts';
import { createPortReader, hexOf, startTestCentral, type TestCentral } from './harness.ts';

const METER = 'SAG1030700012701';
let tc: TestCentral;
let key: Uint8Array;
const sims: RunningSimulator[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  tc = await startTestCentral();
  key = hexToBytes((await tc.api('GET', `/api/meters/${METER}/port`)).body.key);
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(sims.map((s) => s.stop()));
  await tc?.close();
});

async function simulate(sink: string, onFrame?: (f: SentFrame) => void): Promise<RunningSimulator> {
  const sim = await startSimulator({
    centralUrl: tc.central.url,
    token: tc.central.staffToken,
    meterId: METER,
    sink,
    intervalMs: 100,
    onFrame,
    log: () => {},
  });
  sims.push(sim);
  return sim;
}

function waitForFrames(sim: RunningSimulator, count: number): Promise<void> {
  const target = sim.frames + count;
  return new Promise((resolve) => {
    const off = sim.onFrame(() => sim.frames >= target && (off(), resolve()));
  });
}

describe('tcp sink', () => {
  it('gives every connected client the same stream', async () => {
    const sim = await simulate('tcp:127.0.0.1:0');
    expect(sim.sink.address?.port).toBeGreaterThan(0);
    expect(sim.sink.description).toContain(`127.0.0.1:${sim.sink.address!.port}`);
    const readers = [createPortReader(key), createPortReader(key)];
    for (const r of readers) {
      const s = connect(sim.sink.address!.port, '127.0.0.1');
      sockets.push(s);
      s.on('data', (chunk) => r.push(new Uint8Array(chunk)));
      await new Promise((resolve) => s.once('connect', resolve));
    }
    const counterOf = (n: number) => (e: { type: string; frame?: { frameCounter: number } | null }) =>
      e.type === 'telegram' && (e.frame?.frameCounter ?? -1) >= n;
    const first = await readers[0]!.waitFor(() => true);
    const base = first.type === 'telegram' ? first.frame!.frameCounter + 1 : 0;
    const got = await Promise.all(readers.map((r) => r.waitFor(counterOf(base + 3))));
    const raw = got.map((e) => (e.type === 'telegram' ? hexOf(e.raw) : ''));
    expect(raw[0]).not.toBe('');
    expect(raw[0]).toBe(raw[1]);
    for (const r of readers) {
      const telegrams = r.events.filter((e) => e.type === 'telegram' && e.frame!.frameCounter >= base);
      expect(telegrams.length).toBeGreaterThanOrEqual(4);
      expect(r.events.filter((e) => e.type === 'error')).toEqual([]);
    }
    // a client leaving does not disturb the other one
    sockets[0]!.destroy();
    await readers[1]!.waitFor(counterOf(base + 6));
    await sim.stop();
  });
});

describe('file sink', () => {
  it('appends the raw port bytes, frame after frame, across runs', async () => {
    const path = join(tc.dir, 'port.bin');
    const frames: SentFrame[] = [];
    const sim = await simulate(`file:${path}`, (f) => frames.push(f));
    await waitForFrames(sim, 3);
    await sim.stop();
    const second = await simulate(`file:${path}`, (f) => frames.push(f));
    await waitForFrames(second, 2);
    await second.stop();
    const bytes = new Uint8Array(await readFile(path));
    expect(hexOf(bytes)).toBe(frames.map((f) => hexOf(f.bytes)).join(''));
    const reader = createPortReader(key);
    reader.push(bytes);
    const telegrams = reader.events.filter((e) => e.type === 'telegram');
    expect(telegrams.length).toBe(frames.length);
    expect(frames.length).toBeGreaterThanOrEqual(5);
    // the second run continued the counter the first one reported to the central
    const counters = frames.map((f) => f.frameCounter!);
    expect(counters).toEqual([...counters].sort((a, b) => a - b));
    expect(new Set(counters).size).toBe(counters.length);
  });
});

describe('--out parsing', () => {
  it('reads tcp, file and serial specs and refuses bad ones', () => {
    expect(parseSinkSpec('tcp:0.0.0.0:2001')).toEqual({ ok: true, value: { kind: 'tcp', host: '0.0.0.0', port: 2001 } });
    expect(parseSinkSpec('tcp:2001')).toEqual({ ok: true, value: { kind: 'tcp', host: '127.0.0.1', port: 2001 } });
    expect(parseSinkSpec('tcp:[::1]:0')).toEqual({ ok: true, value: { kind: 'tcp', host: '::1', port: 0 } });
    expect(parseSinkSpec('file:/tmp/x.bin')).toEqual({ ok: true, value: { kind: 'file', path: '/tmp/x.bin' } });
    expect(parseSinkSpec('/dev/pts/7')).toEqual({ ok: true, value: { kind: 'serial', path: '/dev/pts/7' } });
    expect(parseSinkSpec('serial:/dev/ttyUSB0')).toEqual({ ok: true, value: { kind: 'serial', path: '/dev/ttyUSB0' } });
    for (const bad of ['tcp:host:port', 'tcp:1:70000', 'file:', '']) expect(parseSinkSpec(bad).ok).toBe(false);
  });
});

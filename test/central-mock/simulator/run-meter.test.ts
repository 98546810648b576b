/**
 * The simulated meter end to end: a real central (temp dir), the simulator writing to one end of a
 * socat pty pair, the other end read through `serialport` at 115200 and decoded by the protocol's
 * stream decoder. Each change made through the staff API must show on the port from the next
 * telegram the meter builds after the change, and in the audit log.
 */
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALWAYS_SENT, fieldsPresent, hexToBytes, type DecoderEvent, type Telegram } from '../../../protocol/index.ts';
import { startSimulator, type RunningSimulator } from '../../../central-mock/simulator/run-meter.ts';
import { openSink, type Sink } from '../../../central-mock/simulator/sinks.ts';
import { createPortReader, hexOf, startSocat, startTestCentral, type TestCentral } from './harness.ts';

const INTERVAL_MS = 200;
const METER = 'SAG1030700012701';

let tc: TestCentral;
let socat: Awaited<ReturnType<typeof startSocat>> | undefined;
let port: SerialPort | undefined;
let sim: RunningSimulator | undefined;
let reader: ReturnType<typeof createPortReader>;
const sent: string[] = []; // hex of every frame, recorded before it reaches the pty

beforeAll(async () => {
  tc = await startTestCentral();
  const pair = await fetch(`${tc.central.url}/api/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ meterId: METER, code: tc.central.demo!.pairingCode }),
  });
  expect(pair.status).toBe(200);
  const { key } = (await pair.json()) as { key: string };
  reader = createPortReader(hexToBytes(key));
  socat = await startSocat();
  port = new SerialPort({ path: socat.b, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port!.open((e) => (e ? reject(e) : resolve())));
  port.on('data', (chunk: Buffer) => reader.push(new Uint8Array(chunk)));
  const serial = await openSink({ kind: 'serial', path: socat.a });
  const recording: Sink = {
    description: serial.description,
    write: (b) => (sent.push(hexOf(b)), serial.write(b)),
    close: () => serial.close(),
  };
  sim = await startSimulator({
    centralUrl: tc.central.url,
    token: tc.central.staffToken,
    meterId: METER,
    sink: recording,
    intervalMs: INTERVAL_MS,
    log: () => {},
  });
});

afterAll(async () => {
  await sim?.stop();
  if (port?.isOpen) await new Promise<void>((resolve) => port!.close(() => resolve()));
  await socat?.stop();
  await tc?.close();
});

const seqOf = (e: DecoderEvent): number => (e.type === 'warning' ? 0 : sent.indexOf(hexOf(e.raw)) + 1);

/** The first frame the meter built after a change that returned when `sent.length` was `n`. */
function frameAfter(n: number): Promise<DecoderEvent> {
  return reader.waitFor((e) => e.type !== 'warning' && seqOf(e) >= n + 2);
}

function telegramOf(e: DecoderEvent): { encrypted: boolean; frameCounter: number | null; telegram: Telegram } {
  if (e.type !== 'telegram') throw new Error(`expected a telegram, got ${e.type} ${'code' in e ? e.code : ''}`);
  return { encrypted: e.encrypted, frameCounter: e.frame?.frameCounter ?? null, telegram: e.telegram };
}

async function change(method: string, path: string, body?: unknown): Promise<number> {
  const res = await tc.api(method, `/api/meters/${METER}${path}`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return sent.length;
}

describe('simulated meter on a pty', () => {
  it('pushes encrypted full-list telegrams that the paired key decodes, counting frames up', async () => {
    const first = telegramOf(await reader.waitFor((e) => e.type === 'telegram'));
    const later = telegramOf(await reader.waitFor((e) => e.type === 'telegram' && e.frame!.frameCounter > first.frameCounter! + 1));
    expect(first.encrypted).toBe(true);
    expect(later.telegram.electricity.meterId).toBe(METER);
    expect(later.telegram.electricity.importEnergyWh).toBeGreaterThanOrEqual(first.telegram.electricity.importEnergyWh!);
    expect(later.telegram.mbus.map((c) => c.kind)).toEqual(['gas', 'water', 'heat']);
    expect(reader.events.filter((e) => e.type === 'error')).toEqual([]);
  });

  it('sends plain telegrams once encryption is off, and encrypted ones again when it is back on', async () => {
    const lastCounter = telegramOf(await frameAfter(sent.length)).frameCounter!;
    const off = telegramOf(await frameAfter(await change('PATCH', '', { encryption: false })));
    expect(off).toMatchObject({ encrypted: false, frameCounter: null });
    const on = telegramOf(await frameAfter(await change('PATCH', '', { encryption: true })));
    expect(on.encrypted).toBe(true);
    expect(on.frameCounter!).toBeGreaterThan(lastCounter); // plain frames do not use up counter values
  });

  it('pushes exactly a custom field set', async () => {
    const fields = ['1-0:1.8.0', '1-0:1.7.0', '0-0:96.3.10', '1-0:32.7.0', '1-0:31.7.0', '0-1:24.1.0', '0-1:24.2.1', '0-0:96.13.0'];
    const got = telegramOf(await frameAfter(await change('PATCH', '', { fields })));
    expect(fieldsPresent(got.telegram).sort()).toEqual([...ALWAYS_SENT, ...fields].sort());
    const full = telegramOf(await frameAfter(await change('PATCH', '', { fields: 'full' })));
    expect(fieldsPresent(full.telegram).length).toBeGreaterThan(fields.length + 20);
  });

  it('shows a text message, the breaker and a valve as set through the API', async () => {
    await change('PUT', '/messages/0', { text: 'Maintenance on Tuesday 9:00-11:00' });
    const msg = telegramOf(await frameAfter(await change('PUT', '/messages/3', { text: 'Gas reading' })));
    expect(msg.telegram.message).toBe('Maintenance on Tuesday 9:00-11:00');
    expect(msg.telegram.channelMessages?.['3']).toBe('Gas reading');
    const open = telegramOf(await frameAfter(await change('PATCH', '', { breaker: 'disconnected' })));
    expect(open.telegram.electricity.breaker).toBe('disconnected');
    expect(open.telegram.electricity.importPowerW).toBe(0);
    const ready = telegramOf(await frameAfter(await change('PATCH', '', { breaker: 'ready', relays: { relay2: 'connected' } })));
    expect(ready.telegram.electricity.breaker).toBe('ready');
    expect(ready.telegram.electricity.relays).toEqual({ relay1: 'disconnected', relay2: 'connected' });
    const valve = telegramOf(await frameAfter(await change('PATCH', '/mbus/1', { valve: 'disconnected' })));
    expect(valve.telegram.mbus.find((c) => c.channel === 1)?.valve).toBe('disconnected');
  });

  it('after a key rotation: the old key fails from the new key frame counter 0, the new key reads from 0', async () => {
    const n = await change('POST', '/rotate-key');
    const surely = await frameAfter(n); // built after the rotation: under the new key
    expect(surely.type === 'error' && surely.code).toBe('AUTH_FAILED');
    // The meter's first frame under the new key: the first one after the change the old key cannot open.
    const failed = reader.events.find((e) => e.type === 'error' && seqOf(e) > n)!;
    expect(failed.type === 'error' && failed.code).toBe('AUTH_FAILED');
    expect(failed.type === 'error' && failed.frame?.frameCounter).toBe(0);
    expect(reader.events.filter((e) => e.type === 'telegram' && seqOf(e) > seqOf(failed))).toEqual([]);
    const port = await tc.api('GET', `/api/meters/${METER}/port`);
    expect(port.body.keyVersion).toBe(2);
    // Replay everything the meter sent since then through a decoder holding the new key.
    const replay = createPortReader(hexToBytes(port.body.key));
    for (const hex of sent.slice(seqOf(failed) - 1)) replay.push(hexToBytes(hex));
    const counters = replay.events.filter((e) => e.type === 'telegram').map((e) => telegramOf(e).frameCounter);
    expect(counters.length).toBeGreaterThanOrEqual(2);
    expect(counters).toEqual(counters.map((_, i) => i));
    expect(replay.events.filter((e) => e.type === 'error')).toEqual([]);
    // The live reader gets the new key and goes on reading.
    reader.setKey(hexToBytes(port.body.key));
    const live = telegramOf(await frameAfter(sent.length));
    expect(live.frameCounter!).toBeGreaterThan(0);
  });

  it('left every change in the audit log', async () => {
    const { body } = await tc.api('GET', `/api/meters/${METER}/audit`);
    const entries = body.entries as { action: string; after: Record<string, any> | null }[];
    const changed = (pred: (a: Record<string, any>) => boolean) => entries.some((e) => e.after !== null && pred(e.after));
    expect(changed((a) => a.encryption === false)).toBe(true);
    expect(changed((a) => a.encryption === true)).toBe(true);
    expect(changed((a) => Array.isArray(a.fields) && a.fields.includes('1-0:31.7.0') && !a.fields.includes('1-0:2.8.0'))).toBe(true);
    expect(changed((a) => a.messages?.['0'] === 'Maintenance on Tuesday 9:00-11:00')).toBe(true);
    expect(changed((a) => a.messages?.['3'] === 'Gas reading')).toBe(true);
    expect(changed((a) => a.breaker === 'disconnected')).toBe(true);
    expect(changed((a) => a.relays?.relay2 === 'connected')).toBe(true);
    expect(changed((a) => JSON.stringify(a.mbus ?? a).includes('"valve":"disconnected"'))).toBe(true);
    expect(entries.some((e) => /key rotated/.test(e.action) && e.after?.keyVersion === 2)).toBe(true);
  });
});

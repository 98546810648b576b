/**
 * The staff service against a real central system (in-process, port 0, temp dir) and a simulated
 * meter whose frames go through the real stream decoder, as the session would feed them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../../central-mock/server.ts';
import { startSimulator, type RunningSimulator } from '../../../central-mock/simulator/run-meter.ts';
import { createStreamDecoder, hexToBytes } from '../../../protocol/index.ts';
import type { DecoderEvent, Telegram } from '../../../protocol/types.ts';
import type { ChangeTiming } from '../../../contracts/ipc.ts';
import { createStaffService, type StaffService } from '../../../electron/host/staff.ts';

let dir: string;
let central: Central;
let sim: RunningSimulator;
let staff: StaffService;
const timings: ChangeTiming[] = [];
const timingListeners = new Set<(t: ChangeTiming) => void>();
const eventListeners = new Set<(e: DecoderEvent) => void>();
const port = { systemTitle: null as string | null, meterId: null as string | null, lastTelegram: null as Telegram | null };

function until<T>(listeners: Set<(v: T) => void>, pred: (v: T) => boolean, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listeners.delete(check);
      reject(new Error(`timed out waiting for ${what}`));
    }, 10_000);
    const check = (v: T): void => {
      if (!pred(v)) return;
      clearTimeout(timer);
      listeners.delete(check);
      resolve(v);
    };
    listeners.add(check);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luxp1-staff-'));
  central = await startCentral({ dataDir: join(dir, 'central'), port: 0, seed: 'demo', masterKeyEnv: undefined, log: () => {} });
  const demo = central.demo!;
  const paired = await (
    await fetch(`${central.url}/api/pair`, {
      method: 'POST',
      body: JSON.stringify({ meterId: demo.meterId, code: demo.pairingCode }),
      headers: { 'content-type': 'application/json' },
    })
  ).json();
  // 'accept': the staff tests switch the meter's encryption off on purpose.
  const decoder = createStreamDecoder({ key: hexToBytes(paired.key), plain: 'accept' });
  staff = createStaffService({
    getPortView: () => port,
    onTiming: (t) => {
      timings.push(t);
      for (const l of [...timingListeners]) l(t);
    },
  });
  const sink = {
    description: 'memory',
    async write(bytes: Uint8Array) {
      for (const e of decoder.push(bytes)) {
        if (e.type === 'telegram') {
          port.lastTelegram = e.telegram;
          port.meterId = e.telegram.electricity.meterId ?? null;
          port.systemTitle = e.frame?.systemTitle ?? port.systemTitle;
        }
        staff.observeTelegram(e);
        for (const l of [...eventListeners]) l(e);
      }
    },
    async close() {},
  };
  sim = await startSimulator({
    centralUrl: central.url,
    token: central.staffToken,
    meterId: demo.meterId,
    sink,
    intervalMs: 150,
    log: () => {},
  });
});

afterAll(async () => {
  await sim?.stop();
  await central?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Makes a change and waits until the port shows it. */
async function changeAndSee(change: Parameters<StaffService['handle']>[1] & object): Promise<ChangeTiming> {
  const seen = new Promise<ChangeTiming>((resolve, reject) => {
    until(timingListeners, (t) => t.seenAt !== null && JSON.stringify(t.change) === JSON.stringify(change), 'seenAt').then(resolve, reject);
  });
  const r = await staff.handle('staff:change', change as never);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.acceptedAt).not.toBeNull();
  const t = await seen;
  expect(t.id).toBe((r.value as ChangeTiming).id);
  expect(t.requestedAt).toBeLessThanOrEqual(t.acceptedAt!);
  return t;
}

describe('staff service', () => {
  it('offers nothing without a sign-in and refuses a bad token', async () => {
    const change = await staff.handle('staff:change', { kind: 'rotate-key' });
    expect(change.ok ? null : change.error.code).toBe('NOT_SIGNED_IN');
    const bad = await staff.handle('staff:signIn', { centralUrl: central.url, token: 'not-the-token' });
    expect(bad.ok ? null : bad.error.code).toBe('UNAUTHORIZED');
    expect(staff.signedIn()).toBe(false);
  });

  it('signs in and matches the meter seen on the port', async () => {
    await until(eventListeners, (e) => e.type === 'telegram', 'a telegram');
    const r = await staff.handle('staff:signIn', { centralUrl: central.url, token: central.staffToken });
    expect(r.ok && r.value.meter?.meterId).toBe(central.demo!.meterId);
    const m = await staff.handle('staff:meter', null);
    expect(m.ok && m.value.systemTitle).toBe(central.demo!.systemTitle);
  });

  it('times encryption off and back on until the port follows', async () => {
    const off = await changeAndSee({ kind: 'patch', body: { encryption: false } });
    expect(off.seenAt).toBeGreaterThanOrEqual(off.requestedAt);
    const plain = await until(eventListeners, (e) => e.type === 'telegram', 'a telegram');
    expect(plain.type === 'telegram' && plain.encrypted).toBe(false);
    await changeAndSee({ kind: 'patch', body: { encryption: true } });
  });

  it('sees the full field set arrive, with gas, water and heat', async () => {
    await changeAndSee({ kind: 'patch', body: { fields: 'full' } });
    expect(port.lastTelegram?.mbus.map((m) => m.kind).sort()).toEqual(['gas', 'heat', 'water']);
    await changeAndSee({ kind: 'patch', body: { fields: 'basic' } });
    expect(port.lastTelegram?.mbus).toEqual([]);
  });

  it('sees a 1024-character message arrive whole', async () => {
    const text = Array.from({ length: 1024 }, (_, i) => String.fromCharCode(0x21 + (i % 90))).join('');
    await changeAndSee({ kind: 'message', channel: '0', text });
    expect(port.lastTelegram?.message).toBe(text);
  });

  it('sees a key rotation as a counter restart or failing tags', async () => {
    const t = await changeAndSee({ kind: 'rotate-key' });
    expect(t.seenAt).not.toBeNull();
    const m = await staff.handle('staff:meter', null);
    expect(m.ok && m.value.keyVersion).toBe(2);
  });

  it('records a change the central refuses, and never leaks the token', async () => {
    const r = await staff.handle('staff:change', { kind: 'patch', body: { powerLimitKva: 5000 } });
    expect(r.ok && r.value.error?.code).toBe('BAD_REQUEST');
    expect(r.ok && r.value.acceptedAt).toBeNull();
    expect(JSON.stringify(timings)).not.toContain(central.staffToken);
    await staff.handle('staff:signOut', null);
    const after = await staff.handle('staff:meter', null);
    expect(after.ok ? null : after.error.code).toBe('NOT_SIGNED_IN');
  });

  it('says UNREACHABLE when the central is down', async () => {
    const s = createStaffService({ getPortView: () => port, onTiming: () => {} });
    const r = await s.handle('staff:signIn', { centralUrl: 'http://127.0.0.1:1', token: 'x' });
    expect(r.ok ? null : r.error.code).toBe('UNREACHABLE');
  });
});

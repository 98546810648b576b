/**
 * Staff sessions per client with an idle timeout, superseded changes, pairing codes and the audit
 * log, against a real central system (in-process, port 0). Time comes from a fake clock; the port's
 * telegrams are decoder events the test builds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../../central-mock/server.ts';
import type { DecoderEvent, Telegram } from '../../../protocol/types.ts';
import type { ChangeTiming, StaffSessionState } from '../../../contracts/ipc.ts';
import { createStaffService, DEFAULT_STAFF_IDLE_MS, type StaffService } from '../../../electron/host/staff.ts';
import { createFakeClock, type FakeClock } from './fake-clock.ts';

let dir: string;
let central: Central;
let clock: FakeClock;
let staff: StaffService;
const timings: { timing: ChangeTiming; client?: string }[] = [];
const ended: { state: StaffSessionState; client: string }[] = [];
const port = { systemTitle: null as string | null, meterId: null as string | null, lastTelegram: null as Telegram | null };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luxp1-staff-sessions-'));
  central = await startCentral({ dataDir: join(dir, 'central'), port: 0, seed: 'demo', masterKeyEnv: undefined, log: () => {} });
  port.meterId = central.demo!.meterId;
  clock = createFakeClock();
  staff = createStaffService({
    now: clock.now,
    timers: clock,
    centralUrl: () => central.url,
    getPortView: () => port,
    onTiming: (timing, client) => timings.push({ timing, ...(client === undefined ? {} : { client }) }),
    onSession: (state, client) => ended.push({ state, client }),
  });
});

afterAll(async () => {
  await central?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function telegramWith(message: string, counter: number): DecoderEvent {
  const telegram: Telegram = { header: '/Lux5\\253663629_D', message, electricity: {}, mbus: [], unknown: [], crc: 0 };
  return {
    type: 'telegram',
    encrypted: true,
    frame: { systemTitle: central.demo!.systemTitle, frameCounter: counter, length: 0, securityControl: 0x30, tag: '' },
    telegram,
    text: '',
    raw: new Uint8Array(),
  } as DecoderEvent;
}

describe('staff sessions', () => {
  it('keeps each client signed in on its own', async () => {
    const a = await staff.handle('staff:signIn', { token: central.staffToken }, 'ws:1');
    expect(a.ok && a.value).toMatchObject({ centralUrl: central.url, idleMinutes: 15 });
    expect(a.ok && a.value.meter?.meterId).toBe(central.demo!.meterId);
    const other = await staff.handle('staff:meter', null, 'ws:2');
    expect(other.ok ? null : other.error.code).toBe('NOT_SIGNED_IN');
    const change = await staff.handle('staff:change', { kind: 'rotate-key' }, 'ws:2');
    expect(change.ok ? null : change.error.code).toBe('NOT_SIGNED_IN');
    expect(staff.signedIn('ws:1')).toBe(true);
    expect(staff.signedIn('ws:2')).toBe(false);
    await staff.handle('staff:signOut', null, 'ws:1');
    expect(staff.signedIn('ws:1')).toBe(false);
  });

  it('ends a session after the idle timeout and tells only its client', async () => {
    await staff.handle('staff:signIn', { token: central.staffToken }, 'ws:3');
    await staff.handle('staff:signIn', { token: central.staffToken }, 'ws:4');
    clock.advance(DEFAULT_STAFF_IDLE_MS - 60_000);
    expect((await staff.handle('staff:meter', null, 'ws:4')).ok).toBe(true); // activity restarts ws:4's timer
    clock.advance(60_000);
    expect(ended).toEqual([{ state: { signedIn: false, reason: 'idle', idleMinutes: 15 }, client: 'ws:3' }]);
    expect(staff.signedIn('ws:3')).toBe(false);
    expect(staff.signedIn('ws:4')).toBe(true);
    const late = await staff.handle('staff:meter', null, 'ws:3');
    expect(late.ok ? null : late.error.code).toBe('NOT_SIGNED_IN');
    await staff.handle('staff:signOut', null, 'ws:4');
  });

  it('without timers, expires an idle session at its next request', async () => {
    let now = 0;
    const lazy = createStaffService({ now: () => now, centralUrl: () => central.url, getPortView: () => port, onTiming: () => {} });
    expect((await lazy.handle('staff:signIn', { token: central.staffToken })).ok).toBe(true);
    now += DEFAULT_STAFF_IDLE_MS;
    const r = await lazy.handle('staff:meter', null);
    expect(r.ok ? null : r.error).toMatchObject({ code: 'SESSION_EXPIRED', message: expect.stringContaining('15 minutes') });
  });

  it('marks a change superseded before the port showed it, and never times it later', async () => {
    await staff.handle('staff:signIn', { token: central.staffToken }, 'ws:5');
    const first = await staff.handle('staff:change', { kind: 'message', channel: '2', text: 'first' }, 'ws:5');
    const other = await staff.handle('staff:change', { kind: 'message', channel: '3', text: 'other channel' }, 'ws:5');
    const second = await staff.handle('staff:change', { kind: 'message', channel: '2', text: 'second' }, 'ws:5');
    if (!first.ok || !second.ok || !other.ok) throw new Error('changes refused');
    const superseded = timings.find((t) => t.timing.id === first.value.id && t.timing.supersededBy !== undefined);
    expect(superseded).toMatchObject({ client: 'ws:5', timing: { supersededBy: second.value.id, seenAt: null } });
    expect(timings.some((t) => t.timing.id === other.value.id && t.timing.supersededBy !== undefined)).toBe(false);
    // The port shows the old text much later (another client set it again): not this change's latency.
    clock.advance(137_000);
    const t = telegramWith('', 1);
    (t as { telegram: Telegram }).telegram.channelMessages = { '2': 'first', '3': 'other channel' };
    staff.observeTelegram(t);
    const seen = timings.filter((x) => x.timing.seenAt !== null).map((x) => x.timing.id);
    expect(seen).toEqual([other.value.id]);
    await staff.handle('staff:signOut', null, 'ws:5');
  });

  it('issues a pairing code that pairs, and reads the audit log', async () => {
    await staff.handle('staff:signIn', { token: central.staffToken }, 'ws:6');
    const code = await staff.handle('staff:pairingCode', null, 'ws:6');
    if (!code.ok) throw new Error(code.error.message);
    expect(code.value.pairingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const pair = await fetch(`${central.url}/api/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meterId: central.demo!.meterId, code: code.value.pairingCode }),
    });
    expect(pair.status).toBe(200);
    const audit = await staff.handle('staff:audit', null, 'ws:6');
    if (!audit.ok) throw new Error(audit.error.message);
    expect(audit.value.entries.length).toBeGreaterThan(0);
    expect(audit.value.entries.some((e) => /message/i.test(e.action))).toBe(true);
    expect(JSON.stringify(audit.value)).not.toContain(code.value.pairingCode);
    const nobody = await staff.handle('staff:audit', null, 'ws:7');
    expect(nobody.ok ? null : nobody.error.code).toBe('NOT_SIGNED_IN');
  });
});

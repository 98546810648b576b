import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
let clock = Date.parse('2026-04-03T10:00:00Z');
let a: { meterId: string; systemTitle: string; pairingCode: string };
let b: { meterId: string; systemTitle: string; pairingCode: string };

beforeAll(async () => {
  h = await startHarness({ now: () => clock });
  a = (await h.call('POST', '/api/meters', {})).body;
  b = (await h.call('POST', '/api/meters', {})).body;
});
afterAll(() => h.stop());

const pair = (body: unknown) => h.call('POST', '/api/pair', body, false);

describe('pairing', () => {
  it("refuses another meter's code, counting it as a failure", async () => {
    const r = await pair({ meterId: a.meterId, code: b.pairingCode });
    expect(r).toMatchObject({ status: 401, body: { error: 'BAD_CODE', attemptsLeft: 4 } });
    expect(r.body).not.toHaveProperty('key');
  });

  it('locks after 5 failures for 15 minutes, even for the right code, then recovers', async () => {
    for (const left of [3, 2, 1]) expect((await pair({ meterId: a.meterId, code: 'WRONG' })).body.attemptsLeft).toBe(left);
    const fifth = await pair({ systemTitle: a.systemTitle, code: 'WRONG' });
    expect(fifth).toMatchObject({ status: 429, body: { error: 'LOCKED', lockedUntil: '2026-04-03T10:15:00.000Z' } });
    expect((await pair({ meterId: a.meterId, code: a.pairingCode })).status).toBe(429);
    expect((await pair({ meterId: b.meterId, code: b.pairingCode })).status).toBe(200); // the lock is per meter
    clock += 15 * 60_000 - 1;
    expect((await pair({ meterId: a.meterId, code: a.pairingCode })).status).toBe(429);
    clock += 1;
    expect((await pair({ meterId: a.meterId, code: 'WRONG' })).body.attemptsLeft).toBe(4); // a fresh count after expiry
    expect((await pair({ meterId: a.meterId, code: a.pairingCode.toLowerCase() })).status).toBe(200);
  });

  it('records every attempt and the lockout as events', async () => {
    const types = (await h.call('GET', `/api/meters/${a.meterId}/events`)).body.events.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === 'pairing-failed')).toHaveLength(6);
    expect(types).toContain('pairing-lockout');
    expect(types.filter((t: string) => t === 'pairing-locked')).toHaveLength(2);
    expect(types[0]).toBe('pairing-ok');
  });

  it('answers UNKNOWN_METER and BAD_REQUEST', async () => {
    expect((await pair({ meterId: 'SAG0000000000000', code: 'x' })).body.error).toBe('UNKNOWN_METER');
    for (const body of [
      { code: 'x' },
      { meterId: a.meterId },
      { meterId: a.meterId, systemTitle: a.systemTitle, code: 'x' },
      { systemTitle: 'ABCD', code: 'x' },
      [1],
    ]) {
      expect((await pair(body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});
